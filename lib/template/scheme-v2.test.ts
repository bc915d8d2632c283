// Model v2 validation: scores that add up exactly, grades from the best down, veto effects that name a grade,
// conditions and score rules that name what exists, per-level matrices, display formats — and the errors a person
// reads: 1-based locations, the nearest valid key, the value found.
import { describe, expect, it } from "vitest";
import { testScheme } from "@/lib/template/test-scheme";
import { describeSchemeErrors, validateScheme } from "@/lib/template/validate-scheme";
import { describeLocation, nearestKey } from "@/lib/template/scheme-locations";
import { schemeIndicators, schemeInputs } from "@/lib/template/lookup";
import type { TCriterionInput, TSchemeInput } from "@/lib/template/schema";

function errorsOf(json: unknown) {
  const result = validateScheme(json);
  if (result.ok) throw new Error("expected the scheme to be refused");
  return result.errors;
}
const ok = (json: unknown) => {
  const result = validateScheme(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scheme;
};

const item = (code: string, ordinal: number, maxScore?: number, extra: Partial<TCriterionInput> = {}): TCriterionInput => ({ code, ordinal, title: `第${ordinal}项`, guidance: "写。", ...(maxScore !== undefined ? { maxScore } : {}), ...extra });
const scored = (overrides: Partial<TSchemeInput> = {}) =>
  testScheme({}, {
    numbering: "grouped",
    groups: [
      { code: "g1", title: "甲组", criteria: ["a", "b"], maxScore: 3 },
      { code: "g2", title: "乙组", criteria: ["c"], maxScore: 7 },
    ],
    criteria: [item("a", 1, 2, { subpoints: [{ code: "x", title: "要点一", maxScore: 1.4 }, { code: "y", title: "要点二", maxScore: 0.6 }] }), item("b", 2, 1), item("c", 3, 7)],
    scoring: { total: 10, step: 0.1, grades: [{ key: "good", label: "优秀", minPercent: 90 }, { key: "fair", label: "合格", min: 6 }, { key: "poor", label: "不合格" }] },
    ...overrides,
  });

describe("scores", () => {
  it("accepts items, subpoints and groups that add up exactly (1.4 + 0.6 = 2, not 1.9999…)", () => {
    expect(ok(scored()).scoring?.total).toBe(10);
  });

  it("names every sum that does not add up, and items without 满分", () => {
    const bad = scored({ scoring: { total: 12, grades: [] } });
    bad.groups![1].maxScore = 6;
    bad.criteria[1] = item("b", 2);
    bad.criteria[0].subpoints![1].maxScore = 0.5;
    expect(errorsOf(bad)).toEqual([
      { path: "criteria[0].maxScore", message: "各要点分值之和为 1.9 分，与本项分值 2 分不一致" },
      { path: "criteria[1].maxScore", message: "方案设了计分（scoring），每项评价重点都需要分值（maxScore）" },
      { path: "groups[0].maxScore", message: "分组设了小计分值，其中的每项评价重点也需要分值（maxScore）" },
      { path: "groups[1].maxScore", message: "分组「乙组」各项分值之和为 7 分，与小计 6 分不一致" },
    ]);
    const total = scored({ scoring: { total: 12, grades: [] } });
    expect(errorsOf(total)).toEqual([{ path: "scoring.total", message: "各项评价重点分值之和为 10 分，与总分 12 分不一致" }]);
  });

  it("wants 满分 on the scoring step and grades from the best down", () => {
    const bad = scored({ scoring: { total: 10, step: 0.3, grades: [{ key: "a", label: "甲", minPercent: 60 }, { key: "b", label: "乙", min: 9 }, { key: "c", label: "丙" }, { key: "d", label: "丁" }] } });
    expect(errorsOf(bad).map((e) => e.message)).toEqual([
      "分值 2 不是计分步长 0.3 的整数倍",
      "分值 1 不是计分步长 0.3 的整数倍",
      "分值 7 不是计分步长 0.3 的整数倍",
      "等次应从高到低排列：「乙」的下限应低于「甲」",
      "只有最低的等次可以不设下限（min 或 minPercent）",
    ]);
  });

  it("checks veto effects, results and score rules against what the scheme has", () => {
    const bad = scored({
      parts: [...testScheme().parts, { key: "veto", kind: "veto", title: "否决" }],
      vetoes: [{ key: "v1", question: "是否存在甲", effect: "capGrade", grade: "best" }, { key: "v2", question: "是否存在乙", effect: "setGrade" }],
      results: [{ key: "r", title: "结果", otherwise: "未达到", levels: [{ key: "l1", label: "创优", when: { allOf: [{ indicator: "nothing" }, { veto: "v9" }, { schools: { table: "t" } }] } }] }],
    });
    bad.criteria[2] = item("c", 3, 7, { scoreRule: { zeroIf: { score: { atLeast: 1 } } } });
    expect(errorsOf(bad)).toEqual([
      { path: "vetoes[0].grade", message: "未知的等次「best」（可用的有：good、fair、poor）" },
      { path: "vetoes[1].grade", message: "否决效果 setGrade（等次定为指定等次）需要指定等次（grade）" },
      { path: "results[0].levels[0].when.allOf[0]", message: "引用了不存在的指标「nothing」" },
      { path: "results[0].levels[0].when.allOf[1]", message: "引用了不存在的否决事项「v9」" },
      { path: "results[0].levels[0].when.allOf[2]", message: "引用了不存在的表格「t」" },
      { path: "criteria[2].scoreRule.zeroIf", message: "计分规则的记零条件（zeroIf）不能依据总分（总分由各项得分组成）" },
      { path: "criteria[2].scoreRule", message: "本项没有带目标的指标：请在计分规则的指标列表（scoreRule.indicators）中列出据以计分的指标" },
    ]);
  });
});

describe("per-level matrices", () => {
  const matrix = {
    key: "spend",
    title: "分学段生均支出",
    levels: [
      { key: "primary", label: "小学" },
      { key: "junior", label: "初中" },
    ],
    inputs: [
      { key: "funds", label: "生均公用经费", unit: "元", kind: "decimal" as const },
      { key: "funds_prev", label: "上年生均公用经费", unit: "元", kind: "decimal" as const },
    ],
    indicators: [
      { key: "funds_level", label: "生均公用经费", unit: "元", precision: 0, formula: { op: "value" as const, of: "funds" } },
      { key: "funds_growth", label: "生均公用经费增长率", unit: "%", formula: { op: "growth" as const, current: "funds", previous: "funds_prev" }, target: { op: ">=" as const, value: 0 } },
    ],
    targets: { funds_level: { primary: { op: ">=" as const, value: 650 }, junior: { op: ">=" as const, value: 850 } } },
  };

  it("expands into one input and indicator per level, formulas meaning the same level, targets per level", () => {
    const scheme = ok(testScheme({ matrices: [matrix] }));
    expect(schemeInputs(scheme).map((i) => [i.key, i.label])).toEqual([
      ["funds_primary", "小学生均公用经费"],
      ["funds_prev_primary", "小学上年生均公用经费"],
      ["funds_junior", "初中生均公用经费"],
      ["funds_prev_junior", "初中上年生均公用经费"],
    ]);
    const byKey = new Map(schemeIndicators(scheme).map((i) => [i.key, i]));
    expect(byKey.get("funds_growth_junior")?.formula).toEqual({ op: "growth", current: "funds_junior", previous: "funds_prev_junior" });
    expect(byKey.get("funds_level_primary")?.target).toEqual({ op: ">=", value: 650 });
    expect(byKey.get("funds_level_junior")?.target).toEqual({ op: ">=", value: 850 });
    // The stored scheme keeps the matrix, not its expansion: validating it again gives the same scheme.
    expect(ok(JSON.parse(JSON.stringify(scheme)))).toEqual(scheme);
  });

  it("refuses per-level targets for unknown indicators or levels and expanded keys that collide", () => {
    const bad = { ...matrix, targets: { nothing: { primary: { op: ">=" as const, value: 1 } }, funds_level: { senior: { op: ">=" as const, value: 1 } } } };
    expect(errorsOf(testScheme({ matrices: [bad] })).map((e) => [e.path, e.message])).toEqual([
      ["criteria[0].matrices[0].targets.nothing", "按学段的目标引用了本表中不存在的指标「nothing」"],
      ["criteria[0].matrices[0].targets.funds_level.senior", "未知的学段「senior」（可用的有：primary、junior）"],
    ]);
    const clash = testScheme({ inputs: [{ key: "funds_primary", label: "重复", kind: "integer" }], matrices: [matrix] });
    expect(errorsOf(clash)[0]).toEqual({ path: "criteria[0].matrices[0].inputs[0].key", message: "键名「funds_primary」重复（已在 criteria[0].inputs[0].key 使用）" });
  });
});

describe("display formats", () => {
  const base = { key: "r", label: "比", formula: { op: "ratio" as const, num: "a", den: "b" } };
  const inputs = [
    { key: "a", label: "甲", kind: "integer" as const },
    { key: "b", label: "乙", kind: "integer" as const },
  ];
  it("lets the format say the unit, and refuses a unit that contradicts it", () => {
    expect(ok(testScheme({ inputs, indicators: [{ ...base, format: { kind: "ratio" } }] }))).toBeTruthy();
    expect(errorsOf(testScheme({ inputs, indicators: [{ ...base, unit: "人", format: { kind: "percent" } }] }))).toEqual([
      { path: "criteria[0].indicators[0].unit", message: "显示格式为 percent（百分比）时单位由格式决定，请删除单位（unit）「人」或改为「%」" },
    ]);
    expect(errorsOf(testScheme({ inputs, indicators: [{ ...base, format: { kind: "currency", unit: "美元" } as never }] }))[0].message).toBe("金额单位（unit）只能是 元、万元 或 亿元");
  });
});

describe("errors for people", () => {
  const json = testScheme({}, { criteria: [item("a", 1), item("b", 2), item("c", 3), item("d", 4), { ...item("e", 5), title: "学前教育普及普惠", indicators: [{ key: "k", label: "毛入园率", formula: { op: "eval" } as never }] }] });
  it("locates an error 1-based with the node's title", () => {
    expect(describeLocation(json, "criteria[4].indicators[0].formula.op")).toBe("第 5 项评价重点「学前教育普及普惠」的第 1 个指标「毛入园率」的公式的类型（op）");
    expect(describeLocation(json, "parts[1]")).toBe("第 2 个部分「自查情况和工作成效」");
    expect(describeLocation(json, "")).toBe("（根）");
  });

  it("repeats the bad value and the technical path", () => {
    const lines = describeSchemeErrors(json, errorsOf(json));
    expect(lines).toEqual([
      '第 5 项评价重点「学前教育普及普惠」的第 1 个指标「毛入园率」的公式的类型（op）：未知的公式类型 "eval"，可用的有：ratio（比值）、percent（百分比）、permille（千分比）、growth（增长率）、sum（求和）、average（平均值）、difference（差值）、value（取值）、yesno（是/否）、schools（统计学校表格）〔criteria[4].indicators[0].formula.op〕',
    ]);
    const level = testScheme({}, { level: "town" as never });
    expect(describeSchemeErrors(level, errorsOf(level))).toEqual(['层级（level）：层级（level）只能是 county（县级）或 city（市级）（现为 "town"）〔level〕']);
  });

  it("names the nearest valid key for an unknown one", () => {
    expect(errorsOf(testScheme({}, { totalScore: 100 } as never))).toEqual([{ path: "", message: "未知的键「totalScore」，是否应为「scoring.total」？" }]);
    expect(errorsOf(testScheme({ maxScroe: 5 } as never))).toEqual([{ path: "criteria[0]", message: "未知的键「maxScroe」，是否应为「maxScore」？" }]);
    const inTarget = testScheme({ inputs: [{ key: "a", label: "甲", kind: "integer" }], indicators: [{ key: "r", label: "率", formula: { op: "value", of: "a" }, target: { op: ">=", value: 1, lable: "x" } as never }] });
    expect(errorsOf(inTarget)[0].message).toBe("未知的键「lable」，是否应为「label」？");
    expect(nearestKey("zzzzzz", ["code", "title"])).toBeNull();
    expect(errorsOf(testScheme({ zzzzzz: 1 } as never))[0].message).toMatch(/^未知的键「zzzzzz」（可用的键：code、ordinal、title/);
  });
});
