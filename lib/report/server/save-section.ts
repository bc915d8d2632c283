import "server-only";
// Autosave of one section with optimistic concurrency. The client names the version it started from; the write
// happens only if that is still the current version, otherwise the caller gets the current text to show in a
// conflict dialog. Every accepted save is kept as a revision. All of it in one transaction whose first statement
// is a write, so SQLite takes the write lock up front and PostgreSQL locks the report row.
// The report's derived figures (completeness, open findings, indicator summary) are computed before the
// transaction from the other sections as read just before it, and written by its first statement; inside, one
// cheap check proves no other section changed in between, else they are recomputed under the lock. One write
// transaction per save, short, and the figures are exact (docs/decisions/010-autosave-latency.md). The statements
// go straight to the driver (lib/db/driver.ts): through Prisma each cost more than the database's own work
// (docs/decisions/015-raw-sql-on-the-hot-path.md).
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { invalid, notFound } from "@/lib/errors";
import { getItemAccess } from "@/lib/assignments/server/access";
import { assignmentKeyOf } from "@/lib/assignments/server/access";
import { defaultOffice } from "@/lib/assignments/server/provenance";
import { changedFields, figureFields } from "@/lib/assignments/provenance";
import { SECTION_CONTENT, emptyContent, type SectionContent } from "@/lib/report/content";
import { sectionByKey, type SectionDef } from "@/lib/report/sections";
import { reportState, type SectionContents } from "@/lib/report/precheck";
import { valueErrors } from "@/lib/report/values";
import { sectionContentErrors } from "@/lib/report/content-rules";
import { summaryFromComputed, summaryJson } from "@/lib/report/summary";
import { fieldErrorsOf } from "@/lib/validation";
import { driverQuery, driverTransaction, type SqlRunner } from "@/lib/db/driver";
import { updateReportDerived } from "@/lib/db/queries/reports";
import { insertRevision, insertSectionIfAbsent, otherSectionRows, sectionRows, sectionVersionSum, updateSectionAt, type StoredSectionRow } from "@/lib/db/queries/sections";
import { touchAssignment, upsertProvenance } from "@/lib/db/queries/activity";
import { assertReportEditable } from "@/lib/report/server/editable";
import { decodeRows, sectionIndex } from "@/lib/report/server/repository";
import { decodeSection } from "@/lib/report/stored";
import { NewerContentFormat, migrateSectionContent } from "@/lib/report/migrate";
import { decodeReviews, type TExplanationReviews } from "@/lib/report/explanations";
import type { TScheme } from "@/lib/template/schema";

export type SaveInput = { reportId: string; key: string; baseVersion: number; content: unknown; restoredFrom?: number };
export type SaveOutcome =
  | { ok: true; version: number; savedAt: string; completeness: number }
  | { ok: false; conflict: { version: number; content: SectionContent; updatedBy: string | null; updatedAt: string } };

class StaleVersion extends Error {}

export function parseSectionContent(def: SectionDef, content: unknown): SectionContent {
  // A tab opened before an upgrade still sends the older content format: bring it up to date like a stored row.
  let current: unknown;
  try {
    current = migrateSectionContent(def.kind, content);
  } catch (error) {
    if (error instanceof NewerContentFormat) throw invalid(`内容有误，未保存：${error.message}`);
    throw error;
  }
  const parsed = SECTION_CONTENT[def.kind].safeParse(current);
  if (!parsed.success) throw invalid("内容有误，未保存：" + parsed.error.issues[0].message, fieldErrorsOf(parsed.error));
  if ("values" in parsed.data) {
    const errors = valueErrors(def.inputs, parsed.data.values);
    if (Object.keys(errors).length) throw invalid("数据有误，未保存：" + Object.values(errors)[0][0], errors);
  }
  const schemeErrors = sectionContentErrors(def, parsed.data);
  if (Object.keys(schemeErrors).length) throw invalid("数据有误，未保存：" + Object.values(schemeErrors)[0][0], schemeErrors);
  return parsed.data;
}

