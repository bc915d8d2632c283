// The demo data set in a fresh, migrated database for one describe block: created before its tests run and removed
// after them. Twenty-odd integration files need exactly this (create → seed → maybe the built-in schemes → clean
// up); one helper keeps that setup from being written again in each of them.
import { afterAll, beforeAll } from "vitest";
import { ensureBuiltinSchemes } from "@/lib/schemes/server/service";
import { seedDemo } from "@/lib/seed/demo";
import { createTestDb, type TestDb } from "@/lib/testing/db";
import type { DbProvider } from "@/lib/server/env";

export type DemoDbOptions = {
  /** With 闻喜县's finished 2021 report (the default; it brings the built-in schemes along). */
  report?: boolean;
  /** The built-in schemes even without the report. */
  schemes?: boolean;
  /** PostgreSQL through a pooler (lib/testing/pgbouncer.ts): asked for in beforeAll, after the pooler has started. */
  through?: () => (direct: string) => string;
};

/** The database of the enclosing describe block; `db` and `url` are there inside its hooks and tests. */
export type DemoDb = Pick<TestDb, "provider" | "url" | "db">;

/**
 * Registers the describe block's `beforeAll`/`afterAll` for a demo database on `provider`. Call it before the
 * block's own hooks: vitest runs `beforeAll` hooks in the order they are registered (and `afterAll` in reverse),
 * so the block's own setup sees the seeded database and its own teardown runs before the database goes.
 */
export function useDemoDb(provider: DbProvider, options: DemoDbOptions = {}): DemoDb {
  let current: TestDb | undefined;
  const opened = (): TestDb => {
    if (!current) throw new Error("the demo database is only there inside the describe block's hooks and tests");
    return current;
  };
  beforeAll(async () => {
    current = await createTestDb(provider, { through: options.through?.() });
    await seedDemo(current.db, { report: options.report ?? true });
    if (options.schemes) await ensureBuiltinSchemes(current.db);
  });
  afterAll(async () => current?.cleanup());
  return {
    provider,
    get url() {
      return opened().url;
    },
    get db() {
      return opened().db;
    },
  };
}
