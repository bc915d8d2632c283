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
import { AppError, invalid, notFound } from "@/lib/errors";
import { EDITABLE_STATUSES } from "@/lib/report/status";
import { getReportAccess } from "@/lib/report/server/access";
import { SECTION_CONTENT, emptyContent, type SectionContent } from "@/lib/report/content";
import { sectionByKey, type SectionDef } from "@/lib/report/sections";
import { reportState, type SectionContents } from "@/lib/report/precheck";
import { valueErrors } from "@/lib/report/values";
import { sectionContentErrors } from "@/lib/report/content-rules";
import { summaryFromComputed, summaryJson } from "@/lib/report/summary";
import { fieldErrorsOf } from "@/lib/validation";
import { randomUUID } from "node:crypto";
import { driverQuery, driverTransaction, sql, type SqlRunner } from "@/lib/db/driver";
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
  const others = await otherSections(await driverQuery(db), report.id, def.key);
  let derived = derivedState(report.schemeDef, others, def.key, content);
  try {
    await driverTransaction(db, async (tx) => {
      const touched = await tx.run(sql`
        UPDATE "Report" SET "lastEditedAt" = ${now}, "lastEditedById" = ${actor.userId}, "updatedAt" = ${now},
          "completeness" = ${derived.completeness}, "problemCount" = ${derived.problemCount}, "summary" = ${derived.summary}
        WHERE "id" = ${report.id} AND "status" IN (${EDITABLE_STATUSES})`);
      if (touched === 0) throw new AppError("CONFLICT", "报告已提交或已审核通过，当前不能修改");
      const updated = await tx.run(sql`
        UPDATE "ReportSection" SET "content" = ${json}, "version" = ${version}, "updatedAt" = ${now}, "updatedById" = ${actor.userId}
        WHERE "reportId" = ${report.id} AND "key" = ${def.key} AND "version" = ${input.baseVersion}`);
      if (updated === 0) {
        if (input.baseVersion !== 0) throw new StaleVersion();
        // First save of a section nobody has saved yet; when a concurrent first save got there first, this is stale.
        const inserted = await tx.run(sql`
          INSERT INTO "ReportSection" ("id", "reportId", "key", "content", "version", "updatedAt", "updatedById")
          VALUES (${randomUUID()}, ${report.id}, ${def.key}, ${json}, ${version}, ${now}, ${actor.userId})
          ON CONFLICT ("reportId", "key") DO NOTHING`);
        if (inserted === 0) throw new StaleVersion();
      }
      const note = input.restoredFrom ? `恢复自第 ${input.restoredFrom} 版` : null;
      await tx.run(sql`
        INSERT INTO "SectionRevision" ("reportId", "sectionKey", "version", "content", "authorId", "createdAt", "note")
        VALUES (${report.id}, ${def.key}, ${version}, ${json}, ${actor.userId}, ${now}, ${note})`);
      // Versions only grow, so an unchanged sum means no other section was saved since they were read. Under the
      // report's lock (taken by the first statement) nobody can save one now either.
      const [{ sum }] = await tx.rows<{ sum: number | null }>(sql`SELECT SUM("version") AS "sum" FROM "ReportSection" WHERE "reportId" = ${report.id}`);
      if ((sum ?? 0) !== others.versionSum + version) {
        derived = derivedState(report.schemeDef, await otherSections(tx, report.id, def.key), def.key, content);
        await tx.run(sql`
          UPDATE "Report" SET "completeness" = ${derived.completeness}, "problemCount" = ${derived.problemCount}, "summary" = ${derived.summary}
          WHERE "id" = ${report.id}`);
      }
    });
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

type OtherSections = { contents: SectionContents; versionSum: number };

async function otherSections(db: SqlRunner, reportId: string, key: string): Promise<OtherSections> {
  const rows = await db.rows<{ key: string; content: string; version: number }>(sql`
    SELECT "key", "content", "version" FROM "ReportSection" WHERE "reportId" = ${reportId} AND "key" <> ${key}`);
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
