import "server-only";
// What the health check asks the database (lib/server/health.ts): can it answer, and which migrations it holds.
import type { Db } from "@/lib/db/connect";
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
