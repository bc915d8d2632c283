// Autosave of one section with optimistic concurrency. The client names the version it started from; the write
// happens only if that is still the current version, otherwise the caller gets the current text to show in a
// conflict dialog. Every accepted save is kept as a revision. All of it in one transaction whose first statement
// is a write, so SQLite takes the write lock up front and PostgreSQL locks the report row.
// The report's derived figures (completeness, open findings, indicator summary) are computed before the
// transaction from the other sections as read just before it, and written by its first statement; inside, one
// cheap check proves no other section changed in between, else they are recomputed under the lock. One write
// transaction per save, short, and the figures are exact (docs/decisions/010-autosave-latency.md).
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { AppError, invalid, notFound } from "@/lib/errors";
import { EDITABLE_STATUSES } from "@/lib/review/status";
import { getReportAccess } from "@/lib/report/access";
import { SECTION_CONTENT, emptyContent, type SectionContent } from "@/lib/report/content";
import { sectionByKey, type SectionDef } from "@/lib/report/sections";
import { reportState, type SectionContents } from "@/lib/report/precheck";
import { valueErrors } from "@/lib/report/values";
import { sectionContentErrors } from "@/lib/report/content-rules";
import { summaryFromComputed, summaryJson } from "@/lib/review/report-summary";
import { fieldErrorsOf } from "@/lib/validation";
import { randomUUID } from "node:crypto";
import type { TScheme } from "@/lib/template/schema";

export type SaveInput = { reportId: string; key: string; baseVersion: number; content: unknown; restoredFrom?: number };
export type SaveOutcome =
  | { ok: true; version: number; savedAt: string; completeness: number }
  | { ok: false; conflict: { version: number; content: SectionContent; updatedBy: string | null; updatedAt: string } };

class StaleVersion extends Error {}

export function parseSectionContent(def: SectionDef, content: unknown): SectionContent {
  const parsed = SECTION_CONTENT[def.kind].safeParse(content);
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
  const report = await getReportAccess(db, actor, input.reportId, "report:edit");
  const def = sectionByKey(report.schemeDef, input.key);
  if (!def) throw notFound("章节");
  const content = parseSectionContent(def, input.content);
  const json = JSON.stringify(content);
  const now = new Date();
  const version = input.baseVersion + 1;
  const others = await otherSections(db, report.id, def.key);
  let derived = derivedState(report.schemeDef, others, def.key, content);
  try {
    await db.$transaction(async (tx) => {
      const touched = await tx.report.updateMany({
        where: { id: report.id, status: { in: EDITABLE_STATUSES } },
        data: { lastEditedAt: now, lastEditedById: actor.userId, ...derived },
      });
      if (touched.count === 0) throw new AppError("CONFLICT", "报告已提交或已审核通过，当前不能修改");
      const updated = await tx.reportSection.updateMany({
        where: { reportId: report.id, key: def.key, version: input.baseVersion },
        data: { content: json, version, updatedAt: now, updatedById: actor.userId },
      });
      if (updated.count === 0) {
        if (input.baseVersion !== 0) throw new StaleVersion();
        // First save of a section nobody has saved yet; a concurrent first save makes this insert fail as stale.
        await tx.reportSection
          .create({ data: { id: randomUUID(), reportId: report.id, key: def.key, content: json, version, updatedAt: now, updatedById: actor.userId }, select: { id: true } })
          .catch(() => {
            throw new StaleVersion();
          });
      }
      // createMany: the revision's content is not read back.
      await tx.sectionRevision.createMany({
        data: [{ reportId: report.id, sectionKey: def.key, version, content: json, authorId: actor.userId, createdAt: now, note: input.restoredFrom ? `恢复自第 ${input.restoredFrom} 版` : null }],
      });
      // Versions only grow, so an unchanged sum means no other section was saved since they were read. Under the
      // report's lock (taken by the first statement) nobody can save one now either.
      const sum = await tx.reportSection.aggregate({ where: { reportId: report.id }, _sum: { version: true } });
      if ((sum._sum.version ?? 0) !== others.versionSum + version) {
        derived = derivedState(report.schemeDef, await otherSections(tx, report.id, def.key), def.key, content);
        await tx.report.updateMany({ where: { id: report.id }, data: derived });
      }
      // Saves of one report queue on its row lock while holding pool connections; on a busy deadline day waiting a
      // few seconds for a connection beats answering "系统繁忙" (Prisma's default maxWait is 2 s).
    }, { maxWait: 10_000, timeout: 20_000 });
    return { ok: true, version, savedAt: now.toISOString(), completeness: derived.completeness };
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
        content: current ? (JSON.parse(current.content) as SectionContent) : emptyContent[def.kind](),
        updatedBy: author?.name ?? null,
        updatedAt: (current?.updatedAt ?? now).toISOString(),
      },
    };
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type OtherSections = { contents: SectionContents; versionSum: number };

async function otherSections(db: Db | Tx, reportId: string, key: string): Promise<OtherSections> {
  const rows = await db.reportSection.findMany({ where: { reportId, key: { not: key } }, select: { key: true, content: true, version: true } });
  return {
    contents: Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.content) as SectionContent])),
    versionSum: rows.reduce((n, r) => n + r.version, 0),
  };
}

/** The report's derived columns with one section's new content: what the report list and the dashboards read. */
function derivedState(scheme: TScheme, others: OtherSections, key: string, content: SectionContent) {
  const state = reportState(scheme, { ...others.contents, [key]: content }, { prose: false });
  return { completeness: state.completeness, problemCount: state.errors, summary: summaryJson(summaryFromComputed(scheme, state.computed)) };
}
