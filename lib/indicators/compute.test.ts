import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { statusLabel } from "@/lib/indicators/format";
import type { TCriterionInput } from "@/lib/template/schema";
import { testScheme } from "@/lib/template/test-scheme";
import { defineScheme } from "@/lib/template/validate-scheme";

const n = (key: string, label: string, unit = "人") => ({ key, label, unit, kind: "integer" as const });
const inputs: TCriterionInput["inputs"] = [
  n("enrolled", "在园幼儿"),
  n("population", "适龄人口"),
  { key: "spend", label: "教育支出", unit: "万元", kind: "decimal" },
  { key: "spend_prev", label: "上年教育支出", unit: "万元", kind: "decimal" },
  { key: "pay_ok", label: "教师工资不低于公务员", kind: "boolean" },
];
type Indicators = NonNullable<TCriterionInput["indicators"]>;
const rate: Indicators[number] = {
  key: "rate",
  label: "毛入园率",
  unit: "%",
  formula: { op: "percent", num: "enrolled", den: "population" },
  target: { op: ">=", value: 90 },
};

const compute = (indicators: Indicators, values: Record<string, number | boolean | null>) =>
  computeIndicators(defineScheme(testScheme({ inputs, indicators })), values).indicators;

describe("formula kinds", () => {
  const all: Indicators = [
    rate,
    { key: "ratio", label: "比", formula: { op: "ratio", num: "enrolled", den: "population" }, precision: 4 },
    { key: "growth", label: "增长率", unit: "%", formula: { op: "growth", current: "spend", previous: "spend_prev" } },
    { key: "sum", label: "合计", unit: "人", precision: 0, formula: { op: "sum", terms: ["enrolled", "population"] } },
    { key: "difference", label: "差", unit: "人", precision: 0, formula: { op: "difference", a: "enrolled", b: "population" } },
    { key: "value", label: "支出", unit: "万元", formula: { op: "value", of: "spend" } },
    { key: "yesno", label: "工资", formula: { op: "yesno", of: "pay_ok" }, target: { op: "yes" } },
    { key: "chained", label: "合计的一半", formula: { op: "ratio", num: "sum", den: "population" } },
  ];
  const values = { enrolled: 10736, population: 10755, spend: 57628, spend_prev: 35370, pay_ok: true };
  const out = compute(all, values);

  it("computes each kind and displays it with its unit", () => {
    expect(out.rate).toEqual({ key: "rate", value: 99.82, display: "99.82%", status: "met" });
    expect(out.ratio).toMatchObject({ value: 0.9982, display: "0.9982", status: "no-target" });
    expect(out.growth).toMatchObject({ value: 62.93, display: "62.93%" });
    expect(out.sum).toMatchObject({ value: 21491, display: "21491人" });
    expect(out.difference).toMatchObject({ value: -19, display: "-19人" });
    expect(out.value).toMatchObject({ value: 57628, display: "57628万元" });
    expect(out.yesno).toEqual({ key: "yesno", value: true, display: "是", status: "met" });
    expect(out.chained).toMatchObject({ value: 2 }); // 21491 / 10755 = 1.998… → 2.00, shown as "2"
    expect(out.chained.display).toBe("2");
  });

  it("averages its terms exactly, rounding only the result, and waits for every term", () => {
    const mean: Indicators = [
      { key: "mean", label: "平均支出", unit: "万元", precision: 2, formula: { op: "average", terms: ["spend", "spend_prev", "enrolled"] }, target: { op: ">=", value: 34578 } },
    ];
    // (57628 + 35370 + 10736) / 3 = 34578 exactly; 57627.99 makes it 34577.99666… → 34578.00 as printed, met;
    // 57627.9 makes it 34577.9666… → 34577.97, unmet.
    expect(compute(mean, values).mean).toMatchObject({ value: 34578, display: "34578万元", status: "met" });
    expect(compute(mean, { ...values, spend: 57627.99 }).mean).toMatchObject({ value: 34578, status: "met" });
    expect(compute(mean, { ...values, spend: 57627.9 }).mean).toMatchObject({ value: 34577.97, status: "unmet" });
    expect(compute(mean, { ...values, spend_prev: null }).mean).toMatchObject({ value: null, status: "missing" });
  });

  it("computes negative growth and a failed yes/no", () => {
    const down = compute(all, { ...values, spend: 30000, pay_ok: false });
    expect(down.growth.value).toBe(-15.18); // (30000 − 35370) / 35370 = −15.182…%
    expect(down.yesno).toMatchObject({ value: false, display: "否", status: "unmet", reason: "未达到目标（是）" });
  });
});

