import { describe, expect, it } from "vitest";
import { validateInputValue } from "@/lib/indicators/input-value";
import { ZInput } from "@/lib/template/schema";

const count = ZInput.parse({ key: "students", label: "在校生", unit: "人", kind: "integer" });
const amount = ZInput.parse({ key: "spend", label: "教育支出", unit: "万元", kind: "decimal", max: 1000000 });
const rate = ZInput.parse({ key: "rate", label: "变化率", unit: "%", kind: "decimal", min: -100, max: 100 });
const flag = ZInput.parse({ key: "ok", label: "已落实", kind: "boolean" });

describe("validateInputValue", () => {
  it("accepts numbers as typed, including full-width digits and thousands separators", () => {
    expect(validateInputValue(count, 10736)).toEqual({ ok: true, value: 10736 });
    expect(validateInputValue(count, " 10,736 ")).toEqual({ ok: true, value: 10736 });
    expect(validateInputValue(count, "１０７３６")).toEqual({ ok: true, value: 10736 });
    expect(validateInputValue(amount, "57628.5")).toEqual({ ok: true, value: 57628.5 });
    expect(validateInputValue(rate, "-2.5")).toEqual({ ok: true, value: -2.5 });
  });

  it("treats an empty box as not yet filled", () => {
    expect(validateInputValue(count, "")).toEqual({ ok: true, value: null });
    expect(validateInputValue(count, null)).toEqual({ ok: true, value: null });
  });

  it("refuses what is not a number, with Chinese messages", () => {
    expect(validateInputValue(count, "一万")).toEqual({ ok: false, message: "请输入数字" });
    expect(validateInputValue(count, "12abc")).toEqual({ ok: false, message: "请输入数字" });
    expect(validateInputValue(count, Number.NaN)).toEqual({ ok: false, message: "请输入数字" });
    expect(validateInputValue(count, [1])).toEqual({ ok: false, message: "请输入数字" });
  });

  it("refuses negative counts, fractions of a count and values out of bounds", () => {
    expect(validateInputValue(count, -3)).toEqual({ ok: false, message: "不能为负数" });
    expect(validateInputValue(count, "12.5")).toEqual({ ok: false, message: "应为整数" });
    expect(validateInputValue(amount, 2000000)).toEqual({ ok: false, message: "不能大于 1000000万元" });
    expect(validateInputValue(rate, -150)).toEqual({ ok: false, message: "不能小于 -100%" });
  });

  it("reads yes/no answers", () => {
    expect(validateInputValue(flag, true)).toEqual({ ok: true, value: true });
    expect(validateInputValue(flag, "否")).toEqual({ ok: true, value: false });
    expect(validateInputValue(flag, 1)).toEqual({ ok: false, message: "请选择“是”或“否”" });
  });
});
