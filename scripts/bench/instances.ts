// N app instances on one PostgreSQL (issue 19): does the app scale out, or is the database the limit? One seeded
// database; for N = 1, 2, 3 the part starts N production servers on it (same DATABASE_URL and AUTH_SECRET, as a
// deployment behind a load balancer runs them) and drives the same closed-loop autosave load, split round-robin
// across them: WORKERS editors, each saving its own section back to back. Then the same again with every instance
// connecting through PgBouncer in transaction mode (lib/testing/pgbouncer.ts). Reported per N (in `concurrency`):
//   instances[_pgbouncer]_autosave_throughput        acknowledged saves per second over the measured window
//   instances[_pgbouncer]_autosave_p95               p95 of acknowledged saves, ms
//   instances[_pgbouncer]_autosave_refused           saves not acknowledged (none expected: no section is shared)
//   instances[_pgbouncer]_autosave_throughput_ratio  throughput at N over throughput at 1 (N = 2, 3)
//   instances[_pgbouncer]_{app,db,driver}_cpu_ms_per_save   where the CPU went: the N servers, every `postgres`
//                                                    process on the machine, this load generator
//   instances[_pgbouncer]_lost_writes                acknowledged saves missing from the revisions afterwards
// The load generator, the servers and PostgreSQL share this machine's cores: with 2 cores the ratio mostly says
// how much CPU there is, not how far the app would scale on separate machines (the CPU lines say who used it).
import { ensureBuiltinSchemes } from "@/lib/schemes/server/service";
import { seedDemo } from "@/lib/seed/demo";
import { createTestDb } from "@/lib/testing/db";
import { freePort, startPgBouncer } from "@/lib/testing/pgbouncer";
import { migrate } from "@/lib/db/migrate";
import { cookiesFor, createEditors } from "./editors";
import { percentile, runLoad } from "./load";
import { seedProvince } from "./seed-province";
import { processCpuMs, startServer, type Server } from "./server";

type Metric = { name: string; db: "postgresql"; concurrency: number; unit: string; value: number };

const INSTANCES = [1, 2, 3] as const;
/** Editors saving back to back, in total over the N servers: divisible by 1, 2 and 3, so each server gets as many. */
const WORKERS = 12;
/** Short windows keep the part under about 4 minutes: most of its time goes to starting 12 servers. */
const MEASURED_SECONDS = 15;
/** PgBouncer's backends per database: one instance's node-postgres pool (max 10), shared by all N instances. */
const PGBOUNCER_POOL = 10;

const round = (x: number) => Math.round(x * 10) / 10;

/** CPU milliseconds used so far by every process named `comm`. */
const commCpuMs = (comm: string) => processCpuMs((name) => name === comm);

const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One more server on `databaseUrl`. Only the first of a run may build (when the build is stale); the others
 *  reuse that build (REUSE_BUILD=1), so no two servers ever build the same directory at once. */
async function startInstance(databaseUrl: string, secret: string, first: boolean): Promise<Server> {
  const port = await freePort();
  return startServer({ DATABASE_URL: databaseUrl, AUTH_SECRET: secret, APP_URL: `http://127.0.0.1:${port}`, DEMO: "0", ...(first ? {} : { REUSE_BUILD: "1" }) }, port);
}

export async function benchInstances(secret: string): Promise<Metric[]> {
  const metrics: Metric[] = [];
  const push = (name: string, concurrency: number, unit: string, value: number) => metrics.push({ name, db: "postgresql", concurrency, unit, value: round(value) });
  const pg = await createTestDb("postgresql");
  const bouncer = await startPgBouncer({ poolSize: PGBOUNCER_POOL });
  try {
    const db = pg.db;
    await migrate(pg.url);
    await ensureBuiltinSchemes(db);
    await seedDemo(db, { report: false });
    const counties = await seedProvince(db, WORKERS);
    const cookies = await cookiesFor(db, counties, await freePort());
    const editors = await createEditors(db, counties, cookies);

    for (const [prefix, url] of [
      ["instances", pg.url],
      ["instances_pgbouncer", bouncer.through(pg.url)],
    ] as const) {
      let single = NaN;
      // Servers are added one at a time (N = 1, then one more, …) rather than all restarted per N: starting one
      // takes 5–40 s on this shared machine, and each measured window still has exactly N servers running.
      const servers: Server[] = [];
      try {
        for (const n of INSTANCES) {
          const t0 = performance.now();
          while (servers.length < n) servers.push(await startInstance(url, secret, servers.length === 0 && prefix === "instances"));
          console.log(`多实例基准：${prefix}，${n} 个实例已启动（${Math.round((performance.now() - t0) / 1000)} 秒）`);
          const save = (w: number, i: number) => editors.save(servers[w % n].url, w, i);
          // Not measured: each server's first requests compile and warm its code paths.
          await runLoad({ concurrency: WORKERS, requests: 40 * n, maxSeconds: 15, request: save });
          const refusedBefore = editors.refused();
          const cpu = { app: servers.reduce((t, s) => t + s.cpuMs(), 0), db: commCpuMs("postgres"), driver: ownCpuMs() };
          const started = performance.now();
          const samples = await runLoad({ concurrency: WORKERS, requests: Number.MAX_SAFE_INTEGER, maxSeconds: MEASURED_SECONDS, request: save });
          const seconds = (performance.now() - started) / 1000;
          const ok = samples.filter((s) => s.status === 200).map((s) => s.ms);
          const throughput = ok.length / seconds;
          if (n === 1) single = throughput;
          push(`${prefix}_autosave_throughput`, n, "req/s", throughput);
          push(`${prefix}_autosave_p95`, n, "ms", percentile(ok, 95));
          // Counted from both sides: answers that were not 200, and saves the editors saw refused.
          push(`${prefix}_autosave_refused`, n, "count", Math.max(samples.length - ok.length, editors.refused() - refusedBefore));
          if (n > 1) push(`${prefix}_autosave_throughput_ratio`, n, "x", throughput / single);
          const perSave = (ms: number) => (ok.length ? ms / ok.length : NaN);
          push(`${prefix}_app_cpu_ms_per_save`, n, "ms", perSave(servers.reduce((t, s) => t + s.cpuMs(), 0) - cpu.app));
          push(`${prefix}_db_cpu_ms_per_save`, n, "ms", perSave(commCpuMs("postgres") - cpu.db));
          push(`${prefix}_driver_cpu_ms_per_save`, n, "ms", perSave(ownCpuMs() - cpu.driver));
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }

    // Every acknowledged save, through whichever instance, must be a revision in the database afterwards.
    const stored = await db.sectionRevision.findMany({ where: { reportId: { in: counties.map((c) => c.reportId) } }, select: { reportId: true, sectionKey: true, version: true } });
    const have = new Set(stored.map((r) => `${r.reportId}|${r.sectionKey}|${r.version}`));
    push("instances_lost_writes", INSTANCES.length, "count", editors.acks.filter((a) => !have.has(`${a.reportId}|${a.key}|${a.version}`)).length);
  } finally {
    await bouncer.stop();
    await pg.cleanup();
  }
  return metrics;
}
