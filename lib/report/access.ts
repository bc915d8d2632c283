// The one guard for reports: the county comes from the report row, never from the client; a report outside the
// actor's reach is "not found".
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/roles";
import { reachesPath } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { schemeOf } from "@/lib/schemes/service";

export async function getReportAccess(db: Db, actor: Actor, reportId: string, permission: Permission) {
  requirePermission(actor, permission);
  const report = await db.report.findUnique({
    where: { id: reportId },
    include: { county: { select: { code: true, name: true, path: true } }, scheme: true },
  });
  if (!report || !reachesPath(actor, report.county.path)) throw notFound("报告");
  return { ...report, schemeDef: schemeOf(report.scheme) };
}

export type ReportAccess = Awaited<ReturnType<typeof getReportAccess>>;
