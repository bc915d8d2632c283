import "server-only";
// Statements on the Report row that run on every autosave and every page of a report, straight to the driver
// (docs/decisions/015-raw-sql-on-the-hot-path.md).
import type { Db } from "@/lib/db/connect";
import { driverQuery, sql, type SqlRunner, type SqlValue } from "@/lib/db/driver";
import type { Report } from "@/lib/db/generated/sqlite/client";

export type ReportWithHeader = Report & {
  county: { code: string; name: string; path: string };
  scheme: { id: string; code: string; version: number; title: string; year: number };
};

type Row = Report & { countyName: string; countyPath: string; schemeVersion: number; schemeTitle: string; schemeYear: number };

/** The report with its county and scheme header in one statement (through Prisma's query planner it cost several
 *  times the database's own work). Null when there is no such report. */
export async function reportWithHeader(db: Db, reportId: string): Promise<ReportWithHeader | null> {
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

/** Columns a write may set on the report row together with the editable check. */
export type ReportTouch = {
  updatedAt: Date;
  lastEditedAt?: Date;
  lastEditedById?: string;
  completeness?: number;
  problemCount?: number;
  summary?: string;
};

/**
 * Sets `touch` on the report if its status is one of `statuses`; the number of rows changed (0: not editable, or
 * gone). As the first statement of a transaction it takes SQLite's write lock and PostgreSQL's row lock, so the
 * status cannot change before the transaction commits.
 */
export async function touchReportIn(tx: SqlRunner, reportId: string, statuses: readonly string[], touch: ReportTouch): Promise<number> {
  const columns = Object.entries(touch).filter(([, v]) => v !== undefined) as [keyof ReportTouch, SqlValue][];
  const strings = ['UPDATE "Report" SET '];
  const values: SqlValue[] = [];
  columns.forEach(([name, value], i) => {
    strings[strings.length - 1] += `${i ? ", " : ""}"${name}" = `;
    values.push(value);
    strings.push("");
  });
  strings[strings.length - 1] += ' WHERE "id" = ';
  values.push(reportId);
  strings.push(' AND "status" IN (');
  return tx.run({ strings: [...strings, ")"], values: [...values, statuses] });
}

/** Writes the report's derived columns (what the report list and the dashboards read). */
export function updateReportDerived(tx: SqlRunner, reportId: string, derived: { completeness: number; problemCount: number; summary: string }) {
  return tx.run(sql`
    UPDATE "Report" SET "completeness" = ${derived.completeness}, "problemCount" = ${derived.problemCount}, "summary" = ${derived.summary}
    WHERE "id" = ${reportId}`);
}
