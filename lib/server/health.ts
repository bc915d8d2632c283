import "server-only";
// The operator's view of one instance: is the database reachable, which provider, are migrations complete.
import type { Db } from "@/lib/db/connect";
import { databaseAnswers, migrationStateOf } from "@/lib/db/queries/health";
import { pdfRenderer } from "@/lib/pdf/server/libreoffice";

export type Health = {
  status: "ok" | "degraded" | "error";
  database: {
    provider: string;
    reachable: boolean;
    migrations: { applied: number; pending: string[]; failed: string[]; latest: string | null } | null;
  };
  /** Whether PDF copies can be made (LibreOffice found at start); its absence does not degrade the instance. */
  pdf: { available: boolean; detail: string };
  time: string;
};

function pdfStatus(): Health["pdf"] {
  const renderer = pdfRenderer();
  return renderer.available ? { available: true, detail: `LibreOffice ${renderer.version}` } : { available: false, detail: renderer.reason };
}

export async function checkHealth(db: Db): Promise<Health> {
  const time = new Date().toISOString();
  if (!(await databaseAnswers(db))) {
    return { status: "error", database: { provider: db.provider, reachable: false, migrations: null }, pdf: pdfStatus(), time };
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
    pdf: pdfStatus(),
    time,
  };
}
