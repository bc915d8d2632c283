// What the reviewer's dashboard shows, as plain data: built on the server (lib/review/dashboard/server), rendered
// by the page and the browser's matrix, written to the .xlsx export.
import type { ReviewLevel } from "@/lib/report/status";
import type { DashboardBucket } from "@/lib/review/dashboard/buckets";
import type { TDashboardFilters } from "@/lib/review/dashboard/filters";

export type IndicatorColumn = {
  key: string;
  label: string;
  unit: string;
  /** "≥ 90%"; null when the indicator has no target. */
  target: string | null;
  precision: number;
  /** What the display format writes around the number ("1:" before a ratio, "%" or "万元" after), so the matrix
   *  and the .xlsx can show the bare number under a header that names the unit. */
  affix?: { prefix: string; suffix: string };
};

export type MatrixCell = {
  display: string;
  value: number | null;
  /** null: no target, or the figure is missing. */
  met: boolean | null;
  /** This year's value minus last year's, at the indicator's precision; null when either is not a number. */
  delta: number | null;
  /** Last year's display, when the county had a report then. */
  previous: string | null;
};

export type DashboardReport = {
  id: string;
  status: string;
  statusText: string;
  submittedAt: Date | null;
  round: number;
  completeness: number;
  problemCount: number;
  openComments: number;
  unmet: number;
  /** Items a reviewer's 核定 disagrees with (any level; lib/review/verification). */
  disputed: number;
  cells: Record<string, MatrixCell>;
};

export type DashboardRow = {
  county: { code: string; name: string };
  city: { code: string; name: string } | null;
  bucket: DashboardBucket;
  report: DashboardReport | null;
};

export type Dashboard = {
  /** The filters as applied, with the year and scheme resolved to their defaults. */
  filters: TDashboardFilters & { year: number };
  scheme: { code: string; title: string } | null;
  options: { years: number[]; schemes: { code: string; title: string }[]; cities: { code: string; name: string }[] };
  /** Per status, over the counties that pass every filter but the status one (so the counts show the split). */
  counts: Record<DashboardBucket, number>;
  columns: IndicatorColumn[];
  rows: DashboardRow[];
  /** Whether any county in view had a report the year before (the matrix then shows changes). */
  hasPrevious: boolean;
  level: ReviewLevel | null;
  /** Reports of the year in the whole region, under any scheme (what the batch Word download holds). */
  reportsInYear: number;
};
