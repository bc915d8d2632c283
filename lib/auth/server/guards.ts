import "server-only";
// Every guard, in one place: load the resource, check the permission and the reach on the server, fail closed with
// 404 so that other counties' data is not even confirmed to exist. The county of a report comes from the report
// row, never from the client.
import { cache } from "react";
import type { Db } from "@/lib/db/connect";
import { reportWithHeader } from "@/lib/db/queries/reports";
import { reachesPath, type Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/roles";
import { forbidden, notFound } from "@/lib/errors";
import { cachedScheme } from "@/lib/schemes/server/service";

export function requirePermission(actor: Actor, permission: Permission): void {
  if (hasPermission(actor.role, permission)) return;
  // A contributor reaches only the items assigned to them (lib/assignments/server/access.ts): anything else is,
  // for them, as absent as another county's report — not even a "forbidden" that confirms it is there.
  throw actor.role === "contributor" ? notFound("页面") : forbidden();
}

export async function getRegionAccess(db: Db, actor: Actor, code: string, permission: Permission) {
  requirePermission(actor, permission);
  const region = await db.region.findUnique({ where: { code } });
  if (!region || !reachesPath(actor, region.path)) throw notFound("行政区划");
  return region;
}

export async function getUserAccess(db: Db, actor: Actor, userId: string) {
  requirePermission(actor, "user:manage");
  const user = await db.user.findUnique({ where: { id: userId }, include: { region: true } });
  if (!user || !reachesPath(actor, user.region.path)) throw notFound("用户");
  return user;
}

/**
 * The report with its county, scheme header and scheme definition, if the actor may `permission` it and it is in
 * their reach. Memoised per server render (React's cache; a no-op elsewhere): the editor page reaches the same
 * report through loadReport, listEvidence, listComments and the workflow strip, and checks it once. The report row
 * is one statement straight to the driver (every autosave runs it); the scheme's definition (tens of kB) is read
 * only the first time this process meets the scheme.
 */
export const getReportAccess = cache(async function getReportAccess(db: Db, actor: Actor, reportId: string, permission: Permission) {
  requirePermission(actor, permission);
  const report = await reportWithHeader(db, reportId);
  if (!report || !reachesPath(actor, report.county.path)) throw notFound("报告");
  return { ...report, schemeDef: await cachedScheme(db, report.scheme.id) };
});

export type ReportAccess = Awaited<ReturnType<typeof getReportAccess>>;
