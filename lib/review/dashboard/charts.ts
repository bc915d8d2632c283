// The dashboard's charts as pure functions from the dashboard's data to ECharts options (decision 029): the page's
// client component only renders what these return, the tests check them (target line, unmet bars in red), and the
// data table beside each chart is built from the same rows, so the picture and its accessible alternative agree.
import type { EChartsCoreOption } from "echarts/core";
import type { Dashboard, DashboardRow, IndicatorColumn } from "@/lib/review/dashboard/types";
import { bucketLabel, BUCKET_KEYS } from "@/lib/review/dashboard/buckets";
import { shortLabel } from "@/lib/review/dashboard/text";

export const CHART_COLORS = { met: "#2f5597", unmet: "#dc2626", none: "#94a3b8", target: "#b45309", up: "#2f5597", same: "#cbd5e1", down: "#f97316" } as const;
/** The app's font stack (app/globals.css): ECharts draws on a canvas and needs it spelt out. */
export const CHART_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export type ChartKind = "indicator" | "scores" | "grades" | "change" | "status" | "progress";

/** A chart as the page shows it: title, ECharts option, height, and the same data as a table (its accessible
 *  alternative and the .xlsx sheet's data). */
export type ChartSpec = {
  /** Unique on the page: the kind, and the indicator's key for indicator charts. */
  id: string;
  kind: ChartKind;
  title: string;
  /** One sentence for screen readers (aria-label of the chart). */
  description: string;
  option: EChartsCoreOption;
  height: number;
  table: { head: string[]; rows: (string | number | null)[][] };
};

const base = (): EChartsCoreOption => ({
  animation: false,
  textStyle: { fontFamily: CHART_FONT, fontSize: 12 },
  grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
});

/** The count axis of a horizontal chart, named under its middle (at its end the name is cut off by the edge). */
const VALUE_AXIS_BELOW = { type: "value", name: "县区数", nameLocation: "middle", nameGap: 24, minInterval: 1 } as const;

const withReport = (d: Dashboard) => d.rows.filter((r): r is DashboardRow & { report: NonNullable<DashboardRow["report"]> } => !!r.report);
/** Categories beyond this are reached by the slider: 120 bars in 1,000 px leave no room for a name. */
export const BARS_IN_VIEW = 40;

/** One indicator across the counties: bars sorted from high to low, red where the target is missed, grey without a
 *  target, the target as a dashed line (two for a range). Yes/no indicators have no bar to draw: null. */
export function indicatorChart(d: Dashboard, col: IndicatorColumn): ChartSpec | null {
  const rows = withReport(d)
    .map((r) => ({ name: r.county.name, cell: r.report.cells[col.key] }))
    .filter((r) => typeof r.cell?.value === "number")
    .sort((a, b) => b.cell!.value! - a.cell!.value!);
  if (!rows.length) return null;
  const unmet = rows.filter((r) => r.cell!.met === false).length;
  const unit = col.affix?.suffix || col.unit;
  const zoom = rows.length > BARS_IN_VIEW;
  const dataMax = Math.max(...rows.map((r) => r.cell!.value!));
  const top = Math.max(dataMax, ...(col.bounds ?? []));
  return {
    id: `indicator-${col.key}`,
    kind: "indicator",
    title: `${col.label}${col.unit ? `（${col.unit}）` : ""}`,
    description: `${col.label}，${rows.length} 个县区${col.target ? `，目标 ${col.target}，${unmet} 个未达到` : "，无目标"}；柱按数值从高到低排列，红色为未达标。`,
    height: 360,
    option: {
      ...base(),
      grid: { left: 8, right: 24, top: 36, bottom: zoom ? 40 : 8, containLabel: true },
      xAxis: { type: "category", data: rows.map((r) => r.name), axisLabel: { rotate: 45, interval: 0, fontSize: 11 } },
      // From zero (bars are read by their length); raised to show a target above every county's figure.
      yAxis: { type: "value", name: unit, ...(top > dataMax ? { max: Math.ceil(top * 1.05) } : {}) },
      ...(zoom ? { dataZoom: [{ type: "slider", start: 0, end: (BARS_IN_VIEW / rows.length) * 100, height: 16, bottom: 8 }, { type: "inside" }] } : {}),
      series: [
        {
          type: "bar",
          name: col.label,
          data: rows.map((r) => ({ value: r.cell!.value, itemStyle: { color: r.cell!.met === false ? CHART_COLORS.unmet : r.cell!.met === true ? CHART_COLORS.met : CHART_COLORS.none } })),
          ...(col.bounds?.length
            ? {
                markLine: {
                  symbol: "none",
                  silent: true,
                  lineStyle: { color: CHART_COLORS.target, type: "dashed", width: 2 },
                  // On a white box: over 120 bars the line's label would otherwise sit on a bar's colour.
                  label: { formatter: `目标 ${col.target ?? ""}`, position: "insideEndTop", color: CHART_COLORS.target, backgroundColor: "#ffffff", padding: [2, 4], borderRadius: 2 },
                  data: col.bounds.map((b) => ({ yAxis: b })),
                },
              }
            : {}),
        },
      ],
    },
    table: {
      head: ["县（市、区）", `${col.label}${unit ? `（${unit}）` : ""}`, "是否达标"],
      rows: rows.map((r) => [r.name, r.cell!.value, r.cell!.met === false ? "未达标" : r.cell!.met === true ? "达标" : "—"]),
    },
  };
}

