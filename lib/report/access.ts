// The one guard for reports: the county comes from the report row, never from the client; a report outside the
// actor's reach is "not found".
import { cache } from "react";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/roles";
import { reachesPath } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { cachedScheme } from "@/lib/schemes/service";

// Memoised per server render (React's cache; a no-op elsewhere): the editor page reaches the same report through
// loadReport, listEvidence, listComments and the workflow strip, and checks it once.
export const getReportAccess = cache(async function getReportAccess(db: Db, actor: Actor, reportId: string, permission: Permission) {
  requirePermission(actor, permission);
  const report = await db.report.findUnique({
    where: { id: reportId },
    include: {
      county: { select: { code: true, name: true, path: true } },
      // The definition (tens of kB) is read only the first time this process meets the scheme.
      scheme: { select: { id: true, code: true, version: true, title: true, year: true } },
    },
  });
  if (!report || !reachesPath(actor, report.county.path)) throw notFound("报告");
  return { ...report, schemeDef: await cachedScheme(db, report.scheme.id) };
});

export type ReportAccess = Awaited<ReturnType<typeof getReportAccess>>;
