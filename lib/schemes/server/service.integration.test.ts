import { describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { ensureBuiltinSchemes, listSchemes, schemeOf, SchemeValidationError, uploadScheme } from "@/lib/schemes/server/service";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import type { TSchemeInput } from "@/lib/template/schema";

/** A second province-year built from the shipped scheme, as an administrator would: download, edit, upload. */
function scheme2022(overrides: Partial<TSchemeInput> = {}): TSchemeInput {
  return { ...structuredClone(SHANXI_2021_COUNTY), code: "shanxi-2022-county", version: 1, year: 2022, title: "2022年对县级政府履行教育职责的评价方案", ...overrides };
}

/** The 2022 scheme with extra indicators appended to its first criterion; returns where they start. */
function withIndicators(extra: unknown[]) {
  const scheme = scheme2022();
  const first = scheme.criteria[0];
  const at = first.indicators?.length ?? 0;
  first.indicators = [...(first.indicators ?? []), ...(extra as never[])];
  return { text: JSON.stringify(scheme), at };
}

async function refusal(promise: Promise<unknown>): Promise<SchemeValidationError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SchemeValidationError);
  return error as SchemeValidationError;
}

describe.each(TEST_PROVIDERS)("stored schemes on %s", (provider) => {
  const t = useDemoDb(provider, { report: false });

  it("inserts the built-in schemes once, however often startup runs", async () => {
    expect(await ensureBuiltinSchemes(t.db)).toBe(BUILTIN_SCHEMES.length);
    expect(await ensureBuiltinSchemes(t.db)).toBe(0);
    const rows = await t.db.scheme.findMany();
    expect(rows).toHaveLength(BUILTIN_SCHEMES.length);
    expect(rows.every((r) => r.builtin)).toBe(true);
  });

  it("stores a valid uploaded scheme, lists it, and audits the upload", async () => {
    const admin = await actorFor(t.db, "admin");
    const row = await uploadScheme(t.db, admin, JSON.stringify(scheme2022()));
    expect(row).toMatchObject({ code: "shanxi-2022-county", version: 1, year: 2022, builtin: false, createdBy: admin.userId });
    expect(schemeOf(row)).toEqual(JSON.parse(JSON.stringify(scheme2022())));
    const { latest } = await listSchemes(t.db);
    // Newest year first: the scored 2023 excerpt, the upload, then 山西 2021, 学前普及普惠 2020, 优质均衡 2017.
    const byYear = [...BUILTIN_SCHEMES, { code: "shanxi-2022-county", year: 2022 }].sort((a, b) => b.year - a.year);
    expect(latest.map((s) => s.code)).toEqual(byYear.map((s) => s.code));
    expect(await t.db.auditEvent.count({ where: { action: "scheme.upload", targetId: row.id } })).toBe(1);
    expect(await ensureBuiltinSchemes(t.db)).toBe(0);
  });

  it("refuses the same code and version again, but takes a higher version as the newest", async () => {
    const admin = await actorFor(t.db, "admin");
    const again = await refusal(uploadScheme(t.db, admin, JSON.stringify(scheme2022())));
    expect(again.rows).toEqual([{ line: 1, message: "版本号（version）：方案 shanxi-2022-county 的第 1 版已存在；修改后的方案请提高版本号〔version〕" }]);
    await uploadScheme(t.db, admin, JSON.stringify(scheme2022({ version: 2 })));
    const { latest, all } = await listSchemes(t.db);
    expect(latest.find((s) => s.code === "shanxi-2022-county")?.version).toBe(2);
    expect(all).toHaveLength(BUILTIN_SCHEMES.length + 2);
  });

  it("refuses text that is not JSON, with a root-level Chinese message", async () => {
    const admin = await actorFor(t.db, "admin");
    const error = await refusal(uploadScheme(t.db, admin, '{ "code": "shanxi-2023-county", '));
    expect(error.message).toBe("评价方案有 1 处错误，未保存");
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.rows).toHaveLength(1);
    expect(error.rows[0].message).toMatch(/^（根）：不是有效的 JSON：/);
  });

  it("names the indicator whose formula op is unknown", async () => {
    const admin = await actorFor(t.db, "admin");
    const { text, at } = withIndicators([{ key: "bad_formula", label: "坏公式", formula: { op: "eval", of: "x" } }]);
    const error = await refusal(uploadScheme(t.db, admin, text));
    expect(error.rows).toEqual([
      { line: 1, message: expect.stringMatching(new RegExp(`^第 1 项评价重点「[^」]+」的第 ${at + 1} 个指标「[^」]+」的公式的类型（op）：未知的公式类型 "eval"，可用的有：.*〔criteria\\[0\\]\\.indicators\\[${at}\\]\\.formula\\.op〕$`)) },
    ]);
  });

  it("names the indicators that refer to each other in a loop", async () => {
    const admin = await actorFor(t.db, "admin");
    const { text, at } = withIndicators([
      { key: "loop_a", label: "循环甲", formula: { op: "difference", a: "loop_b", b: "loop_b" } },
      { key: "loop_b", label: "循环乙", formula: { op: "difference", a: "loop_a", b: "loop_a" } },
    ]);
    const error = await refusal(uploadScheme(t.db, admin, text));
    expect(error.rows).toEqual([
      { line: 1, message: `第 1 项评价重点「${scheme2022().criteria[0].title}」的第 ${at + 1} 个指标「循环甲」的公式：指标之间存在循环引用：loop_a → loop_b → loop_a〔criteria[0].indicators[${at}].formula〕` },
    ]);
  });

  it("lets only administrators upload, and stores nothing that was refused", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    await expect(uploadScheme(t.db, editor, JSON.stringify(scheme2022({ version: 9 })))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.scheme.count()).toBe(BUILTIN_SCHEMES.length + 2);
  });
});
