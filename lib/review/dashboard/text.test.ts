import { describe, expect, it } from "vitest";
import { cellText, cellTitle, deltaText, shortLabel } from "@/lib/review/dashboard/text";
import { dashboardQuery, parseDashboardFilters } from "@/lib/review/dashboard/filters";
import { bucketLabel, bucketOf } from "@/lib/review/dashboard/buckets";
import type { IndicatorColumn, MatrixCell } from "@/lib/review/dashboard/types";

const cell = (c: Partial<MatrixCell>): MatrixCell => ({ display: "99.82%", value: 99.82, met: true, delta: null, previous: null, ...c });
const col: IndicatorColumn = { key: "k", label: "学前三年毛入园率", unit: "%", target: "≥ 90%", precision: 2 };

describe("matrix cell text", () => {
  it("drops the unit the header names, keeps yes/no, dashes a missing figure", () => {
    expect(cellText(cell({}), "%")).toBe("99.82");
    expect(cellText(cell({ display: "650元/生·年" }), "元/生·年")).toBe("650");
    expect(cellText(cell({ display: "是", value: null }), "")).toBe("是");
    expect(cellText(cell({ display: "未填写", value: null }), "%")).toBe("—");
    expect(cellText(undefined, "%")).toBe("—");
  });

  it("writes the change from last year as an arrow, nothing when unchanged or not comparable", () => {
    expect(deltaText(cell({ delta: 2.25 }))).toBe("↑2.25");
    expect(deltaText(cell({ delta: -0.5 }))).toBe("↓0.5");
    expect(deltaText(cell({ delta: 0 }))).toBe("");
    expect(deltaText(cell({ delta: null }))).toBe("");
  });

  it("explains a cell on hover: target missed, last year's figure and the change", () => {
    expect(cellTitle(col, cell({ met: false, display: "85%", value: 85, delta: -5, previous: "90%" }), 2020)).toBe(
      "学前三年毛入园率；未达标（目标 ≥ 90%）；2020 年 90%，减少 5%",
    );
    expect(cellTitle(col, cell({ delta: 0, previous: "99.82%" }), 2020)).toBe("学前三年毛入园率；达标；2020 年 99.82%，持平");
  });

  it("shortens long indicator names keeping both ends, so similar names stay apart", () => {
    expect(shortLabel("学前三年毛入园率")).toBe("学前三年毛入园率");
    expect(shortLabel("按在校生人数平均的一般公共预算教育支出增长率")).toBe("按在校生人数…支出增长率");
    expect(shortLabel("一般公共预算教育支出增长率")).toBe("一般公共预算…支出增长率");
    expect([...shortLabel("享受午餐服务学生占有供餐需求学生的比例")].length).toBe(12);
  });
});

describe("dashboard filters in the URL", () => {
  it("parses what it knows, drops what does not parse, and writes it back without defaults", () => {
    const f = parseDashboardFilters(new URLSearchParams("year=2021&scheme=shanxi-2021-county&status=mine&unmet=1&q=%20闻喜%20&city=x"));
    expect(f).toEqual({ year: 2021, scheme: "shanxi-2021-county", city: [], status: ["mine"], ind: [], unmet: true, comments: false, q: "闻喜" });
    expect(dashboardQuery(f)).toBe("?year=2021&scheme=shanxi-2021-county&status=mine&unmet=1&q=%E9%97%BB%E5%96%9C");
    expect(parseDashboardFilters({ status: ["returned", "mine"], year: "1999", scheme: "../x" })).toMatchObject({ status: ["returned", "mine"], year: undefined, scheme: undefined });
    expect(dashboardQuery(parseDashboardFilters({}))).toBe("");
  });

  it("keeps several statuses, cities and indicators at once, drops only the values that do not parse, and repeats the key", () => {
    const f = parseDashboardFilters(new URLSearchParams("status=mine&status=bogus&status=returned&status=mine&city=140800&city=150100&city=1&ind=gross_rate&ind=a%20b"));
    expect(f).toMatchObject({ status: ["mine", "returned"], city: ["140800", "150100"], ind: ["gross_rate"] });
    expect(dashboardQuery(f)).toBe("?city=140800&city=150100&status=mine&status=returned&ind=gross_rate");
    expect(parseDashboardFilters(new URLSearchParams(dashboardQuery(f)))).toEqual(f);
  });
});

describe("status buckets", () => {
  it("sorts a submitted report by whose decision is pending, from the reviewer's level", () => {
    expect(bucketOf({ status: "submitted", reviewStage: "city" }, "city")).toBe("mine");
    expect(bucketOf({ status: "submitted", reviewStage: "province" }, "city")).toBe("elsewhere");
    expect(bucketOf({ status: "submitted", reviewStage: null }, "city")).toBe("mine");
    expect(bucketOf({ status: "submitted", reviewStage: "city" }, "province")).toBe("elsewhere");
    expect(bucketOf({ status: "draft", reviewStage: null }, "city")).toBe("draft");
    expect(bucketOf(null, "city")).toBe("none");
    expect(bucketLabel("elsewhere", "city")).toBe("待省级审核");
    expect(bucketLabel("elsewhere", "province")).toBe("待市级审核");
  });
});
