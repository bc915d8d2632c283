// Display formats and the rounding a scheme chooses, through computeIndicators (what the editor, Word, the stored
// summary and the dashboard all read): percent, ‰, 1:N, 万元, counts; at the boundary, "displayed" compares the
// printed value and "exact" the exact one — and then prints as many decimals as it takes not to look met.
import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { fixedOnSide } from "@/lib/indicators/display";
import { rationalFromNumber } from "@/lib/indicators/rational";
import { testScheme } from "@/lib/template/test-scheme";
import { defineScheme } from "@/lib/template/validate-scheme";
import type { TSchemeInput } from "@/lib/template/schema";

const inputs = [
  { key: "a", label: "甲", kind: "decimal" as const },
  { key: "b", label: "乙", kind: "decimal" as const },
];
const one = (indicator: object, values: Record<string, number>, overrides: Partial<TSchemeInput> = {}) => {
  const scheme = defineScheme(testScheme({ inputs, indicators: [{ key: "x", label: "指标", ...indicator } as never] }, overrides));
  return computeIndicators(scheme, values).indicators.x;
};

describe("display formats", () => {
  it("writes percent, per mille, 1:N, 万元 and counts", () => {
    expect(one({ formula: { op: "percent", num: "a", den: "b" }, format: { kind: "percent" } }, { a: 1, b: 3 }).display).toBe("33.33%");
    expect(one({ formula: { op: "permille", num: "a", den: "b" }, format: { kind: "permille" }, precision: 1 }, { a: 7, b: 2000 }).display).toBe("3.5‰");
    expect(one({ formula: { op: "ratio", num: "a", den: "b" }, format: { kind: "ratio" }, precision: 1 }, { a: 1420, b: 100 })).toMatchObject({ display: "1:14.2", value: 14.2 });
    expect(one({ formula: { op: "value", of: "a" }, format: { kind: "currency", unit: "万元" } }, { a: 123456789 })).toMatchObject({ display: "12345.68万元", value: 12345.68 });
    expect(one({ formula: { op: "value", of: "a" }, format: { kind: "currency", unit: "亿元", from: "万元" } }, { a: 35000 }).display).toBe("3.5亿元");
    expect(one({ formula: { op: "sum", terms: ["a", "b"] }, format: { kind: "count", unit: "所" } }, { a: 12, b: 23 }).display).toBe("35所");
  });

  it("states targets in the units shown: ≤ 1:15, ≥ 5000万元", () => {
    expect(one({ formula: { op: "ratio", num: "a", den: "b" }, format: { kind: "ratio" }, target: { op: "<=", value: 15 } }, { a: 1600, b: 100 })).toMatchObject({ status: "unmet", reason: "未达到目标（≤ 1:15）" });
    const money = one({ formula: { op: "value", of: "a" }, format: { kind: "currency", unit: "万元" }, target: { op: ">=", value: 5000 } }, { a: 49_999_999 });
    expect(money).toMatchObject({ display: "5000万元", status: "met" }); // 4999.9999 shows as 5000.00 and is compared as shown
  });
});

describe("rounding chosen by the scheme", () => {
  // 85% of 4.2 = 3.57; a/b = 3.566 prints as 3.57 with 2 decimals.
  const bound = { formula: { op: "ratio", num: "a", den: "b" }, target: { op: ">=", value: 3.57 } };
  const values = { a: 3566, b: 1000 };

  it("displayed (the default): 3.566 prints 3.57 and meets ≥ 3.57", () => {
    expect(one(bound, values)).toMatchObject({ display: "3.57", value: 3.57, status: "met" });
  });

  it("exact: 3.566 misses ≥ 3.57 and prints 3.566, not 3.57", () => {
    expect(one(bound, values, { rounding: "exact" })).toMatchObject({ display: "3.566", value: 3.566, status: "unmet" });
    expect(one({ ...bound, rounding: "exact" }, values)).toMatchObject({ status: "unmet" });
    // Away from the bound the precision is the indicator's.
    expect(one(bound, { a: 3600, b: 1000 }, { rounding: "exact" })).toMatchObject({ display: "3.6", status: "met" });
  });

  it("an indicator can keep displayed rounding in an exact scheme", () => {
    expect(one({ ...bound, rounding: "displayed" }, values, { rounding: "exact" }).status).toBe("met");
  });

  it("never prints a value on the wrong side of any bound it is compared with", () => {
    const r = (x: number) => rationalFromNumber(x)!;
    expect(fixedOnSide(r(84.96), 0, [r(85)])).toBe("84.96");
    expect(fixedOnSide(r(84.96), 1, [r(85), r(100)])).toBe("84.96");
    expect(fixedOnSide(r(85.04), 0, [r(85)])).toBe("85.04");
    expect(fixedOnSide(r(85), 0, [r(85)])).toBe("85");
    expect(fixedOnSide(r(70.04), 0, [r(85)])).toBe("70");
    // Above 0.3333 by a hair: 0.33, 0.333 and 0.3333 would all read as not above it.
    expect(fixedOnSide(r(0.33332), 2, [r(0.3333)])).toBe("0.33332");
    expect(fixedOnSide({ n: 1n, d: 3n }, 2, [r(0.34)])).toBe("0.33");
  });
});
