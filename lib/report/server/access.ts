// The one guard for reports: the county comes from the report row, never from the client; a report outside the
// actor's reach is "not found".
import { cache } from "react";
import type { Db } from "@/lib/db/connect";
import { driverQuery, sql } from "@/lib/db/driver";
import type { Report } from "@/lib/db/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import type { Permission } from "@/lib/auth/roles";
import { reachesPath } from "@/lib/auth/server/scope";
import { notFound } from "@/lib/errors";
import { cachedScheme } from "@/lib/schemes/server/service";

// Memoised per server render (React's cache; a no-op elsewhere): the editor page reaches the same report through
// loadReport, listEvidence, listComments and the workflow strip, and checks it once.
export const getReportAccess = cache(async function getReportAccess(db: Db, actor: Actor, reportId: string, permission: Permission) {
  requirePermission(actor, permission);
  const report = await reportRow(db, reportId);
  if (!report || !reachesPath(actor, report.county.path)) throw notFound("报告");
  return { ...report, schemeDef: await cachedScheme(db, report.scheme.id) };
});

type Row = Report & { countyName: string; countyPath: string; schemeVersion: number; schemeTitle: string; schemeYear: number };

/** The report with its county and scheme header in one statement, straight to the driver: every autosave and every
 *  page of a report runs it, and through Prisma's query planner it cost several times the database's own work
 *  (decision 015). The scheme's definition (tens of kB) is read only the first time this process meets the scheme
 *  (cachedScheme). */
async function reportRow(db: Db, reportId: string) {
  const [row] = await (await driverQuery(db)).rows<Row>(sql`
    SELECT r.*, g."name" AS "countyName", g."path" AS "countyPath",
           s."version" AS "schemeVersion", s."title" AS "schemeTitle", s."year" AS "schemeYear"
    FROM "Report" r JOIN "Region" g ON g."code" = r."countyCode" JOIN "Scheme" s ON s."id" = r."schemeId"
    WHERE r."id" = ${reportId}`);
  if (!row) return null;
  const { countyName, countyPath, schemeVersion, schemeTitle, schemeYear, ...report } = row;
  return {
    ...report,
    county: { code: row.countyCode, name: countyName, path: countyPath },
    scheme: { id: row.schemeId, code: row.schemeCode, version: schemeVersion, title: schemeTitle, year: schemeYear },
  };
}

export type ReportAccess = Awaited<ReturnType<typeof getReportAccess>>;
