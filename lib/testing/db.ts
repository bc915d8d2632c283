// Real databases for integration tests: a fresh SQLite file always, and a fresh PostgreSQL database when
// TEST_POSTGRES_URL is set (CI sets it). Each gets every migration applied by the same runner as production.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { createPostgresDatabase, dropPostgresDatabase } from "@/lib/db/testing";
import type { DbProvider } from "@/lib/server/env";

export type TestDb = { provider: DbProvider; url: string; db: Db; cleanup: () => Promise<void> };

export const TEST_PROVIDERS: DbProvider[] = process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];

/** A migrated database at `url`; `drop` removes what was created for it. */
async function migrated(provider: DbProvider, url: string, drop: () => Promise<void>): Promise<TestDb> {
  await migrate(url);
  const db = createDb(url);
  return {
    provider,
    url,
    db,
    cleanup: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

/**
 * A fresh migrated database. `through` (PostgreSQL only) rewrites the database's URL to reach it through a pooler
 * (lib/testing/pgbouncer.ts): the database is created and dropped directly, migrated and used through the pooler.
 */
export async function createTestDb(provider: DbProvider, options: { through?: (direct: string) => string } = {}): Promise<TestDb> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "edu-test-"));
    return migrated(provider, `file:${path.join(dir, "test.db")}`, async () => rmSync(dir, { recursive: true, force: true }));
  }
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `edu_test_${randomBytes(6).toString("hex")}`;
  await createPostgresDatabase(admin, name);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = options.through ? options.through(u.toString()) : u.toString();
  return migrated(provider, url, () => dropPostgresDatabase(admin, name));
}
