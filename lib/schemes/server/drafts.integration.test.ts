import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connect";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import type { Role } from "@/lib/auth/roles";
import { copySchemeToDraft, getDraftAccess, listDrafts, publishDraft, publishPreview, saveDraft } from "@/lib/schemes/server/drafts";
import { SchemeValidationError } from "@/lib/schemes/server/service";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

async function addUser(db: Db, username: string, role: Role, regionCode: string) {
  await db.user.create({ data: { id: username, username, name: username, email: `${username}@users.invalid`, role, regionCode } });
  return actorFor(db, username);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { code?: string } | null;
  return error?.code ?? "resolved";
}

/** The shipped 2021 scheme renamed for 2023, with one new item: two inputs and a percent indicator ≥ 95%. */
function for2023(definition: string, code = "shanxi-2023-county") {
  const s = JSON.parse(definition);
  s.code = code;
  s.year = 2023;
  s.title = "山西省2023年县级政府履行教育职责评价方案";
  s.criteria.push({
    code: "new_item",
    ordinal: s.criteria.length + 1,
    title: "课后服务覆盖面",
    guidance: "义务教育学校课后服务全覆盖",
    inputs: [
      { key: "after_school_served", label: "提供课后服务的学校数", unit: "所", kind: "integer" },
      { key: "after_school_total", label: "义务教育学校数", unit: "所", kind: "integer" },
    ],
    indicators: [
      { key: "after_school_rate", label: "课后服务覆盖率", unit: "%", precision: 1, formula: { op: "percent", num: "after_school_served", den: "after_school_total" }, target: { op: ">=", value: 95 } },
    ],
  });
  return s;
}

