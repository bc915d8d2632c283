import "server-only";
// The item guard: who may read or write one section of a report. County users go through the report guard as
// before (lib/auth/server/guards.ts). A contributor (部门填报人) reaches a section only while an open assignment of
// its criterion names them — the criterion's school table comes with it — and writes it only while the item is
// theirs (not handed in, not confirmed). Anything else is "not found", as another county's report is.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { reachesPath } from "@/lib/auth/actor";
import { getReportAccess, requirePermission, type ReportAccess } from "@/lib/auth/server/guards";
import { reportWithHeader } from "@/lib/db/queries/reports";
import { conflict, notFound } from "@/lib/errors";
import { cachedScheme } from "@/lib/schemes/server/service";
import { criterionKey, sectionByKey } from "@/lib/report/sections";
import type { TScheme } from "@/lib/template/schema";
import { CONTRIBUTOR_EDITABLE, type AssignmentStatus } from "@/lib/assignments/status";

export type ItemMode = "read" | "edit";
export type ItemAccess = { report: ReportAccess; assignment: { id: string; status: AssignmentStatus; figureKey: string | null } | null };

/** The key an assignment is recorded under for a section: its criterion's ("table:x" → "criterion:y"). */
export function assignmentKeyOf(scheme: TScheme, sectionKey: string): string | null {
  const def = sectionByKey(scheme, sectionKey);
  if (!def || def.partKind !== "criteria" || !def.criterion) return null;
  return criterionKey(def.criterion.code);
}

/** A contributor's report: permission, reach, and the scheme — without any report-wide right. */
export async function contributorReport(db: Db, actor: Actor, reportId: string): Promise<ReportAccess> {
  requirePermission(actor, "report:contribute");
  const report = await reportWithHeader(db, reportId);
  if (!report || !reachesPath(actor, report.county.path)) throw notFound("报告");
  return { ...report, schemeDef: await cachedScheme(db, report.scheme.id) };
}

export async function getItemAccess(db: Db, actor: Actor, reportId: string, sectionKey: string, mode: ItemMode): Promise<ItemAccess> {
  if (actor.role !== "contributor") {
    return { report: await getReportAccess(db, actor, reportId, mode === "edit" ? "report:edit" : "report:read"), assignment: null };
  }
  const report = await contributorReport(db, actor, reportId);
  const key = assignmentKeyOf(report.schemeDef, sectionKey);
  const rows = key
    ? await db.assignment.findMany({
        where: { reportId: report.id, sectionKey: key, supersededAt: null, contributors: { some: { userId: actor.userId } } },
        select: { id: true, status: true, figureKey: true },
      })
    : [];
  // The whole item, when they hold it, over one of its figures.
  const row = rows.find((r) => r.figureKey === null) ?? rows[0];
  if (!row) throw notFound("章节");
  const status = row.status as AssignmentStatus;
  if (mode === "edit" && !CONTRIBUTOR_EDITABLE.includes(status)) throw conflict("该项目已提交本部门（或已确认），退回后才能修改");
  return { report, assignment: { id: row.id, status, figureKey: row.figureKey } };
}

/** The report, if the contributor holds at least one open item of it (a pre-check before an upload body is read). */
export async function contributorHoldsItem(db: Db, actor: Actor, reportId: string): Promise<ReportAccess> {
  const report = await contributorReport(db, actor, reportId);
  const held = await db.assignment.count({ where: { reportId: report.id, supersededAt: null, contributors: { some: { userId: actor.userId } } } });
  if (held === 0) throw notFound("报告");
  return report;
}
