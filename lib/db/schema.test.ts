// The two providers come from one model definition and must end with the same tables and columns.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_PROVIDERS, type TestDb } from "@/lib/testing/db";
import { readMigrations } from "@/lib/db/migrate";

const root = path.resolve(import.meta.dirname, "../..");

async function columnsOf(t: TestDb): Promise<Record<string, string[]>> {
  const rows: { table_name: string; column_name: string }[] =
    t.provider === "sqlite"
      ? await t.db.$queryRawUnsafe(
          `SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p
           WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
        )
      : await t.db.$queryRawUnsafe(
          `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns WHERE table_schema = 'public'`,
        );
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.table_name] ??= []).push(r.column_name);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

describe("database schema", () => {
  const opened: TestDb[] = [];
  afterAll(async () => Promise.all(opened.map((t) => t.cleanup())));

  it("has provider schema files generated from prisma/schema/models.prisma", () => {
    expect(() => execFileSync(process.execPath, ["scripts/db/generate.mjs", "--check"], { cwd: root })).not.toThrow();
  });

  it("has a migration for every model change (models.prisma equals the last migrated snapshot)", () => {
    const models = readFileSync(path.join(root, "prisma/schema/models.prisma"), "utf8");
    const snapshot = readFileSync(path.join(root, "prisma/schema/migrated-models.snapshot"), "utf8");
    expect(snapshot, "run `npm run db:migration -- <name>`").toBe(models);
  });

  it("has the same migrations for both providers", () => {
    const names = (p: "sqlite" | "postgresql") => readMigrations(p, root).map((m) => m.name);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });

  it.each(TEST_PROVIDERS)("migrates %s to the models' tables and keeps Prisma's bookkeeping", async (provider) => {
    const t = await createTestDb(provider);
    opened.push(t);
    const columns = await columnsOf(t);
    expect(Object.keys(columns)).toEqual(
      expect.arrayContaining(["Region", "User", "Session", "Account", "Verification", "LoginFailure", "AuditEvent", "_prisma_migrations"]),
    );
    expect(columns.Region).toEqual(["code", "createdAt", "level", "name", "parentCode", "path", "updatedAt"]);
    const applied: { migration_name: string }[] = await t.db.$queryRawUnsafe(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    expect(applied.map((r) => r.migration_name)).toEqual(readMigrations(provider, root).map((m) => m.name));
  });

  it.runIf(TEST_PROVIDERS.includes("postgresql"))("ends with the same tables and columns on SQLite and PostgreSQL", async () => {
    const [lite, pg] = await Promise.all([createTestDb("sqlite"), createTestDb("postgresql")]);
    opened.push(lite, pg);
    expect(await columnsOf(pg)).toEqual(await columnsOf(lite));
  });

  it("is idempotent: running the migrations again changes nothing", async () => {
    const t = await createTestDb("sqlite");
    opened.push(t);
    const { migrate } = await import("@/lib/db/migrate");
    const again = await migrate(t.url);
    expect(again.pending).toEqual([]);
    expect(again.applied.length).toBe(readMigrations("sqlite", root).length);
  });

  it("is understood by the Prisma CLI: `prisma migrate status` reports the SQLite database up to date", async () => {
    const t = await createTestDb("sqlite");
    opened.push(t);
    const out = execFileSync(
      process.execPath,
      ["node_modules/prisma/build/index.js", "migrate", "status", "--config", "prisma/sqlite/prisma.config.ts"],
      { cwd: root, env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8" },
    );
    expect(out).toContain("Database schema is up to date");
  });
});