export async function saveSection(db: Db, actor: Actor, input: SaveInput): Promise<SaveOutcome> {
  // County users: the report guard; a contributor: only an item assigned to them and still theirs.
  const { report, assignment } = await getItemAccess(db, actor, input.reportId, input.key, "edit");
  const def = sectionByKey(report.schemeDef, input.key);
  if (!def) throw notFound("章节");
  const content = parseSectionContent(def, input.content);
  // One read of the report's sections: this one as it was (for provenance and the figure-only check), the others
  // for the derived figures.
  const rows = await sectionRows(await driverQuery(db), report.id);
  const stored = rows.find((r) => r.key === def.key);
  const before = stored ? decodeSection(def, stored.content) : emptyContent[def.kind]();
  if (assignment?.figureKey) assertOnlyFigure(def, assignment.figureKey, before, content);
  const now = new Date();
  const write = { reportId: report.id, key: def.key, json: JSON.stringify(content), version: input.baseVersion + 1, now, userId: actor.userId };
  const others = otherSectionsOf(report.schemeDef, rows.filter((r) => r.key !== def.key));
  const changed = changedFields(before as Record<string, unknown>, content as Record<string, unknown>);
  const assignmentKey = assignmentKeyOf(report.schemeDef, def.key);
  // Reviews of 情况说明 change only while the report is under review (not editable), so the row read by the guard
  // has the current ones for as long as this save can succeed.
  const reviews = decodeReviews(report.explanationReviews);
  let derived = derivedState(report.schemeDef, others, def.key, content, reviews);
  try {
    await driverTransaction(db, async (tx) => {
      await assertReportEditable(tx, report.id, {
        now,
        touch: { lastEditedAt: now, lastEditedById: actor.userId, completeness: derived.completeness, problemCount: derived.problemCount, summary: derived.summary },
      });
      if ((await updateSectionAt(tx, write, input.baseVersion)) === 0) {
        if (input.baseVersion !== 0) throw new StaleVersion();
        // First save of a section nobody has saved yet; when a concurrent first save got there first, this is stale.
        if ((await insertSectionIfAbsent(tx, write)) === 0) throw new StaleVersion();
      }
      await insertRevision(tx, write, input.restoredFrom ? `恢复自第 ${input.restoredFrom} 版` : null);
      // Versions only grow, so an unchanged sum means no other section was saved since they were read. Under the
      // report's lock (taken by the first statement) nobody can save one now either.
      if ((await sectionVersionSum(tx, report.id)) !== others.versionSum + write.version) {
        derived = derivedState(report.schemeDef, await otherSections(tx, report.schemeDef, report.id, def.key), def.key, content, reviews);
        await updateReportDerived(tx, report.id, derived);
      }
      // Who changed what, and the assignment's activity: in the same transaction, so a save is recorded whole.
      await upsertProvenance(tx, { reportId: report.id, sectionKey: def.key, fields: changed, userId: actor.userId, userName: actor.name, defaultOffice: defaultOffice(actor), at: now });
      if (assignmentKey) await touchAssignment(tx, { reportId: report.id, sectionKey: assignmentKey, at: now, contributorId: actor.role === "contributor" ? actor.userId : null });
    });
    return { ok: true, version: write.version, savedAt: now.toISOString(), completeness: derived.completeness };
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const current = await db.reportSection.findUnique({
      where: { reportId_key: { reportId: report.id, key: def.key } },
    });
    const author = current?.updatedById
      ? await db.user.findUnique({ where: { id: current.updatedById }, select: { name: true } })
      : null;
    return {
      ok: false,
      conflict: {
        version: current?.version ?? 0,
        content: current ? decodeSection(def, current.content) : emptyContent[def.kind](),
        updatedBy: author?.name ?? null,
        updatedAt: (current?.updatedAt ?? now).toISOString(),
      },
    };
  }
}

type OtherSections = { contents: SectionContents; versionSum: number };

async function otherSections(db: SqlRunner, scheme: TScheme, reportId: string, key: string): Promise<OtherSections> {
  return otherSectionsOf(scheme, await otherSectionRows(db, reportId, key));
}

function otherSectionsOf(scheme: TScheme, rows: StoredSectionRow[]): OtherSections {
  return { contents: decodeRows(sectionIndex(scheme), rows), versionSum: rows.reduce((n, r) => n + r.version, 0) };
}

/** The report's derived columns with one section's new content: what the report list and the dashboards read. */
function derivedState(scheme: TScheme, others: OtherSections, key: string, content: SectionContent, reviews: TExplanationReviews) {
  const state = reportState(scheme, { ...others.contents, [key]: content }, { prose: false, reviews });
  return { completeness: state.completeness, problemCount: state.errors, summary: summaryJson(summaryFromComputed(scheme, state.computed, state.scores)) };
}

/** A figure-only assignment: the save may change that figure (its value, stated result, note) and nothing else. */
function assertOnlyFigure(def: SectionDef, figureKey: string, before: SectionContent, after: SectionContent) {
  const indicator = def.indicators.find((i) => i.key === figureKey);
  const inputs = indicator ? Object.values(indicator.formula).filter((v): v is string => typeof v === "string" && def.inputs.some((i) => i.key === v)) : [];
  const allowed = figureFields(figureKey, inputs);
  const outside = changedFields(before as Record<string, unknown>, after as Record<string, unknown>).filter((f) => !allowed.has(f));
  if (outside.length) throw invalid("只能修改分配给您的数据，其他内容未保存");
}
