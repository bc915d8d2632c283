// Reads from a real hot standby (lib/testing/standby.ts): the dashboard read from it says how current it is; a
// standby held behind shows the older data with the time of the last transaction it replayed, and past the bound
// the read goes to the primary; a standby that cannot be reached, or a "standby" that is really a primary, is not
// used. PostgreSQL only: a replica is a PostgreSQL deployment's feature.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/connect";
import { chooseReadSource } from "@/lib/db/replica";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { standbyUnavailable, startStandby, type Standby } from "@/lib/testing/standby";
import { loadDashboard } from "@/lib/review/dashboard/server/dashboard";
import { parseDashboardFilters } from "@/lib/review/dashboard/filters";
import { dashboardWorkbook } from "@/lib/review/dashboard/server/xlsx";
import ExcelJS from "exceljs";
import { checkHealth } from "@/lib/server/health";

const unavailable = standbyUnavailable();
if (unavailable) console.warn(unavailable);

async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
  throw new Error(`等待超时：${what}`);
}

describe.skipIf(unavailable !== null)("reads from a PostgreSQL hot standby", () => {
  let standby: Standby;
  let replica: Db;
  const t = useDemoDb("postgresql");
  const wenxiStatus = async (db: Db, source?: Parameters<typeof loadDashboard>[3]) => {
    const d = await loadDashboard(db, await actorFor(t.db, "yuncheng_reviewer"), parseDashboardFilters({}), source);
    return { d, status: d.rows.find((r) => r.county.name === "闻喜县")?.report?.statusText };
  };

  beforeAll(async () => {
    standby = await startStandby();
    replica = createDb(standby.through(t.url));
    await until("只读副本追上主库", async () => {
      try {
        return (await chooseReadSource(t.db, replica, 60)).replica && (await replica.report.count()) > 0;
      } catch {
        return false;
      }
    });
    // Until the standby has replayed a commit since it started, its replay time is unknown, and the moment the
    // primary's WAL moves on (a background record, another database's write) the standby is neither caught up nor
    // datable, so reads rightly go to the primary. One commit it has replayed makes every check below deterministic.
    await t.db.region.update({ where: { code: "140823" }, data: { name: "闻喜县" } });
    await until("只读副本回放了一次提交", async () => {
      const [row] = await replica.$queryRawUnsafe<{ known: boolean }[]>(`SELECT pg_last_xact_replay_timestamp() IS NOT NULL AS known`);
      return row.known;
    });
  }, 120_000);
  afterAll(async () => {
    await replica?.$disconnect();
    standby?.stop();
  });

  it("a standby that has caught up serves the dashboard, complete as of the primary's clock a moment ago", async () => {
    const before = Date.now();
    const source = await chooseReadSource(t.db, replica, 60);
    expect(source.replica).toBe(true);
    expect(source.db).toBe(replica);
    expect(Math.abs(source.asOf!.getTime() - before)).toBeLessThan(5_000);
    const fromReplica = await wenxiStatus(source.db, source);
    const fromPrimary = await wenxiStatus(t.db);
    expect(fromReplica.d.dataAsOf).toBe(source.asOf!.toISOString());
    expect(fromPrimary.d.dataAsOf).toBeNull();
    expect({ ...fromReplica.d, dataAsOf: null }).toEqual(fromPrimary.d);

    // The operator's health check names it.
    const health = await checkHealth(t.db, undefined, { db: replica, maxLagSeconds: 60 });
    expect(health.replica).toMatchObject({ inUse: true });
    expect(Math.abs(new Date(health.replica!.asOf!).getTime() - Date.now())).toBeLessThan(60_000);
    expect(health.status).toBe("ok");
    expect((await checkHealth(t.db)).replica).toBeNull();

    // The workbook says it too, in each sheet's printed header.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await dashboardWorkbook(fromReplica.d)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("概览")!.headerFooter.oddHeader).toMatch(/^&R数据截至 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("a standby held behind shows the older data with the time of its last replayed commit; past the bound the read goes to the primary", async () => {
    const wenxi = await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } });
    const { status: was } = await wenxiStatus(t.db);
    // A commit the standby has replayed (its replay time is unknown — NULL — until it has replayed one since it started).
    await t.db.region.update({ where: { code: "140823" }, data: { name: "闻喜县" } });
    await until("只读副本回放了一次提交", async () => (await chooseReadSource(t.db, replica, 3600)).replica);
    standby.pauseReplay();
    try {
      await new Promise((r) => setTimeout(r, 300));
      const changedAt = Date.now();
      await t.db.report.update({ where: { id: wenxi.id }, data: { status: "submitted", reviewStage: "city", submittedAt: new Date() } });
      const { status: now } = await wenxiStatus(t.db);
      expect(now).not.toBe(was);

      const behind = await chooseReadSource(t.db, replica, 3600);
      expect(behind.replica).toBe(true);
      expect(behind.asOf!.getTime()).toBeLessThan(changedAt);
      const stale = await wenxiStatus(behind.db, behind);
      expect(stale.status).toBe(was);
      expect(stale.d.dataAsOf).toBe(behind.asOf!.toISOString());

      const bounded = await chooseReadSource(t.db, replica, 0);
      expect(bounded.replica).toBe(false);
      expect(bounded.db).toBe(t.db);
      expect(bounded.asOf).toBeNull();
      expect((await wenxiStatus(bounded.db, bounded)).status).toBe(now);
    } finally {
      standby.resumeReplay();
    }
    await until("恢复回放后追上主库", async () => (await chooseReadSource(t.db, replica, 0)).replica);
    const caughtUp = await chooseReadSource(t.db, replica, 60);
    expect((await wenxiStatus(caughtUp.db, caughtUp)).status).toBe((await wenxiStatus(t.db)).status);
  });

  it("a summary missing on the standby is recomputed there and written to the primary", async () => {
    await t.db.report.updateMany({ where: { countyCode: "140823" }, data: { summary: null } });
    await until("只读副本看到清空的摘要", async () => (await replica.report.findFirstOrThrow({ where: { countyCode: "140823" } })).summary === null);
    const source = await chooseReadSource(t.db, replica, 60);
    const { d } = await wenxiStatus(source.db, source);
    expect(d.rows.find((r) => r.county.name === "闻喜县")?.report?.cells).toBeTruthy();
    expect((await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).summary).not.toBeNull();
  });

  it("a standby that cannot be reached, or a replica URL that names a primary, is not used", async () => {
    const down = createDb(t.url.replace(/:\d+\//, ":1/"));
    try {
      const source = await chooseReadSource(t.db, down, 60);
      expect(source).toMatchObject({ replica: false, asOf: null });
      expect(source.db).toBe(t.db);
    } finally {
      await down.$disconnect();
    }
    const notStandby = await chooseReadSource(t.db, t.db, 60);
    expect(notStandby.replica).toBe(false);
  });
});
