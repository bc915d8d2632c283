// The per-school table import and template routes, end to end through the handlers on both databases: a sheet with
// bad rows is refused with every row problem (422) and stores nothing; a good one is saved as the next version;
// other origins, other counties and readers are refused; the template downloads with its Chinese name.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport, loadReport } from "@/lib/report/server/service";
import { csvOf, schoolSheetRows, xlsxOf } from "@/lib/schools/testing";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import type { TSchoolTableContent } from "@/lib/report/content";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: null as Db | null }));
vi.mock("@/lib/auth/server/session", () => ({ getActor: async () => state.actor }));
vi.mock("@/lib/db/client", () => ({ getDb: () => state.db }));

const { POST: importTable } = await import("@/app/api/reports/[reportId]/tables/[tableKey]/import/route");
const { GET: template } = await import("@/app/api/reports/[reportId]/tables/[tableKey]/template/route");

const HOST = "edu.example.gov.cn";
const table = QUALITY_BALANCE_2017_COUNTY.tables[0];
const KEY = `table:${table.key}`;

function post(reportId: string, bytes: Uint8Array, name: string, origin = `http://${HOST}`, tableKey = table.key) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name));
  const request = new Request(`http://${HOST}/api/reports/${reportId}/tables/${tableKey}/import`, { method: "POST", headers: { host: HOST, origin }, body: form });
  return importTable(request, { params: Promise.resolve({ reportId, tableKey }) });
}

describe.each(TEST_PROVIDERS)("school table routes on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let reportId: string;
  let editor: Actor;
  beforeAll(async () => {
    state.db = t.db;
    editor = await actorFor(t.db, "wenxi_editor");
    state.actor = editor;
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: QUALITY_BALANCE_2017_COUNTY.code } });
    reportId = await createReport(t.db, editor, { schemeId: scheme.id, copyFromId: null });
  });

  it("lists every bad row in Chinese and stores nothing", async () => {
    const rows = schoolSheetRows(table, 30);
    rows[7][3] = "三百";
    rows[12][1] = "高中";
    const res = await post(reportId, await xlsxOf(rows), "有错.xlsx");
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; rows: { line: number; message: string }[] };
    expect(body.error).toContain("未导入任何数据");
    expect(body.rows.map((r) => r.line)).toEqual([8, 13]);
    expect(body.rows[0].message).toBe("第 8 行「学生数」：不是数字");
    const { contents } = await loadReport(t.db, editor, reportId);
    expect(contents[KEY]).toBeUndefined();
  });

  it("saves a good sheet as the next version, and a second import replaces it", async () => {
    const first = await post(reportId, new TextEncoder().encode(csvOf(schoolSheetRows(table, 30))), "学校.csv");
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, version: 1 });
    const second = await post(reportId, await xlsxOf(schoolSheetRows(table, 12)), "学校.xlsx");
    expect(await second.json()).toMatchObject({ ok: true, version: 2 });
    const { contents, versions } = await loadReport(t.db, editor, reportId);
    const content = contents[KEY] as TSchoolTableContent;
    expect(content.rows).toHaveLength(12);
    expect(content.source).toMatchObject({ fileName: "学校.xlsx", rowCount: 12 });
    expect(versions[KEY].version).toBe(2);
  });

  it("refuses another origin, an unknown table, a reader and another county", async () => {
    const bytes = await xlsxOf(schoolSheetRows(table, 3));
    expect((await post(reportId, bytes, "a.xlsx", "https://evil.example")).status).toBe(403);
    expect((await post(reportId, bytes, "a.xlsx", `http://${HOST}`, "nope")).status).toBe(404);
    state.actor = await actorFor(t.db, "yuncheng_reviewer");
    expect((await post(reportId, bytes, "a.xlsx")).status).toBe(403);
    state.actor = await actorFor(t.db, "admin");
    expect([403, 404]).toContain((await post(reportId, bytes, "a.xlsx")).status);
    state.actor = editor;
  });

  it("serves the template with its Chinese file name", async () => {
    const res = await template(new Request(`http://${HOST}/api/reports/${reportId}/tables/${table.key}/template`, { headers: { host: HOST } }), {
      params: Promise.resolve({ reportId, tableKey: table.key }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("义务教育学校资源配置情况表（导入模板）.xlsx"));
    expect(new Uint8Array(await res.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});
