// The Excel round trip of a draft through its routes, on both databases: download → upload unchanged saves with no
// differences; a changed target is the one change listed and is saved; a sheet with three wrong rows answers 400
// with exactly those rows and writes nothing; a city 方案管理员 reaches no province draft (404) and readers none.
import { beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import type { Role } from "@/lib/auth/roles";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { copySchemeToDraft } from "@/lib/schemes/server/drafts";
import { FIGURES_SHEET, ITEMS_SHEET } from "@/lib/schemes/server/xlsx";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: null as Db | null }));
vi.mock("@/lib/auth/server/session", () => ({ getActor: async () => state.actor }));
vi.mock("@/lib/db/client", () => ({ getDb: () => state.db }));

const draftRoute = await import("@/app/api/scheme-drafts/[draftId]/xlsx/route");
const schemeRoute = await import("@/app/api/schemes/[schemeId]/xlsx/route");

const HOST = "edu.example.gov.cn";
const params = (draftId: string) => ({ params: Promise.resolve({ draftId }) });

async function download(draftId: string): Promise<Response> {
  return draftRoute.GET(new Request(`http://${HOST}/api/scheme-drafts/${draftId}/xlsx`, { headers: { host: HOST } }), params(draftId));
}

async function upload(draftId: string, bytes: Uint8Array, baseVersion: number): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "细则.xlsx"));
  form.set("baseVersion", String(baseVersion));
  const request = new Request(`http://${HOST}/api/scheme-drafts/${draftId}/xlsx`, { method: "POST", headers: { host: HOST, origin: `http://${HOST}` }, body: form });
  return draftRoute.POST(request, params(draftId));
}

