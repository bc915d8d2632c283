import { describe, expect, it } from "vitest";
import { changeChart, commentProgress, dashboardCharts, ledgerProgress, gradesChart, indicatorChart, progressChart, scoreBins, scoresChart, statusChart, CHART_COLORS, BARS_IN_VIEW } from "@/lib/review/dashboard/charts";
import { parseDashboardFilters } from "@/lib/review/dashboard/filters";
import type { Dashboard, DashboardRow, IndicatorColumn, MatrixCell } from "@/lib/review/dashboard/types";

const rate: IndicatorColumn = { key: "rate", label: "学前三年毛入园率", unit: "%", target: "≥ 90%", precision: 2, affix: { prefix: "", suffix: "%" }, bounds: [90] };
const share: IndicatorColumn = { key: "share", label: "民办在校生占比", unit: "%", target: "5%～10%", precision: 2, affix: { prefix: "", suffix: "%" }, bounds: [5, 10] };
const plan: IndicatorColumn = { key: "plan", label: "是否制定规划", unit: "", target: "是", precision: 0, bounds: [] };
const cell = (value: number | null, met: boolean | null, delta: number | null = null): MatrixCell => ({ display: String(value), value, met, delta, previous: delta === null ? null : "x" });

function row(name: string, city: string, cells: Record<string, MatrixCell>, extra: Partial<NonNullable<DashboardRow["report"]>> = {}, bucket: DashboardRow["bucket"] = "mine"): DashboardRow {
  return {
    county: { code: name, name },
    city: { code: city, name: `${city}市` },
    bucket,
    report: { id: name, status: "submitted", statusText: "", submittedAt: null, round: 1, completeness: 100, problemCount: 0, openComments: 0, resolvedComments: 0, unmet: 0, score: null, disputed: 0, cells, ...extra },
  };
}

function dashboard(rows: DashboardRow[], over: Partial<Dashboard> = {}): Dashboard {
  return {
    filters: { ...parseDashboardFilters({}), year: 2021 },
    scheme: { code: "s", title: "方案" },
    options: { years: [2021], schemes: [], cities: [...new Map(rows.map((r) => [r.city!.code, r.city!])).values()] },
    counts: { mine: 0, elsewhere: 0, returned: 0, accepted: 0, draft: 0, none: 0 },
    columns: [rate, share, plan],
    rows,
    hasPrevious: false,
    level: "province",
    grades: [],
    reportsInYear: rows.length,
    dataAsOf: null,
    ...over,
  };
}

type Series = { data: { value: number; itemStyle: { color: string } }[]; markLine?: { data: { yAxis: number }[]; label: { formatter: string } } };

describe("indicator chart", () => {
  const d = dashboard([row("甲县", "A", { rate: cell(95, true) }), row("乙县", "A", { rate: cell(80, false) }), row("丙县", "B", { rate: cell(99.5, true) }), row("丁县", "B", { rate: cell(null, null) })]);

  it("sorts counties high to low, paints unmet bars red, draws the target as a line, leaves missing figures out", () => {
    const c = indicatorChart(d, rate)!;
    const x = c.option.xAxis as { data: string[] };
    const s = (c.option.series as Series[])[0];
    expect(x.data).toEqual(["丙县", "甲县", "乙县"]);
    expect(s.data.map((b) => b.value)).toEqual([99.5, 95, 80]);
    expect(s.data.map((b) => b.itemStyle.color)).toEqual([CHART_COLORS.met, CHART_COLORS.met, CHART_COLORS.unmet]);
    expect(s.markLine!.data).toEqual([{ yAxis: 90 }]);
    expect(s.markLine!.label.formatter).toBe("目标 ≥ 90%");
    expect(c.description).toContain("3 个县区，目标 ≥ 90%，1 个未达到");
    expect(c.table.rows).toEqual([["丙县", 99.5, "达标"], ["甲县", 95, "达标"], ["乙县", 80, "未达标"]]);
    // Bars from zero; the axis ends where the data does when the target is below it.
    expect((c.option.yAxis as { max?: number }).max).toBeUndefined();
  });

  it("raises the axis to show a target above every county's figure", () => {
    const low = indicatorChart(dashboard([row("甲县", "A", { rate: cell(60, false) }), row("乙县", "A", { rate: cell(70, false) })]), rate)!;
    expect((low.option.yAxis as { max: number }).max).toBe(Math.ceil(90 * 1.05));
  });

  it("draws both ends of a range target, nothing for a yes/no indicator, and a slider beyond the bars that fit", () => {
    const ranged = indicatorChart(dashboard([row("甲县", "A", { share: cell(12, false) })]), share)!;
    expect((ranged.option.series as Series[])[0].markLine!.data).toEqual([{ yAxis: 5 }, { yAxis: 10 }]);
    expect(indicatorChart(d, plan)).toBeNull();
    const many = dashboard(Array.from({ length: 120 }, (_, i) => row(`县${i}`, "A", { rate: cell(i, i >= 90) })));
    const zoom = indicatorChart(many, rate)!.option.dataZoom as { end: number }[];
    expect(zoom[0].end).toBeCloseTo((BARS_IN_VIEW / 120) * 100);
    expect(indicatorChart(d, rate)!.option.dataZoom).toBeUndefined();
  });
});

