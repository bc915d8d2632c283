// Upgrading a database that already holds reports keeps every row. Prisma adds a column on SQLite by rebuilding the
// table; with foreign keys on, dropping the old Report table first deleted it — and by cascade every section,
// revision and comment of every report. Here: migrate to just before the first such rebuild, write a report with a
// section, a revision and a comment, apply every later migration, and count. On PostgreSQL also through PgBouncer in
// transaction mode (decision 023).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsDir } from "@/lib/db/migrate";
import { createDb } from "@/lib/db/connect";
import { driverQuery, sql } from "@/lib/db/driver";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { pgBouncerUnavailable, startPgBouncer, type PgBouncer } from "@/lib/testing/pgbouncer";
import type { DbProvider } from "@/lib/server/env";

/** The first migration that rebuilds Report on SQLite (adds reviewStage and friends). */
const FIRST_REBUILD = "20261123212724_review_workflow";

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project root holding only the migrations before `stop`. */
function rootWithMigrationsBefore(provider: DbProvider, stop: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "edu-upgrade-"));
  temps.push(root);
  const to = migrationsDir(provider, root);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(migrationsDir(provider)).filter((n) => n < stop)) cpSync(path.join(migrationsDir(provider), name), path.join(to, name), { recursive: true });
  return root;
}

async function databaseUrl(provider: DbProvider, through = (direct: string) => direct): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "edu-upgrade-db-"));
    temps.push(dir);
    return { url: `file:${path.join(dir, "app.db")}`, drop: async () => undefined };
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  const name = `edu_upgrade_${randomBytes(5).toString("hex")}`;
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(process.env.TEST_POSTGRES_URL!);
  u.pathname = `/${name}`;
  return {
    url: through(u.toString()),
    drop: async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function keepsEveryRow(provider: DbProvider, through?: () => (direct: string) => string) {
  it("keeps every report, section, revision and comment through every later migration", async () => {
    const { url, drop } = await databaseUrl(provider, through?.());
    const old = await migrate(url, rootWithMigrationsBefore(provider, FIRST_REBUILD));
    expect(old.pending).toEqual([]);
    const db = createDb(url);
    try {
      const q = await driverQuery(db);
      const now = new Date("2026-11-01T08:00:00.000Z");
      await q.run(sql`INSERT INTO "Region" ("code", "name", "level", "path", "updatedAt") VALUES (${"140000"}, ${"山西省"}, ${"province"}, ${"/140000/"}, ${now})`);
      await q.run(sql`INSERT INTO "User" ("id", "name", "email", "username", "role", "regionCode", "updatedAt")
                      VALUES (${"u1"}, ${"张敏"}, ${"u1@example.invalid"}, ${"u1"}, ${"county_editor"}, ${"140000"}, ${now})`);
      await q.run(sql`INSERT INTO "Scheme" ("id", "code", "version", "title", "year", "definition") VALUES (${"s1"}, ${"x"}, ${1}, ${"方案"}, ${2021}, ${"{}"})`);
      await q.run(sql`INSERT INTO "Report" ("id", "countyCode", "schemeId", "schemeCode", "year", "completeness", "updatedAt")
                      VALUES (${"r1"}, ${"140000"}, ${"s1"}, ${"x"}, ${2021}, ${57}, ${now})`);
      await q.run(sql`INSERT INTO "ReportSection" ("id", "reportId", "key", "content", "version") VALUES (${"rs1"}, ${"r1"}, ${"meta"}, ${'{"title":"自评报告"}'}, ${3})`);
      await q.run(sql`INSERT INTO "SectionRevision" ("reportId", "sectionKey", "version", "content") VALUES (${"r1"}, ${"meta"}, ${3}, ${'{"title":"自评报告"}'})`);
      await q.run(sql`INSERT INTO "Comment" ("id", "reportId", "sectionKey", "authorId", "body", "updatedAt") VALUES (${"c1"}, ${"r1"}, ${"meta"}, ${"u1"}, ${"请补充"}, ${now})`);
    } finally {
      await db.$disconnect();
    }

    const upgraded = await migrate(url);
    expect(upgraded.pending).toEqual([]);
    const after = createDb(url);
    try {
      expect(await after.report.findUniqueOrThrow({ where: { id: "r1" } })).toMatchObject({ completeness: 57, status: "draft", round: 0 });
      expect(await after.reportSection.findMany({ select: { key: true, version: true } })).toEqual([{ key: "meta", version: 3 }]);
      expect(await after.sectionRevision.count()).toBe(1);
      expect(await after.comment.count()).toBe(1);
    } finally {
      await after.$disconnect();
      await drop();
    }
  });
}

describe.each(TEST_PROVIDERS)("upgrading a %s database with reports in it", (provider) => keepsEveryRow(provider));

const noPgBouncer = pgBouncerUnavailable();
if (noPgBouncer) console.warn(noPgBouncer);

describe.skipIf(noPgBouncer !== null)("upgrading a postgresql database with reports in it through PgBouncer (transaction mode)", () => {
  let bouncer: PgBouncer;
  beforeAll(async () => {
    bouncer = await startPgBouncer();
  });
  afterAll(async () => bouncer?.stop());
  keepsEveryRow("postgresql", () => bouncer.through);
});