async function edit(bytes: ArrayBuffer, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const col = (sheet: ExcelJS.Worksheet, title: string) => {
  let at = 0;
  sheet.getRow(1).eachCell((c, i) => (c.value === title ? (at = i) : undefined));
  return at;
};
const firstRow = (sheet: ExcelJS.Worksheet, test: (r: number) => boolean) => {
  for (let r = 2; r <= sheet.rowCount; r++) if (test(r)) return r;
  throw new Error("no such row");
};

async function addUser(db: Db, username: string, role: Role, regionCode: string) {
  await db.user.create({ data: { id: username, username, name: username, email: `${username}@users.invalid`, role, regionCode } });
  return actorFor(db, username);
}

describe.each(TEST_PROVIDERS)("scheme Excel routes on %s", (provider) => {
  const t = useDemoDb(provider, { schemes: true });
  let editor: Actor;
  let draftId: string;
  beforeAll(async () => {
    state.db = t.db;
    editor = await addUser(t.db, "p_xlsx", "scheme_admin", "140000");
    state.actor = editor;
    const source = await t.db.scheme.findUniqueOrThrow({ where: { code_version: { code: SHANXI_2021_COUNTY.code, version: SHANXI_2021_COUNTY.version } } });
    draftId = (await copySchemeToDraft(t.db, editor, { schemeId: source.id })).id;
  });

  it("downloads a published scheme and a draft, and uploads unchanged with no differences", async () => {
    state.actor = await actorFor(t.db, "wenxi_editor");
    const source = await t.db.scheme.findFirstOrThrow({ where: { code: SHANXI_2021_COUNTY.code } });
    const published = await schemeRoute.GET(new Request(`http://${HOST}/api/schemes/${source.id}/xlsx`, { headers: { host: HOST } }), { params: Promise.resolve({ schemeId: source.id }) });
    expect(published.status).toBe(200);
    expect(published.headers.get("content-type")).toContain("spreadsheetml");
    state.actor = editor;

    const res = await download(draftId);
    expect(res.status).toBe(200);
    const before = await t.db.schemeDraft.findUniqueOrThrow({ where: { id: draftId } });
    const up = await upload(draftId, new Uint8Array(await res.arrayBuffer()), before.version);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ ok: true, version: before.version + 1, changes: [], definition: JSON.parse(before.definition) });
    const after = await t.db.schemeDraft.findUniqueOrThrow({ where: { id: draftId } });
    expect(JSON.parse(after.definition)).toEqual(JSON.parse(before.definition));
  });

  it("saves a changed target and lists exactly that change; a stale version is a conflict", async () => {
    const before = await t.db.schemeDraft.findUniqueOrThrow({ where: { id: draftId } });
    let label = "";
    const bytes = await edit(await (await download(draftId)).arrayBuffer(), (wb) => {
      const sheet = wb.getWorksheet(FIGURES_SHEET)!;
      const r = firstRow(sheet, (r) => /^[≥≤]/.test(String(sheet.getCell(r, col(sheet, "目标")).value ?? "")));
      label = String(sheet.getCell(r, col(sheet, "名称")).value);
      sheet.getCell(r, col(sheet, "目标")).value = "≥ 42";
    });
    const res = await upload(draftId, bytes, before.version);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { changes: { what: string; where: string; detail: string }[] };
    expect(body.changes).toHaveLength(1);
    expect(body.changes[0]).toMatchObject({ what: "目标", where: expect.stringContaining(`指标「${label}」`), detail: expect.stringMatching(/→ ≥ 42$/) });
    expect((await upload(draftId, bytes, before.version)).status).toBe(409);
  });

  it("answers 400 with exactly the three wrong rows and writes nothing", async () => {
    const before = await t.db.schemeDraft.findUniqueOrThrow({ where: { id: draftId } });
    const audits = await t.db.auditEvent.count();
    const bytes = await edit(await (await download(draftId)).arrayBuffer(), (wb) => {
      const figures = wb.getWorksheet(FIGURES_SHEET)!;
      const ind = firstRow(figures, (r) => figures.getCell(r, col(figures, "类别")).value === "指标" && String(figures.getCell(r, col(figures, "数据项代号")).value).includes(","));
      const ops = figures.getCell(ind, col(figures, "数据项代号"));
      ops.value = String(ops.value).replace(/^[^,]+/, "no_such_input");
      const inputs = firstRow(figures, (r) => figures.getCell(r, col(figures, "类别")).value === "数据项" && figures.getCell(r + 1, col(figures, "类别")).value === "数据项");
      figures.getCell(inputs + 1, col(figures, "代号")).value = figures.getCell(inputs, col(figures, "代号")).value;
      const items = wb.getWorksheet(ITEMS_SHEET)!;
      items.getCell(3, col(items, "分值")).value = "五分";
    });
    const res = await upload(draftId, bytes, before.version);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; sheetErrors: { sheet: string; row: number; column: string; message: string }[] };
    expect(body.error).toContain("3 处错误");
    expect(body.sheetErrors.map((e) => `${e.sheet}/${e.column}`).sort()).toEqual([`${FIGURES_SHEET}/代号`, `${FIGURES_SHEET}/数据项代号`, `${ITEMS_SHEET}/分值`].sort());
    expect(body.sheetErrors.find((e) => e.column === "分值")?.row).toBe(3);
    expect(await t.db.schemeDraft.findUniqueOrThrow({ where: { id: draftId } })).toEqual(before);
    expect(await t.db.auditEvent.count()).toBe(audits);
  });

  it("keeps a city 方案管理员 and readers away from a province draft", async () => {
    const before = await t.db.schemeDraft.findUniqueOrThrow({ where: { id: draftId } });
    const bytes = new Uint8Array(await (await download(draftId)).arrayBuffer());
    state.actor = await addUser(t.db, "c_xlsx", "scheme_admin", "140800");
    expect((await download(draftId)).status).toBe(404);
    expect((await upload(draftId, bytes, before.version)).status).toBe(404);
    state.actor = await actorFor(t.db, "wenxi_editor");
    expect((await download(draftId)).status).toBe(403);
    expect((await upload(draftId, bytes, before.version)).status).toBe(403);
    state.actor = editor;
    expect(await t.db.schemeDraft.findUniqueOrThrow({ where: { id: draftId } })).toEqual(before);
  });
});
