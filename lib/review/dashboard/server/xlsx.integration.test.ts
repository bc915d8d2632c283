// GET /api/review/dashboard.xlsx against real databases: the route answers with a workbook the test reads back
// with exceljs — 概览 (the status table) and 指标 (the matrix, unmet cells filled, header frozen) — named in Chinese,
// scoped to the signed-in reviewer, and refused to county users.
import { beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: null as Db | null }));
vi.mock("@/lib/auth/server/session", () => ({ getActor: async () => state.actor }));
vi.mock("@/lib/db/client", () => ({ getDb: () => state.db }));

const { GET } = await import("@/app/api/review/dashboard.xlsx/route");

async function download(query = "") {
  const res = await GET(new Request(`http://127.0.0.1/api/review/dashboard.xlsx${query}`));
  return res;
}

async function workbookOf(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

describe.each(TEST_PROVIDERS)("dashboard .xlsx on %s", (provider) => {
  const t = useDemoDb(provider);
  beforeAll(async () => {
    state.db = t.db;
  });

  it("gives a city reviewer its counties in two sheets, unmet cells filled light red, header frozen", async () => {
    state.actor = await actorFor(t.db, "yuncheng_reviewer");
    const res = await download("?year=2021");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("运城市-2021-辖区概览.xlsx")}`);
    const wb = await workbookOf(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["概览", "指标"]);

    const overview = wb.getWorksheet("概览")!;
    expect(overview.getRow(1).getCell(1).value).toBe("县（市、区）");
    const counties = overview.getColumn(1).values.slice(2);
    expect([...counties].sort()).toEqual(["临猗县", "盐湖区", "闻喜县"].sort());
    const wenxi = overview.getRow(2 + counties.indexOf("闻喜县"));
    expect(wenxi.getCell(3).value).toBe("草稿");
    expect(overview.getRow(2 + counties.indexOf("临猗县")).getCell(3).value).toBe("未开始");

    const matrix = wb.getWorksheet("指标")!;
    expect(matrix.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    const header = matrix.getRow(1).values as unknown[];
    const col = header.indexOf("民办义务教育在校生占比（%）");
    expect(col).toBeGreaterThan(1);
    expect(matrix.getRow(2).getCell(col).value).toBe("≤ 5%");
    // Only counties with a report are in the matrix.
    expect(matrix.rowCount).toBe(3);
    const row = matrix.getRow(3);
    expect(row.getCell(1).value).toBe("闻喜县");
    expect(row.getCell(col).value).toBe(17.25);
    expect(row.getCell(col).fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E2" } });
    const met = header.indexOf("学前三年毛入园率（%）");
    expect(row.getCell(met).value).toBe(99.82);
    expect(row.getCell(met).fill ?? {}).not.toMatchObject({ pattern: "solid" });
  });

  it("writes text that begins with = + - @ with a leading apostrophe, so a CSV re-save cannot run it", async () => {
    await t.db.region.update({ where: { code: "140821" }, data: { name: "=cmd|' /C calc'!A0" } });
    try {
      state.actor = await actorFor(t.db, "yuncheng_reviewer");
      const overview = (await workbookOf(await download("?year=2021"))).getWorksheet("概览")!;
      const counties = overview.getColumn(1).values.slice(2);
      expect(counties).toContain("'=cmd|' /C calc'!A0");
      expect(counties).toContain("闻喜县");
    } finally {
      await t.db.region.update({ where: { code: "140821" }, data: { name: "临猗县" } });
    }
  });

  it("applies the page's filters and the province reviewer's reach", async () => {
    state.actor = await actorFor(t.db, "shanxi_reviewer");
    const wb = await workbookOf(await download("?city=141000"));
    expect(wb.getWorksheet("概览")!.getColumn(1).values.slice(2)).toEqual(["尧都区"]);
    const unmet = await workbookOf(await download("?unmet=1"));
    expect(unmet.getWorksheet("概览")!.getColumn(1).values.slice(2)).toEqual(["闻喜县"]);
  });

  it("refuses county users and admins", async () => {
    for (const username of ["wenxi_editor", "admin"]) {
      state.actor = await actorFor(t.db, username);
      const res = await download();
      expect(res.status).toBe(403);
      expect((await res.json()).error).toBe("您没有执行此操作的权限");
    }
    state.actor = null;
    expect((await download()).status).toBe(401);
  });
});
