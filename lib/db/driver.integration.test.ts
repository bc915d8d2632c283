// Statements straight to the driver adapter (lib/db/driver.ts): placeholders per provider, commit and rollback,
// values written exactly as Prisma writes them, and on SQLite the same isolation from other queries as Prisma's
// own transactions (lib/db/connect.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_PROVIDERS, type TestDb } from "@/lib/testing/db";
import { driverQuery, driverTransaction, sql, toQuery } from "@/lib/db/driver";
import { ensureBuiltinSchemes } from "@/lib/schemes/server/service";
import { seedDemo } from "@/lib/seed/demo";

describe("toQuery", () => {
  const statement = sql`SELECT "a" FROM "T" WHERE "id" = ${"x"} AND "s" IN (${["a", "b"]}) AND "n" = ${3}`;

  it("numbers PostgreSQL's placeholders and spreads lists", () => {
    expect(toQuery("postgresql", statement)).toEqual({
      sql: `SELECT "a" FROM "T" WHERE "id" = $1 AND "s" IN ($2, $3) AND "n" = $4`,
      args: ["x", "a", "b", 3],
      argTypes: [
        { scalarType: "string", arity: "scalar" },
        { scalarType: "string", arity: "scalar" },
        { scalarType: "string", arity: "scalar" },
        { scalarType: "int", arity: "scalar" },
      ],
    });
  });

  it("uses ? for SQLite and types dates, floats and booleans", () => {
    const when = new Date();
    const q = toQuery("sqlite", sql`UPDATE "T" SET "d" = ${when}, "f" = ${1.5}, "b" = ${true}, "z" = ${null}`);
    expect(q.sql).toBe(`UPDATE "T" SET "d" = ?, "f" = ?, "b" = ?, "z" = ?`);
    expect(q.argTypes.map((t) => t.scalarType)).toEqual(["datetime", "float", "boolean", "string"]);
  });

  it("refuses an empty list rather than writing invalid SQL", () => {
    expect(() => toQuery("sqlite", sql`SELECT 1 WHERE "s" IN (${[]})`)).toThrow();
  });
});

describe.each(TEST_PROVIDERS)("driver statements on %s", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(provider);
  });
  afterAll(async () => t?.cleanup());

  const insertRegion = (code: string, when: Date) => sql`
    INSERT INTO "Region" ("code", "name", "level", "parentCode", "path", "createdAt", "updatedAt")
    VALUES (${code}, ${"测试省"}, ${"province"}, ${null}, ${`/${code}/`}, ${when}, ${when})`;

  it("types rows as Prisma does: numbers, booleans, dates, nulls", async () => {
    await ensureBuiltinSchemes(t.db);
    await seedDemo(t.db);
    const q = await driverQuery(t.db);
    const report = await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } });
    expect((await q.rows(sql`SELECT * FROM "Report" WHERE "id" = ${report.id}`))[0]).toEqual(report);
    await t.db.user.update({ where: { username: "wenxi_lead" }, data: { disabled: true } });
    const users = await t.db.user.findMany({ orderBy: { username: "asc" } });
    expect(users.some((u) => u.disabled) && users.some((u) => !u.disabled)).toBe(true);
    expect(await q.rows(sql`SELECT * FROM "User" ORDER BY "username"`)).toEqual(users);
    const [{ total, none }] = await q.rows<{ total: number; none: number | null }>(
      sql`SELECT SUM("version") AS "total", SUM(CASE WHEN "version" < 0 THEN "version" END) AS "none" FROM "ReportSection"`,
    );
    const expected = (await t.db.reportSection.aggregate({ _sum: { version: true } }))._sum.version;
    expect({ total, none }).toEqual({ total: expected, none: null });
  });

  it("commits what the work wrote, and Prisma reads back the same values and dates", async () => {
    const when = new Date("2026-03-04T05:06:07.089Z");
    const changed = await driverTransaction(t.db, (tx) => tx.run(insertRegion("910000", when)));
    expect(changed).toBe(1);
    const region = await t.db.region.findUniqueOrThrow({ where: { code: "910000" } });
    expect(region).toMatchObject({ name: "测试省", level: "province", parentCode: null, createdAt: when, updatedAt: when });
    // Prisma's own write of the same date is stored identically (SQLite keeps dates as text: the format matters for
    // comparisons and ordering).
    await t.db.region.create({ data: { code: "920000", name: "对照", level: "province", path: "/920000/", createdAt: when } });
    const stored = await (await driverQuery(t.db)).rows<{ code: string; createdAt: unknown }>(
      sql`SELECT "code", "createdAt" FROM "Region" WHERE "code" IN (${["910000", "920000"]}) ORDER BY "code"`,
    );
    expect(stored.map((r) => r.code)).toEqual(["910000", "920000"]);
    expect(String(stored[0].createdAt)).toBe(String(stored[1].createdAt));
    expect(await t.db.region.count({ where: { createdAt: when } })).toBe(2);
  });

  it("rolls everything back when the work throws, and rethrows", async () => {
    const failure = new Error("停止");
    await expect(
      driverTransaction(t.db, async (tx) => {
        await tx.run(insertRegion("930000", new Date()));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await t.db.region.findUnique({ where: { code: "930000" } })).toBeNull();
    // The connection (SQLite) or pooled client (PostgreSQL) was released: the next transaction runs.
    await driverTransaction(t.db, (tx) => tx.run(insertRegion("930000", new Date())));
    expect(await t.db.region.count({ where: { code: "930000" } })).toBe(1);
  });

  it("rolls back when a statement fails, with the driver's error", async () => {
    await expect(driverTransaction(t.db, async (tx) => {
      await tx.run(insertRegion("940000", new Date()));
      await tx.run(insertRegion("940000", new Date()));
    })).rejects.toThrow();
    expect(await t.db.region.count({ where: { code: "940000" } })).toBe(0);
  });

  it("keeps an open transaction's writes from everyone else until it commits", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const wrote = new Promise<void>((resolve) => (inserted = resolve));
    const tx = driverTransaction(t.db, async (tx) => {
      await tx.run(insertRegion("950000", new Date()));
      inserted();
      await gate;
    });
    await wrote;
    // On SQLite this read waits for the commit (one connection); on PostgreSQL it sees the last committed state.
    const during = t.db.region.count({ where: { code: "950000" } });
    const seen = await Promise.race([during, new Promise<"waiting">((r) => setTimeout(() => r("waiting"), 200))]);
    expect(seen === "waiting" || seen === 0).toBe(true);
    release();
    await tx;
    expect(await during).toBe(provider === "sqlite" ? 1 : 0);
    expect(await t.db.region.count({ where: { code: "950000" } })).toBe(1);
  });
});
