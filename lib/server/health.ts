import "server-only";
// The operator's view of one instance: is the database reachable, which provider, are migrations complete, does the
// database take writes, can evidence files be stored. `problems` says in Chinese what is wrong; any problem makes
// the status "error" (503), so a load balancer stops sending users to an instance where every save would fail.
import type { Db } from "@/lib/db/connect";
import { READ_ONLY_DATABASE } from "@/lib/db/errors";
import { chooseReadSource } from "@/lib/db/replica";
import { databaseAnswers, databaseWriteProblem, migrationStateOf } from "@/lib/db/queries/health";
import { pdfRenderer } from "@/lib/pdf/server/libreoffice";
import type { FileStorage } from "@/lib/storage/storage";

export type Health = {
  status: "ok" | "degraded" | "error";
  database: {
    provider: string;
    reachable: boolean;
    writable: boolean | null;
    migrations: { applied: number; pending: string[]; failed: string[]; latest: string | null } | null;
  };
  files: { writable: boolean } | null;
  problems: string[];
  /** Whether PDF copies can be made (LibreOffice found at start); its absence does not degrade the instance. */
  pdf: { available: boolean; detail: string };
  /** The hot standby for dashboards and exports, when DATABASE_REPLICA_URL is set: whether reads go to it now, and
   *  how current it is. A standby that is down or behind does not degrade the instance (reads go to the primary). */
  replica: { inUse: boolean; asOf: string | null } | null;
  time: string;
};

function pdfStatus(): Health["pdf"] {
  const renderer = pdfRenderer();
  return renderer.available ? { available: true, detail: `LibreOffice ${renderer.version}` } : { available: false, detail: renderer.reason };
}

async function replicaStatus(db: Db, replica: { db: Db; maxLagSeconds: number } | undefined): Promise<Health["replica"]> {
  if (!replica) return null;
  const source = await chooseReadSource(db, replica.db, replica.maxLagSeconds);
  return { inUse: source.replica, asOf: source.asOf?.toISOString() ?? null };
}

/** `storage` is checked when given (the route gives the configured one), and so is `replica`. */
export async function checkHealth(db: Db, storage?: FileStorage, replica?: { db: Db; maxLagSeconds: number }): Promise<Health> {
  const time = new Date().toISOString();
  const filesProblem = storage ? await storage.check() : null;
  const files = storage ? { writable: filesProblem === null } : null;
  if (!(await databaseAnswers(db))) {
    const problems = ["数据库无法连接，请检查 DATABASE_URL 与数据库服务", ...(filesProblem ? [filesProblem] : [])];
    return { status: "error", database: { provider: db.provider, reachable: false, writable: null, migrations: null }, files, problems, pdf: pdfStatus(), replica: null, time };
  }
  const state = await migrationStateOf(db);
  const writeProblem = await databaseWriteProblem(db);
  const problems = [...(writeProblem ? [`${READ_ONLY_DATABASE}（${writeProblem}）`] : []), ...(filesProblem ? [filesProblem] : [])];
  const migrated = state.pending.length === 0 && state.failed.length === 0;
  return {
    status: problems.length ? "error" : migrated ? "ok" : "degraded",
    database: {
      provider: db.provider,
      reachable: true,
      writable: writeProblem === null,
      migrations: {
        applied: state.applied.length,
        pending: state.pending,
        failed: state.failed,
        latest: state.applied.at(-1) ?? null,
      },
    },
    pdf: pdfStatus(),
    replica: await replicaStatus(db, replica),
    files,
    problems,
    time,
  };
}