/** Bins of the total score: ten equal steps of the scheme's total (the last one closed). */
export function scoreBins(totals: number[], max: number, steps = 10): { label: string; count: number }[] {
  const width = max / steps;
  const bins = Array.from({ length: steps }, (_, i) => ({ label: `${fmt(i * width)}–${fmt((i + 1) * width)}`, count: 0 }));
  for (const t of totals) bins[Math.min(steps - 1, Math.max(0, Math.floor(t / width)))].count++;
  return bins;
}
const fmt = (x: number) => String(Math.round(x * 10) / 10);

/** How the counties' total scores spread (scored schemes with at least one complete score sheet). */
export function scoresChart(d: Dashboard): ChartSpec | null {
  const scored = withReport(d).filter((r) => r.report.score?.total != null);
  if (!scored.length) return null;
  const max = scored[0].report.score!.max;
  const bins = scoreBins(scored.map((r) => r.report.score!.total!), max);
  return {
    id: "scores",
    kind: "scores",
    title: "自评总分分布",
    description: `${scored.length} 个县区已完成自评打分（满分 ${max} 分），按分数段统计县区数。`,
    height: 300,
    option: {
      ...base(),
      xAxis: { type: "category", name: "分", data: bins.map((b) => b.label), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value", name: "县区数", minInterval: 1 },
      series: [{ type: "bar", name: "县区数", data: bins.map((b) => b.count), itemStyle: { color: CHART_COLORS.met }, label: { show: true, position: "top" } }],
    },
    table: { head: ["分数段", "县区数"], rows: bins.map((b) => [b.label, b.count]) },
  };
}

/** Counties per grade, in the scheme's order (best first), and those not graded yet. */
export function gradesChart(d: Dashboard): ChartSpec | null {
  if (!d.grades.length) return null;
  const rows = withReport(d);
  const counts = [...d.grades, "尚未定等"].map((g) => ({ grade: g, count: 0 }));
  for (const r of rows) {
    const i = r.report.score?.grade ? d.grades.indexOf(r.report.score.grade) : -1;
    counts[i >= 0 ? i : counts.length - 1].count++;
  }
  return {
    id: "grades",
    kind: "grades",
    title: "自评等次分布",
    description: counts.map((c) => `${c.grade} ${c.count} 个`).join("，") + "。",
    height: 300,
    option: {
      ...base(),
      xAxis: { type: "category", data: counts.map((c) => c.grade) },
      yAxis: { type: "value", name: "县区数", minInterval: 1 },
      series: [
        {
          type: "bar",
          name: "县区数",
          data: counts.map((c, i) => ({ value: c.count, itemStyle: { color: i === counts.length - 1 ? CHART_COLORS.none : CHART_COLORS.met } })),
          label: { show: true, position: "top" },
        },
      ],
    },
    table: { head: ["等次", "县区数"], rows: counts.map((c) => [c.grade, c.count]) },
  };
}

/** Per indicator, how many counties' figures rose, stayed or fell against their own report of the year before. */
export function changeChart(d: Dashboard, columns: IndicatorColumn[] = d.columns): ChartSpec | null {
  const rows = withReport(d);
  const per = columns
    .map((c) => {
      const deltas = rows.map((r) => r.report.cells[c.key]?.delta).filter((x): x is number => typeof x === "number");
      return { col: c, up: deltas.filter((x) => x > 0).length, same: deltas.filter((x) => x === 0).length, down: deltas.filter((x) => x < 0).length };
    })
    .filter((p) => p.up + p.same + p.down > 0);
  if (!per.length) return null;
  const names = per.map((p) => shortLabel(p.col.label));
  const series = (key: "up" | "same" | "down", name: string) => ({ type: "bar", stack: "n", name, data: per.map((p) => p[key]), itemStyle: { color: CHART_COLORS[key] } });
  return {
    id: "change",
    kind: "change",
    title: `较 ${d.filters.year - 1} 年的变化`,
    description: `${per.length} 项指标，每项统计数值较上年上升、持平、下降的县区数（同一县区相邻两年的报告）。`,
    height: Math.max(240, 60 + per.length * 22),
    option: {
      ...base(),
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 28, containLabel: true },
      // Listed top to bottom in the scheme's order: a category y axis runs bottom-up, hence inverse.
      yAxis: { type: "category", data: names, inverse: true, axisLabel: { fontSize: 11 } },
      xAxis: VALUE_AXIS_BELOW,
      series: [series("up", "上升"), series("same", "持平"), series("down", "下降")],
    },
    table: { head: ["指标", "上升", "持平", "下降"], rows: per.map((p) => [p.col.label, p.up, p.same, p.down]) },
  };
}

