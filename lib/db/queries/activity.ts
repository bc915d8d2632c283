import "server-only";
// What an accepted save records beside the section, in the save's own transaction (lib/report/server/save-section.ts):
// who changed which field (provenance) and that the item's assignment saw activity. One statement each, straight to
// the driver like the save's other statements (docs/decisions/015-raw-sql-on-the-hot-path.md,
// docs/decisions/037-save-round-trips.md).
import { joinSql, sql, type SqlRunner } from "@/lib/db/driver";

type ProvenanceWrite = { reportId: string; sectionKey: string; fields: readonly string[]; userId: string; userName: string; defaultOffice: string; at: Date };

/**
 * Credits each changed field to the user and their office (the user's own office, else `defaultOffice`), replacing
 * the field's previous credit. The office is read from the user's row by the statement itself.
 */
export function upsertProvenance(tx: SqlRunner, w: ProvenanceWrite) {
  if (w.fields.length === 0) return Promise.resolve(0);
  const values = w.fields.map((field, i) => (i === 0 ? sql`(${field})` : sql`, (${field})`));
  return tx.run(
    joinSql([
      sql`INSERT INTO "FieldProvenance" ("reportId", "sectionKey", "field", "userId", "userName", "office", "changedAt")
        SELECT ${w.reportId}, ${w.sectionKey}, f."column1", ${w.userId}, ${w.userName}, COALESCE(NULLIF(u."office", ''), ${w.defaultOffice}), ${w.at}
        FROM (VALUES `,
      ...values,
      sql`) AS f LEFT JOIN "User" u ON u."id" = ${w.userId}
        WHERE true
        ON CONFLICT ("reportId", "sectionKey", "field") DO UPDATE SET
          "userId" = excluded."userId", "userName" = excluded."userName", "office" = excluded."office", "changedAt" = excluded."changedAt"`,
    ]),
  );
}

/** The open assignment of the item saw activity now; a contributor's first save also starts it (assigned → in progress). */
export async function touchAssignment(tx: SqlRunner, a: { reportId: string; sectionKey: string; at: Date; contributorId: string | null }) {
  await tx.run(sql`
    UPDATE "Assignment" SET "lastActivityAt" = ${a.at}, "updatedAt" = ${a.at}
    WHERE "reportId" = ${a.reportId} AND "sectionKey" = ${a.sectionKey} AND "supersededAt" IS NULL`);
  if (a.contributorId === null) return;
  await tx.run(sql`
    UPDATE "Assignment" SET "status" = 'in_progress', "updatedAt" = ${a.at}
    WHERE "reportId" = ${a.reportId} AND "sectionKey" = ${a.sectionKey} AND "supersededAt" IS NULL AND "status" = 'assigned'
      AND EXISTS (SELECT 1 FROM "AssignmentContributor" c WHERE c."assignmentId" = "Assignment"."id" AND c."userId" = ${a.contributorId})`);
}