describe("target operators compare the rounded value", () => {
  const withTarget = (target: Indicators[number]["target"], enrolled: number, population = 100) =>
    compute([{ ...rate, target }], { enrolled, population }).rate;

  it(">= and <=", () => {
    expect(withTarget({ op: ">=", value: 90 }, 90).status).toBe("met");
    expect(withTarget({ op: ">=", value: 90 }, 8999, 10000).status).toBe("unmet");
    expect(withTarget({ op: "<=", value: 5 }, 5).status).toBe("met");
    expect(withTarget({ op: "<=", value: 5 }, 6)).toMatchObject({ status: "unmet", reason: "未达到目标（≤ 5%）" });
  });

  it("= and between (inclusive)", () => {
    expect(withTarget({ op: "=", value: 100 }, 100).status).toBe("met");
    expect(withTarget({ op: "=", value: 100 }, 99)).toMatchObject({ status: "unmet", reason: "未达到目标（= 100%）" });
    expect(withTarget({ op: "between", min: 60, max: 80 }, 60).status).toBe("met");
    expect(withTarget({ op: "between", min: 60, max: 80 }, 80).status).toBe("met");
    expect(withTarget({ op: "between", min: 60, max: 80 }, 81)).toMatchObject({ status: "unmet", reason: "未达到目标（60%～80%）" });
  });

  it("uses the rounded number, as a reader of the printed report would", () => {
    // 54.996% prints as 55.00% and so meets ≥ 55%; 54.994% prints as 54.99% and does not.
    expect(withTarget({ op: ">=", value: 55 }, 54996, 100000)).toMatchObject({ value: 55, display: "55%", status: "met" });
    expect(withTarget({ op: ">=", value: 55 }, 54994, 100000)).toMatchObject({ value: 54.99, status: "unmet" });
  });

  it("prefers the scheme's own target wording", () => {
    const r = withTarget({ op: ">=", value: 95, label: "不低于95%" }, 90);
    expect(r.reason).toBe("未达到目标（不低于95%）");
  });
});

describe("missing figures and impossible divisions", () => {
  it("marks an indicator missing and names the empty inputs, through chained indicators", () => {
    const chained: Indicators = [
      { key: "total", label: "合计", formula: { op: "sum", terms: ["enrolled", "population"] } },
      { key: "share", label: "占比", unit: "%", formula: { op: "percent", num: "spend", den: "total" } },
    ];
    const out = compute([rate, ...chained], { enrolled: null });
    expect(out.rate).toEqual({ key: "rate", value: null, display: "未填写", status: "missing", reason: "缺少数据：在园幼儿、适龄人口" });
    expect(out.share.reason).toBe("缺少数据：教育支出、在园幼儿、适龄人口");
  });

  it("explains a zero denominator instead of showing NaN or Infinity", () => {
    const growth: Indicators[number] = { key: "g", label: "增长率", unit: "%", formula: { op: "growth", current: "spend", previous: "spend_prev" } };
    const out = compute([rate, growth], { enrolled: 0, population: 0, spend: 5, spend_prev: 0 });
    expect(out.rate).toMatchObject({ value: null, display: "未填写", status: "missing", reason: "分母「适龄人口」为 0，无法计算" });
    expect(out.g.reason).toBe("上年数据「上年教育支出」为 0，无法计算增长率");
  });

  it("treats non-finite and wrongly typed values as missing", () => {
    const out = compute([rate], { enrolled: Number.NaN, population: Number.POSITIVE_INFINITY });
    expect(out.rate.status).toBe("missing");
    expect(compute([rate], { enrolled: true, population: 100 }).rate.reason).toBe("缺少数据：在园幼儿");
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
  });

  it("does not recurse forever on a loop in an unvalidated scheme", () => {
    const scheme = defineScheme(testScheme({ inputs, indicators: [rate] }));
    scheme.criteria[0].indicators.push({ key: "loop", label: "循环", unit: "", precision: 2, aliases: [], formula: { op: "value", of: "loop" } });
    expect(computeIndicators(scheme, {}).indicators.loop.reason).toBe("「循环」存在循环引用");
  });
});

describe("status labels", () => {
  it("are Chinese", () => {
    expect(["met", "unmet", "missing", "no-target"].map((s) => statusLabel(s as never))).toEqual(["达标", "未达标", "未填写", "—"]);
  });
});
