import "server-only";
// What the health check asks the database (lib/server/health.ts): can it answer, and which migrations it holds.
import type { Db } from "@/lib/db/connect";
import { driverQuery, sql } from "@/lib/db/driver";
import { readMigrationState, type MigrationState } from "@/lib/db/migrate";

/** Whether the database answers a trivial query. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/** The migrations this build ships against those the database has applied. */
export function migrationStateOf(db: Db): Promise<MigrationState> {
  return readMigrationState((text) => db.$queryRawUnsafe(text), db.provider);
}

/** Whether the database takes writes: a write statement that changes nothing (no row has id -1). It fails as every
 *  save would on a read-only SQLite file or mount and on a PostgreSQL standby or read-only database. Null when it
 *  does, else the driver's message. */
export async function databaseWriteProblem(db: Db): Promise<string | null> {
  try {
    await (await driverQuery(db)).run(sql`DELETE FROM "LoginFailure" WHERE "id" = ${-1}`);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
