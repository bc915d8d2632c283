import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { testScheme } from "@/lib/template/test-scheme";
import { defineScheme } from "@/lib/template/validate-scheme";

const count = (key: string, label: string) => ({ key, label, unit: "人", kind: "integer" as const });
const scheme = defineScheme(
  testScheme({
    inputs: [count("total", "义务教育在校生"), count("primary", "小学在校生"), count("junior", "初中在校生")],
    indicators: [{ key: "share", label: "小学占比", unit: "%", formula: { op: "percent", num: "primary", den: "total" } }],
    checks: [
      { key: "by_level", label: "分学段在校生", kind: "sumEquals", parts: ["primary", "junior"], total: "total" },
      { key: "custom", label: "自定义", kind: "sumEquals", parts: ["primary", "junior"], total: "total", message: "小学加初中为 {sum} 人，总数却是 {total} 人" },
    ],
  }),
);
const checksOf = (values: Record<string, number | null>) => computeIndicators(scheme, values).checks;

describe("sumEquals checks", () => {
  it("passes when the parts add up", () => {
    expect(checksOf({ total: 35556, primary: 25584, junior: 9972 }).by_level).toEqual({ key: "by_level", ok: true, message: "分学段在校生：核对一致" });
  });

  it("names both numbers when they do not, with the default or the scheme's wording", () => {
    const checks = checksOf({ total: 35556, primary: 25584, junior: 9973 });
    expect(checks.by_level).toEqual({ key: "by_level", ok: false, message: "各项之和 35557 与义务教育在校生 35556 不一致" });
    expect(checks.custom.message).toBe("小学加初中为 35557 人，总数却是 35556 人");
  });

  it("waits for missing figures instead of guessing", () => {
    expect(checksOf({ total: 35556, primary: null }).by_level).toEqual({
      key: "by_level",
      ok: null,
      message: "分学段在校生：缺少数据（小学在校生、初中在校生），暂无法核对",
    });
  });
});
