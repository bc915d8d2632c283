import { describe, expect, it } from "vitest";
import { testScheme } from "@/lib/template/test-scheme";
import { validateScheme } from "@/lib/template/validate-scheme";
import type { TCriterionInput, TSchemeInput } from "@/lib/template/schema";

function errorsOf(json: unknown) {
  const result = validateScheme(json);
  if (result.ok) throw new Error("expected the scheme to be refused");
  return result.errors;
}

const enrolled = { key: "enrolled", label: "在园幼儿", unit: "人", kind: "integer" } as const;
const population = { key: "population", label: "适龄人口", unit: "人", kind: "integer" } as const;
const rate = {
  key: "rate",
  label: "毛入园率",
  unit: "%",
  formula: { op: "percent", num: "enrolled", den: "population" },
  target: { op: ">=", value: 90 },
} as const;

describe("validateScheme: shape", () => {
  it("accepts a minimal scheme and applies defaults", () => {
    const result = validateScheme(testScheme({ inputs: [enrolled, population], indicators: [rate] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const criterion = result.scheme.criteria[0];
    expect(criterion.inputs[0].required).toBe(true);
    expect(criterion.indicators[0].precision).toBe(2);
    expect(criterion.subpoints).toEqual([]);
  });

  it("reports zod errors with readable paths and Chinese messages", () => {
    const bad = testScheme({ inputs: [{ ...enrolled, key: "Enrolled-Count" }] }, { level: "town" as "county" });
    const errors = errorsOf({ ...bad, title: "" });
    expect(errors).toContainEqual({ path: "title", message: "不能为空" });
    expect(errors).toContainEqual({ path: "level", message: "层级（level）只能是 county（县级）或 city（市级）" });
    expect(errors).toContainEqual({
      path: "criteria[0].inputs[0].key",
      message: "键名只能包含小写字母、数字和下划线，并以字母开头",
    });
  });

  it("says 版本号必须是正整数 for a version that is not a positive whole number (1e309 parses as Infinity)", () => {
    for (const version of [JSON.parse("1e309"), 1.5, 0, -2, "3", null]) {
      expect(errorsOf({ ...testScheme({ inputs: [enrolled] }), version })).toContainEqual({ path: "version", message: "版本号必须是正整数" });
    }
  });

  it("refuses misspelt fields instead of ignoring them", () => {
    const errors = errorsOf(testScheme({ inputs: [{ ...enrolled, requred: false } as never] }));
    expect(errors[0].path).toBe("criteria[0].inputs[0]");
    expect(errors[0].message).toContain("requred");
  });

  it("names the allowed formula ops when an op is unknown", () => {
    const errors = errorsOf(testScheme({ inputs: [enrolled], indicators: [{ ...rate, formula: { op: "eval", of: "x" } as never }] }));
    expect(errors).toEqual([
      {
        path: "criteria[0].indicators[0].formula.op",
        message: '未知的公式类型 "eval"，可用的有：ratio（比值）、percent（百分比）、permille（千分比）、growth（增长率）、sum（求和）、average（平均值）、difference（差值）、value（取值）、yesno（是/否）、schools（统计学校表格）',
      },
    ]);
  });

  it("requires the values each target op needs", () => {
    const withTarget = (target: unknown) =>
      errorsOf(testScheme({ inputs: [enrolled, population], indicators: [{ ...rate, target: target as never }] }));
    expect(withTarget({ op: ">=" })).toEqual([{ path: "criteria[0].indicators[0].target.value", message: "目标运算 >=（不低于）需要目标值（value）" }]);
    expect(withTarget({ op: "between", min: 60 })).toEqual([
      { path: "criteria[0].indicators[0].target.max", message: "目标运算 between（在区间内）需要上限（max）" },
    ]);
    expect(withTarget({ op: "between", min: 80, max: 60 })[0].message).toBe("目标区间的下限（min）不能大于上限（max）");
    expect(withTarget({ op: "yes" })[0]).toEqual({
      path: "criteria[0].indicators[0].target.op",
      message: "目标 yes（为“是”）只能用于是/否指标（op 为 yesno）",
    });
    expect(withTarget({ op: "~", value: 1 })[0].message).toBe('未知的目标运算 "~"，可用的有：>=（不低于）、<=（不高于）、=（等于）、between（在区间内）、yes（为“是”）');
  });
});

describe("validateScheme: cross-references", () => {
  it("finds references to unknown keys, with the operand's path", () => {
    const errors = errorsOf(testScheme({ inputs: [enrolled], indicators: [rate] }));
    expect(errors).toEqual([{ path: "criteria[0].indicators[0].formula.den", message: "引用了不存在的数据「population」" }]);
  });

  it("finds duplicate keys across the profile and the criteria", () => {
    const scheme = testScheme({ inputs: [enrolled, population], indicators: [{ ...rate, key: "enrolled" }] });
    scheme.parts[0] = { key: "profile", kind: "profile", title: "基本情况", inputs: [population] };
    const errors = errorsOf(scheme);
    expect(errors).toContainEqual({ path: "criteria[0].inputs[1].key", message: "键名「population」重复（已在 parts[0].inputs[0].key 使用）" });
    expect(errors).toContainEqual({ path: "criteria[0].indicators[0].key", message: "键名「enrolled」重复（已在 criteria[0].inputs[0].key 使用）" });
  });

  it("keeps yes/no figures out of arithmetic and numbers out of yes/no indicators", () => {
    const flag = { key: "plan_issued", label: "已出台方案", kind: "boolean" } as const;
    const errors = errorsOf(
      testScheme({
        inputs: [enrolled, flag],
        indicators: [
          { key: "bad_sum", label: "和", formula: { op: "sum", terms: ["enrolled", "plan_issued"] } },
          { key: "bad_flag", label: "是否", formula: { op: "yesno", of: "enrolled" } },
        ],
        checks: [{ key: "bad_check", label: "核对", kind: "sumEquals", parts: ["enrolled", "plan_issued"], total: "ghost" }],
      }),
    );
    expect(errors).toEqual([
      { path: "criteria[0].indicators[0].formula.terms[1]", message: "「已出台方案」（plan_issued）是是/否项，不能参与数值计算" },
      { path: "criteria[0].indicators[1].formula.of", message: "是/否指标只能引用是/否项，「在园幼儿」（enrolled）是数值" },
      { path: "criteria[0].checks[0].parts[1]", message: "「已出台方案」（plan_issued）是是/否项，不能参与数值计算" },
      { path: "criteria[0].checks[0].total", message: "引用了不存在的数据「ghost」" },
    ]);
  });

  it("refuses reference loops and says which indicators form them", () => {
    const ind = (key: string, a: string, b: string) => ({ key, label: key, formula: { op: "difference", a, b } as const });
    const errors = errorsOf(
      testScheme({
        inputs: [enrolled],
        indicators: [ind("a", "b", "enrolled"), ind("b", "c", "enrolled"), ind("c", "a", "enrolled"), ind("d", "d", "enrolled")],
      }),
    );
    expect(errors).toEqual([
      { path: "criteria[0].indicators[0].formula", message: "指标之间存在循环引用：a → b → c → a" },
      { path: "criteria[0].indicators[3].formula", message: "指标之间存在循环引用：d → d" },
    ]);
  });
});

describe("validateScheme: structure", () => {
  const criterion = (code: string, ordinal: number): TCriterionInput => ({ code, ordinal, title: code, guidance: "写。" });
  const grouped = (groups: TSchemeInput["groups"]) =>
    testScheme({}, { numbering: "grouped", groups, criteria: [criterion("a", 1), criterion("b", 2), criterion("c", 3)] });

  it("allows each kind of part once and requires only the criteria part", () => {
    const scheme = testScheme();
    scheme.parts = [scheme.parts[0], scheme.parts[1], scheme.parts[2], { key: "more", kind: "problems", title: "问题二" }];
    expect(errorsOf(scheme)).toEqual([{ path: "parts[3].kind", message: "「存在问题和改进措施」部分（problems）只能有一个" }]);
    const bare = testScheme();
    bare.parts = [{ key: "self_check", kind: "criteria", title: "自查情况" }];
    expect(validateScheme(bare).ok).toBe(true);
    bare.parts = [{ key: "profile", kind: "profile", title: "基本情况" }];
    expect(errorsOf(bare)).toEqual([{ path: "parts", message: "缺少「自查情况和工作成效」部分（criteria）" }]);
  });

  it("numbers criteria from 1 in order", () => {
    const errors = errorsOf(testScheme({}, { criteria: [criterion("a", 1), criterion("a", 3)] }));
    expect(errors).toEqual([
      { path: "criteria[1].code", message: "评价重点代码「a」重复（已在 criteria[0].code 使用）" },
      { path: "criteria[1].ordinal", message: "序号应为 2（评价重点按排列顺序从 1 连续编号）" },
    ]);
  });

  it("requires grouped numbering to cover every criterion exactly once", () => {
    const errors = errorsOf(
      grouped([
        { code: "g1", title: "一组", criteria: ["a", "x"] },
        { code: "g2", title: "二组", criteria: ["a"] },
      ]),
    );
    expect(errors).toEqual([
      { path: "groups[0].criteria[1]", message: "未知的评价重点代码「x」" },
      { path: "groups[1].criteria[0]", message: "评价重点「a」已归入 groups[0].criteria[0]，每项只能归入一个分组" },
      { path: "groups", message: "评价重点「b」（b）未归入任何分组" },
      { path: "groups", message: "评价重点「c」（c）未归入任何分组" },
    ]);
  });

  it("requires groups to list criteria in ordinal order, and groups only with grouped numbering", () => {
    expect(errorsOf(grouped([{ code: "g1", title: "一组", criteria: ["a", "c", "b"] }]))).toEqual([
      { path: "groups[0].criteria[1]", message: "分组中的评价重点应按序号排列：此处应为「b」（第 2 项）" },
    ]);
    expect(errorsOf(grouped([]))).toEqual([{ path: "groups", message: "分组编号（grouped）至少需要一个分组" }]);
    const flatWithGroups = testScheme({}, { groups: [{ code: "g", title: "组", criteria: ["only"] }] });
    expect(errorsOf(flatWithGroups)[0].message).toContain("平铺编号（flat）不使用分组");
  });

  it("refuses non-objects with a root-level error", () => {
    expect(errorsOf("scheme")).toEqual([{ path: "", message: "应为对象（{…}），现为文字" }]);
  });
});
