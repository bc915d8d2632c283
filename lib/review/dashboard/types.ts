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
  /** The numbers the target compares with (one, or two for a range): the charts draw them as target lines. */
  bounds?: number[];
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
  /** Reviewers' comment threads resolved (beside openComments): what the charts show as 意见整改 progress until the
   *  rectification ledger (issue 16 item 3) gives its own counts. */
  resolvedComments: number;
  /** Scored schemes: the total (null while the sheet is incomplete) and the grade (null while undecided). */
  score: { total: number | null; max: number; grade: string | null } | null;
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
  /** The scheme's grades, best first (empty for unscored schemes). */
  grades: string[];
  /** Reports of the year in the whole region, under any scheme (what the batch Word download holds). */
  reportsInYear: number;
  /** Set when read from a standby: everything committed before this moment (ISO time) is in the view. */
  dataAsOf: string | null;
};
