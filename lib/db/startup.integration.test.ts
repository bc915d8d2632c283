// Several instances starting together on one empty database (issue 13, finding 6): each runs what `npm start` runs —
// migrations, the built-in schemes, demo data when DEMO is not 0 — under the startup lock. Before the lock covered
// seeding, one of two instances died on `Unique constraint failed on (code)` (demo data) and, with DEMO=0, one start
// in three on `(code, version)` (built-in schemes). Here three starts race, two rounds without demo data, one with it (the e2e
// hardening spec starts three real servers).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/connect";
import { prepareDatabase } from "@/lib/db/migrate";
import { createPostgresDatabase, dropPostgresDatabase } from "@/lib/db/testing";
import { ensureBuiltinSchemes } from "@/lib/schemes/server/service";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import { DEMO_USERS, seedDemo } from "@/lib/seed/demo";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import type { DbProvider } from "@/lib/server/env";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** A database that exists but has never been migrated, as on a fresh install. */
async function emptyDatabase(provider: DbProvider): Promise<string> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "edu-startup-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return `file:${path.join(dir, "app.db")}`;
  }
  const admin = process.env.TEST_POSTGRES_URL!;
  const name = `edu_startup_${randomBytes(5).toString("hex")}`;
  await createPostgresDatabase(admin, name);
  cleanups.push(() => dropPostgresDatabase(admin, name));
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

/** What scripts/start.ts does before it serves, on its own connections, as a separate instance would. */
async function start(url: string, demo: boolean): Promise<void> {
  await prepareDatabase(url, process.cwd(), async () => {
    const db = createDb(url);
    try {
      await ensureBuiltinSchemes(db);
      if (demo) await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
  });
}

describe.each(TEST_PROVIDERS)("three instances starting together on an empty %s database", (provider) => {
  for (const demo of [false, true]) {
    it(`all start, with one copy of each built-in scheme${demo ? " and one set of demo data" : " (DEMO=0)"}`, async () => {
      for (let round = 0; round < (demo ? 1 : 2); round++) {
        const url = await emptyDatabase(provider);
        const outcomes = await Promise.allSettled([start(url, demo), start(url, demo), start(url, demo)]);
        expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
        const db = createDb(url);
        try {
          expect(await db.scheme.count()).toBe(BUILTIN_SCHEMES.length);
          expect(await db.scheme.count({ where: { builtin: true } })).toBe(BUILTIN_SCHEMES.length);
          expect(await db.user.count()).toBe(demo ? DEMO_USERS.length : 0);
          expect(await db.region.count()).toBe(demo ? 7 : 0);
        } finally {
          await db.$disconnect();
        }
      }
    }, 120_000);
  }
});