describe.each(TEST_PROVIDERS)("scheme drafts and publishing on %s", (provider) => {
  const t = useDemoDb(provider, { schemes: true });
  const shanxi = () => t.db.scheme.findUniqueOrThrow({ where: { code_version: { code: SHANXI_2021_COUNTY.code, version: SHANXI_2021_COUNTY.version } } });

  it("lets a province 方案管理员 copy, edit and publish a new year; reports keep their version; every step audited", async () => {
    const editor = await addUser(t.db, "p_scheme", "scheme_admin", "140000");
    const source = await shanxi();
    const before = await t.db.report.findMany({ select: { id: true, schemeId: true } });
    const draft = await copySchemeToDraft(t.db, editor, { schemeId: source.id });
    expect(draft).toMatchObject({ regionCode: "140000", basedOnId: source.id, version: 1, publishedSchemeId: null });

    const saved = await saveDraft(t.db, editor, { id: draft.id, baseVersion: 1, definition: for2023(source.definition) });
    expect(saved.version).toBe(2);
    expect(await codeOf(saveDraft(t.db, editor, { id: draft.id, baseVersion: 1, definition: {} }))).toBe("CONFLICT");

    const preview = await publishPreview(t.db, editor, draft.id);
    if (!preview.ok) throw new Error(preview.errors[0].message);
    expect(preview.version).toBe(1);
    expect(preview.affected).toBe(0);
    expect(preview.runningOnSource).toBe(before.filter((r) => r.schemeId === source.id).length);
    expect(preview.changes.map((c) => `${c.kind} ${c.what} ${c.detail ?? c.where}`)).toEqual([
      "changed 方案 代号、标题、年度",
      `added 评价重点 评价重点 ${SHANXI_2021_COUNTY.criteria.length + 1}「课后服务覆盖面」`,
    ]);

    const row = await publishDraft(t.db, editor, { id: draft.id, baseVersion: 2 });
    expect(row).toMatchObject({ code: "shanxi-2023-county", version: 1, year: 2023, regionCode: "140000", basedOnId: source.id, builtin: false });
    expect(JSON.parse(row.definition).criteria.at(-1).indicators[0].target).toEqual({ op: ">=", value: 95 });
    // Published is final: the draft no longer saves or publishes, and no existing report moved.
    expect(await codeOf(saveDraft(t.db, editor, { id: draft.id, baseVersion: 3, definition: {} }))).toBe("CONFLICT");
    expect(await codeOf(publishDraft(t.db, editor, { id: draft.id, baseVersion: 3 }))).toBe("CONFLICT");
    expect(await t.db.report.findMany({ select: { id: true, schemeId: true } })).toEqual(before);
    const audited = await t.db.auditEvent.findMany({ where: { actorId: editor.userId }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audited.map((a) => a.action)).toEqual(["scheme.draft.create", "scheme.draft.save", "scheme.publish"]);

    // A second draft of the same code becomes version 2.
    const next = await copySchemeToDraft(t.db, editor, { schemeId: row.id });
    expect((await publishDraft(t.db, editor, { id: next.id, baseVersion: 1 })).version).toBe(2);
  });

  it("keeps a city 方案管理员 out of province drafts and away from the province's codes", async () => {
    const admin = await actorFor(t.db, "admin");
    const city = await addUser(t.db, "c_scheme", "scheme_admin", "140800");
    const source = await shanxi();
    const provinceDraft = await copySchemeToDraft(t.db, admin, { schemeId: source.id });
    expect(await codeOf(getDraftAccess(t.db, city, provinceDraft.id))).toBe("NOT_FOUND");
    expect(await codeOf(publishDraft(t.db, city, { id: provinceDraft.id, baseVersion: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(publishPreview(t.db, city, provinceDraft.id))).toBe("NOT_FOUND");
    expect(await codeOf(saveDraft(t.db, city, { id: provinceDraft.id, baseVersion: 1, definition: {} }))).toBe("NOT_FOUND");
    expect((await listDrafts(t.db, city)).map((d) => d.id)).not.toContain(provinceDraft.id);

    // Its own copy is its city's; keeping the shipped code would publish a version of the province's scheme.
    const own = await copySchemeToDraft(t.db, city, { schemeId: source.id });
    expect(own.regionCode).toBe("140800");
    const refused = await publishDraft(t.db, city, { id: own.id, baseVersion: 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SchemeValidationError);
    expect((refused as SchemeValidationError).rows[0].message).toContain("不能发布它的新版本");
    const { version } = await saveDraft(t.db, city, { id: own.id, baseVersion: 1, definition: for2023(source.definition, "yuncheng-2023-county") });
    const row = await publishDraft(t.db, city, { id: own.id, baseVersion: version });
    expect(row).toMatchObject({ code: "yuncheng-2023-county", regionCode: "140800" });
    // The administrator (province) reaches the city's draft; a province 方案管理员 too.
    expect((await listDrafts(t.db, admin)).map((d) => d.id)).toEqual(expect.arrayContaining([provinceDraft.id, own.id]));
  });

  it("publishes nothing while the draft is invalid, and refuses roles without the permission", async () => {
    const admin = await actorFor(t.db, "admin");
    const source = await shanxi();
    const draft = await copySchemeToDraft(t.db, admin, { schemeId: source.id });
    const broken = for2023(source.definition, "broken-2023");
    delete broken.criteria.at(-1).indicators[0].target.value;
    await saveDraft(t.db, admin, { id: draft.id, baseVersion: 1, definition: broken });
    const preview = await publishPreview(t.db, admin, draft.id);
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect(preview.errors.some((e) => e.path.endsWith("indicators[0].target.value") || e.path.includes("target"))).toBe(true);
    const schemes = await t.db.scheme.count();
    expect(await codeOf(publishDraft(t.db, admin, { id: draft.id, baseVersion: 2 }))).toBe("INVALID_INPUT");
    expect(await t.db.scheme.count()).toBe(schemes);
    for (const username of ["wenxi_editor", "wenxi_lead", "yuncheng_reviewer", "shanxi_reviewer"]) {
      const actor = await actorFor(t.db, username);
      expect(await codeOf(copySchemeToDraft(t.db, actor, { schemeId: source.id }))).toBe("FORBIDDEN");
      expect(await codeOf(getDraftAccess(t.db, actor, draft.id))).toBe("FORBIDDEN");
    }
  });
});
