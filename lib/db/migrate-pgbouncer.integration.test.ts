// Startup through PgBouncer in transaction mode (decision 023): a pooler lends a server connection per
// transaction, so a session-level advisory lock would be left behind on a pooled backend and not exclude anyone.
// Here two "instances" start together on one fresh database through a pool of 3 server connections: every
// migration is applied once, the built-in schemes and demo data are written once, and the work done under the
// startup lock never overlaps.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, prepareDatabase, readMigrations, withStartupLock } from "@/lib/db/migrate";
import { createDb } from "@/lib/db/connect";
import { createPostgresDatabase, dropPostgresDatabase, tableRowCounts } from "@/lib/db/testing";
import { ensureBuiltinSchemes } from "@/lib/schemes/server/service";
import { seedDemo } from "@/lib/seed/demo";
import { pgBouncerUnavailable, startPgBouncer, type PgBouncer } from "@/lib/testing/pgbouncer";

const unavailable = pgBouncerUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)("starting up through PgBouncer (transaction mode)", () => {
  let bouncer: PgBouncer;
  const created: string[] = [];
  const admin = process.env.TEST_POSTGRES_URL!;
  beforeAll(async () => {
    bouncer = await startPgBouncer({ poolSize: 3 });
  });
  afterAll(async () => {
    for (const name of created) await dropPostgresDatabase(admin, name);
    await bouncer?.stop();
  });

  /** A fresh, empty database, reached through PgBouncer. */
  async function freshDatabase(): Promise<string> {
    const name = `edu_bouncer_${randomBytes(5).toString("hex")}`;
    await createPostgresDatabase(admin, name);
    created.push(name);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    return bouncer.through(u.toString());
  }

  it("applies each migration once when two clients migrate the same database at once", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    const all = readMigrations("postgresql").map((m) => m.name);
    expect(a).toEqual({ applied: all, pending: [], failed: [] });
    expect(b).toEqual(a);
    const db = createDb(url);
    try {
      expect((await tableRowCounts(db))._prisma_migrations).toBe(all.length);
    } finally {
      await db.$disconnect();
    }
  });

  it("lets one holder of the startup lock work at a time, and releases it when the work ends or fails", async () => {
    const url = await freshDatabase();
    const spans: { start: number; end: number }[] = [];
    const hold = (ms: number) =>
      withStartupLock(url, async () => {
        const start = Date.now();
        // Work through the same pooler while holding the lock, as migrations and seeding do.
        const db = createDb(url);
        try {
          await db.$queryRawUnsafe("SELECT 1");
          await new Promise((r) => setTimeout(r, ms));
        } finally {
          await db.$disconnect();
        }
        spans.push({ start, end: Date.now() });
      });
    await Promise.all([hold(400), hold(400), hold(400)]);
    spans.sort((x, y) => x.start - y.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    await expect(withStartupLock(url, async () => Promise.reject(new Error("失败的启动")))).rejects.toThrow("失败的启动");
    const started = Date.now();
    await withStartupLock(url, async () => undefined);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("writes the built-in schemes and the demo data once when two instances start together", async () => {
    const url = await freshDatabase();
    const start = () =>
      prepareDatabase(url, process.cwd(), async () => {
        const db = createDb(url);
        try {
          await ensureBuiltinSchemes(db);
          await seedDemo(db);
        } finally {
          await db.$disconnect();
        }
      });
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.pending).toEqual([]);
    expect(b.pending).toEqual([]);
    const db = createDb(url);
    try {
      expect(await db.user.count({ where: { username: "wenxi_editor" } })).toBe(1);
      expect(await db.report.count({ where: { countyCode: "140823" } })).toBe(1);
      const schemes = await db.scheme.findMany({ select: { code: true, version: true } });
      expect(new Set(schemes.map((s) => `${s.code}@${s.version}`)).size).toBe(schemes.length);
      // A third start finds everything there and adds nothing.
      expect(await ensureBuiltinSchemes(db)).toBe(0);
      expect(await seedDemo(db)).toBe(false);
    } finally {
      await db.$disconnect();
    }
  });
});