describe("scores and grades", () => {
  it("bins totals in tenths of the scheme's total, the top score in the last bin", () => {
    expect(scoreBins([0, 9.9, 10, 55, 100], 100).map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(scoreBins([], 100)[9].label).toBe("90–100");
  });

  it("counts only complete score sheets, and grades in the scheme's order with the ungraded last", () => {
    const scored = (name: string, total: number | null, grade: string | null) => row(name, "A", {}, { score: { total, max: 100, grade } });
    const d = dashboard([scored("甲县", 92, "优秀"), scored("乙县", 75, "良好"), scored("丙县", null, null), scored("丁县", 95, "优秀")], { grades: ["优秀", "良好", "合格"] });
    const s = scoresChart(d)!;
    expect(s.description).toContain("3 个县区已完成自评打分");
    expect(s.table.rows.find((r) => r[0] === "90–100")).toEqual(["90–100", 2]);
    expect(gradesChart(d)!.table.rows).toEqual([["优秀", 2], ["良好", 1], ["合格", 0], ["尚未定等", 1]]);
    expect(scoresChart(dashboard([row("甲县", "A", {})]))).toBeNull();
    expect(gradesChart(dashboard([row("甲县", "A", {})]))).toBeNull();
  });
});

describe("year-over-year change", () => {
  it("counts per indicator the counties that rose, held and fell; indicators without last year's figures are left out", () => {
    const d = dashboard([row("甲县", "A", { rate: cell(95, true, 2) }), row("乙县", "A", { rate: cell(80, false, -1) }), row("丙县", "A", { rate: cell(90, true, 0) }), row("丁县", "A", { rate: cell(91, true, 3), share: cell(1, false) })]);
    const c = changeChart(d)!;
    expect(c.table.rows).toEqual([["学前三年毛入园率", 2, 1, 1]]);
    expect(changeChart(dashboard([row("甲县", "A", { rate: cell(95, true) })]))).toBeNull();
  });
});

describe("status and progress", () => {
  it("stacks statuses per city for a province, only the statuses that occur", () => {
    const d = dashboard([row("甲县", "A", {}, {}, "mine"), row("乙县", "A", {}, {}, "accepted"), row("丙县", "B", {}, {}, "mine")]);
    const c = statusChart(d);
    expect(c.title).toBe("各市报告状态");
    expect(c.table).toEqual({ head: ["市", "待我审核", "审核通过"], rows: [["A市", 1, 1], ["B市", 1, 0]] });
  });

  it("shows comment threads resolved out of all per county, least done first, counties without any left out", () => {
    const d = dashboard([row("甲县", "A", {}, { resolvedComments: 3, openComments: 1 }), row("乙县", "A", {}, { resolvedComments: 0, openComments: 2 }), row("丙县", "A", {})]);
    const c = progressChart(commentProgress(d))!;
    expect(c.table.rows).toEqual([["乙县", 0, 2, 0], ["甲县", 3, 1, 75]]);
    expect(progressChart([])).toBeNull();
  });

  it("draws the 整改台账's completion per county instead of the comments' once the ledger has items", () => {
    const d = dashboard([row("甲县", "A", {}, { resolvedComments: 3, openComments: 1 }), row("乙县", "A", {})]);
    const rows = ledgerProgress(d, { 甲县: { total: 4, open: 1 }, 乙县: { total: 2, open: 2 }, 其他县: { total: 9, open: 0 } });
    expect(rows).toEqual([{ county: "甲县", done: 3, open: 1 }, { county: "乙县", done: 0, open: 2 }]);
    const c = dashboardCharts(d, 6, rows).find((x) => x.id === "progress")!;
    expect(c.title).toBe("整改完成进度");
    expect(c.table.rows).toEqual([["乙县", 0, 2, 0], ["甲县", 3, 1, 75]]);
    expect(dashboardCharts(d).find((x) => x.id === "progress")!.title).toBe("督导意见处理进度");
  });

  it("draws the chosen indicators when the filter names some, else those with a numeric target", () => {
    const rows = [row("甲县", "A", { rate: cell(95, true), share: cell(7, true) })];
    expect(dashboardCharts(dashboard(rows)).map((c) => c.id)).toEqual(["status", "indicator-rate", "indicator-share"]);
    const chosen = dashboard(rows, { filters: { ...parseDashboardFilters({ ind: "share" }), year: 2021 } });
    expect(dashboardCharts(chosen).map((c) => c.id)).toEqual(["status", "indicator-share"]);
  });
});