/** Where the reports stand, per city (province reviewers) or for the region (city reviewers): stacked by status. */
export function statusChart(d: Dashboard): ChartSpec {
  const groups = new Map<string, Record<string, number>>();
  const byCity = d.options.cities.length > 1;
  for (const r of d.rows) {
    const key = byCity ? (r.city?.name ?? "—") : "全部县区";
    const g = groups.get(key) ?? Object.fromEntries(BUCKET_KEYS.map((b) => [b, 0]));
    g[r.bucket]++;
    groups.set(key, g);
  }
  const names = [...groups.keys()];
  const palette: Record<string, string> = { mine: "#2f5597", elsewhere: "#7c93c3", returned: "#dc2626", accepted: "#059669", draft: "#f59e0b", none: "#cbd5e1" };
  const used = BUCKET_KEYS.filter((b) => names.some((n) => groups.get(n)![b] > 0));
  return {
    id: "status",
    kind: "status",
    title: byCity ? "各市报告状态" : "报告状态",
    description: names.map((n) => `${n}：${used.map((b) => `${bucketLabel(b, d.level)} ${groups.get(n)![b]}`).join("，")}`).join("；") + "。",
    height: Math.max(160, 70 + names.length * 26),
    option: {
      ...base(),
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 28, containLabel: true },
      yAxis: { type: "category", data: names, inverse: true },
      xAxis: VALUE_AXIS_BELOW,
      series: used.map((b) => ({ type: "bar", stack: "n", name: bucketLabel(b, d.level), data: names.map((n) => groups.get(n)![b]), itemStyle: { color: palette[b] } })),
    },
    table: { head: [byCity ? "市" : "范围", ...used.map((b) => bucketLabel(b, d.level))], rows: names.map((n) => [n, ...used.map((b) => groups.get(n)![b])]) },
  };
}

/** One county's progress on what it was asked to fix: done out of all. */
export type ProgressRow = { county: string; done: number; open: number };

