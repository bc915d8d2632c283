import "server-only";
// The autosave's statements on sections and revisions, straight to the driver
// (docs/decisions/015-raw-sql-on-the-hot-path.md). Content is the section's JSON text; decoding it is the report
// content repository's job (lib/report/server/repository.ts).
import { randomUUID } from "node:crypto";
import { sql, type SqlRunner } from "@/lib/db/driver";

export type StoredSectionRow = { key: string; content: string; version: number };

/** Every section of the report, as stored. */
export function sectionRows(db: SqlRunner, reportId: string) {
  return db.rows<StoredSectionRow>(sql`SELECT "key", "content", "version" FROM "ReportSection" WHERE "reportId" = ${reportId}`);
}

/** Every section of the report but `exceptKey`, as stored. */
export function otherSectionRows(db: SqlRunner, reportId: string, exceptKey: string) {
  return db.rows<StoredSectionRow>(sql`
    SELECT "key", "content", "version" FROM "ReportSection" WHERE "reportId" = ${reportId} AND "key" <> ${exceptKey}`);
}

type Write = { reportId: string; key: string; json: string; version: number; now: Date; userId: string };

/** Writes the section if it is still at `baseVersion`; the number of rows changed (0: someone saved first). */
export function updateSectionAt(tx: SqlRunner, w: Write, baseVersion: number) {
  return tx.run(sql`
    UPDATE "ReportSection" SET "content" = ${w.json}, "version" = ${w.version}, "updatedAt" = ${w.now}, "updatedById" = ${w.userId}
    WHERE "reportId" = ${w.reportId} AND "key" = ${w.key} AND "version" = ${baseVersion}`);
}

/** The first save of a section; 0 when a concurrent first save got there first. */
export function insertSectionIfAbsent(tx: SqlRunner, w: Write) {
  return tx.run(sql`
    INSERT INTO "ReportSection" ("id", "reportId", "key", "content", "version", "updatedAt", "updatedById")
    VALUES (${randomUUID()}, ${w.reportId}, ${w.key}, ${w.json}, ${w.version}, ${w.now}, ${w.userId})
    ON CONFLICT ("reportId", "key") DO NOTHING`);
}

/** Keeps the saved state as a revision (every accepted save is one). */
export function insertRevision(tx: SqlRunner, w: Write, note: string | null) {
  return tx.run(sql`
    INSERT INTO "SectionRevision" ("reportId", "sectionKey", "version", "content", "authorId", "createdAt", "note")
    VALUES (${w.reportId}, ${w.key}, ${w.version}, ${w.json}, ${w.userId}, ${w.now}, ${note})`);
}

/** The sum of the report's section versions: versions only grow, so an unchanged sum means nothing else was saved. */
export async function sectionVersionSum(tx: SqlRunner, reportId: string): Promise<number> {
  const [{ sum }] = await tx.rows<{ sum: number | null }>(sql`SELECT SUM("version") AS "sum" FROM "ReportSection" WHERE "reportId" = ${reportId}`);
  return sum ?? 0;
}
