import "server-only";
// The operator's view of one instance: is the database reachable, which provider, are migrations complete.
import type { Db } from "@/lib/db/connect";
import { databaseAnswers, migrationStateOf } from "@/lib/db/queries/health";

export type Health = {
  status: "ok" | "degraded" | "error";
  database: {
    provider: string;
    reachable: boolean;
    migrations: { applied: number; pending: string[]; failed: string[]; latest: string | null } | null;
  };
  time: string;
};

export async function checkHealth(db: Db): Promise<Health> {
  const time = new Date().toISOString();
  if (!(await databaseAnswers(db))) {
    return { status: "error", database: { provider: db.provider, reachable: false, migrations: null }, time };
  }
  const state = await migrationStateOf(db);
  const ok = state.pending.length === 0 && state.failed.length === 0;
  return {
    status: ok ? "ok" : "degraded",
    database: {
      provider: db.provider,
      reachable: true,
      migrations: {
        applied: state.applied.length,
        pending: state.pending,
        failed: state.failed,
        latest: state.applied.at(-1) ?? null,
      },
    },
    time,
  };
}
