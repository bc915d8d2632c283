import { describe, expect, it } from "vitest";
import { diffSchemes } from "@/lib/template/scheme-diff";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import type { TScheme } from "@/lib/template/schema";

const copy = (s: TScheme): TScheme => structuredClone(s);
/** The first criterion with an indicator that has a target, and that indicator. */
function targeted(s: TScheme) {
  for (const c of s.criteria) for (const i of c.indicators) if (i.target && i.target.op !== "yes") return { c, i };
  throw new Error("no targeted indicator");
}

describe("scheme change list", () => {
  it.each(BUILTIN_SCHEMES.map((s) => [s.code, s] as const))("finds no change between %s and its copy", (_code, scheme) => {
    expect(diffSchemes(scheme, copy(scheme))).toEqual([]);
  });

  it("names exactly the target that changed", () => {
    const before = BUILTIN_SCHEMES[0];
    const after = copy(before);
    const { c, i } = targeted(after);
    const old = i.target as { op: ">="; value: number };
    i.target = { ...old, value: old.value - 1 } as never;
    const changes = diffSchemes(before, after);
    expect(changes).toEqual([
      { kind: "changed", what: "目标", where: `评价重点 ${c.ordinal}「${c.title}」 · 指标「${i.label}」`, detail: expect.stringContaining(`→ `) },
    ]);
  });

  it("lists an added item, a removed item, a moved item and a renamed scheme", () => {
    const before = BUILTIN_SCHEMES[0];
    const after = copy(before);
    after.title = "2023年评价方案";
    after.year = 2023;
    const removed = after.criteria.pop()!;
    after.criteria[0] = { ...after.criteria[0], ordinal: 99 };
    after.criteria.push({ ...structuredClone(removed), code: "new_item", title: "新增评价重点" });
    const changes = diffSchemes(before, after);
    expect(changes).toContainEqual({ kind: "changed", what: "方案", where: "方案", detail: "标题、年度" });
    expect(changes).toContainEqual({ kind: "added", what: "评价重点", where: `评价重点 ${removed.ordinal}「新增评价重点」` });
    expect(changes).toContainEqual({ kind: "removed", what: "评价重点", where: `评价重点 ${removed.ordinal}「${removed.title}」` });
    expect(changes).toContainEqual({ kind: "changed", what: "评价重点", where: `评价重点 99「${before.criteria[0].title}」`, detail: "序号" });
    expect(changes).toHaveLength(4);
  });

  it("reports added and removed inputs and indicators inside a kept item", () => {
    const before = BUILTIN_SCHEMES[0];
    const after = copy(before);
    const { c, i } = targeted(after);
    c.indicators = c.indicators.filter((x) => x.key !== i.key);
    c.inputs.push({ key: "new_input", label: "新数据", unit: "人", kind: "integer", required: true, aliases: [] });
    const at = `评价重点 ${c.ordinal}「${c.title}」`;
    expect(diffSchemes(before, after)).toEqual([
      { kind: "added", what: "数据项", where: `${at} · 数据项「新数据」` },
      { kind: "removed", what: "指标", where: `${at} · 指标「${i.label}」` },
    ]);
  });
});