/** Today's source: reviewers' comment threads resolved vs still open. The rectification ledger (issue 16 item 3)
 *  brings its own rows (items 已完成 vs the rest) and passes them to progressChart with its own title. */
export function commentProgress(d: Dashboard): ProgressRow[] {
  return withReport(d)
    .map((r) => ({ county: r.county.name, done: r.report.resolvedComments, open: r.report.openComments }))
    .filter((r) => r.done + r.open > 0);
}

/** Per county, share done (bar length) out of all, sorted from least done; counties with nothing asked are left out. */
export function progressChart(rows: ProgressRow[], title = "督导意见处理进度", what = "督导意见"): ChartSpec | null {
  if (!rows.length) return null;
  const sorted = [...rows].sort((a, b) => a.done / (a.done + a.open) - b.done / (b.done + b.open) || a.county.localeCompare(b.county, "zh"));
  const pct = (r: ProgressRow) => Math.round((r.done / (r.done + r.open)) * 1000) / 10;
  const zoom = sorted.length > BARS_IN_VIEW;
  return {
    id: "progress",
    kind: "progress",
    title,
    description: `${sorted.length} 个县区的${what}完成比例，从低到高排列；${sorted.filter((r) => r.open === 0).length} 个已全部完成。`,
    height: 360,
    option: {
      ...base(),
      grid: { left: 8, right: 24, top: 36, bottom: zoom ? 40 : 8, containLabel: true },
      xAxis: { type: "category", data: sorted.map((r) => r.county), axisLabel: { rotate: 45, interval: 0, fontSize: 11 } },
      yAxis: { type: "value", name: "完成（%）", max: 100 },
      ...(zoom ? { dataZoom: [{ type: "slider", start: 0, end: (BARS_IN_VIEW / sorted.length) * 100, height: 16, bottom: 8 }, { type: "inside" }] } : {}),
      series: [{ type: "bar", name: "完成比例", data: sorted.map((r) => ({ value: pct(r), itemStyle: { color: r.open ? CHART_COLORS.down : CHART_COLORS.met } })) }],
    },
    table: { head: ["县（市、区）", "已完成", "未完成", "完成比例（%）"], rows: sorted.map((r) => [r.county, r.done, r.open, pct(r)]) },
  };
}

/** The indicators the charts draw: those chosen in the filter (?ind=…), else every one with a numeric target. */
export function chartedIndicators(d: Dashboard): IndicatorColumn[] {
  const chosen = d.filters.ind ?? [];
  if (chosen.length) return d.columns.filter((c) => chosen.includes(c.key));
  return d.columns.filter((c) => c.bounds?.length);
}

/** The 整改台账 per county in view (counts by county code, lib/review/ledger/server ledgerCounts): items closed by
 *  the county (已完成 or 未完成需说明) against those still open. */
export function ledgerProgress(d: Dashboard, counts: Record<string, { total: number; open: number }>): ProgressRow[] {
  return d.rows
    .filter((r) => (counts[r.county.code]?.total ?? 0) > 0)
    .map((r) => ({ county: r.county.name, done: counts[r.county.code].total - counts[r.county.code].open, open: counts[r.county.code].open }));
}

/** Every chart of the dashboard, in the order the page shows them. With ledger rows, the progress chart is the
 *  rectification's (整改完成进度); without any, the reviewers' comment threads'. */
export function dashboardCharts(d: Dashboard, maxIndicators = 6, rectification: ProgressRow[] = []): ChartSpec[] {
  const indicators = chartedIndicators(d).slice(0, maxIndicators);
  return [
    statusChart(d),
    ...indicators.map((c) => indicatorChart(d, c)),
    scoresChart(d),
    gradesChart(d),
    changeChart(d, d.filters.ind?.length ? indicators : d.columns),
    rectification.length ? progressChart(rectification, "整改完成进度", "整改事项") : progressChart(commentProgress(d)),
  ].filter((c): c is ChartSpec => c !== null);
}
