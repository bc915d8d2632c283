// A report's computed indicators in a few kB of JSON (Report.summary), written on every save so that a dashboard
// over a region reads one column instead of loading and recomputing every report's sections on every view.
// The figures are exactly those computeIndicators gives the editor and the Word file. A summary written by an
// older version of this code (or not at all: rows from before the column) reads as null and is recomputed.
import { styleOf } from "@/lib/indicators/display";
import { targetLabel } from "@/lib/indicators/targets";
import type { ComputedFigures } from "@/lib/indicators/types";
import { schemeIndicators } from "@/lib/template/lookup";
import type { TScheme } from "@/lib/template/schema";
import { evaluateReport, type SectionContents } from "@/lib/report/evaluate";
import { scoreText, type ScoreSheet } from "@/lib/report/scores";

/** Bump when the shape or the computation changes: older summaries are then recomputed on read. */
export const SUMMARY_VERSION = 2;

export type TIndicatorSummary = {
  /** The rounded number the report prints; null for yes/no indicators and for missing figures. */
  value: number | null;
  /** As the report prints it: "99.82%", "是", "未填写". */
  display: string;
  /** "≥ 90%", "只增不减"; null when the indicator has no target. */
  target: string | null;
  /** null when there is no target or the figure is missing. */
  met: boolean | null;
};

export type TReportSummary = {
  v: typeof SUMMARY_VERSION;
  indicators: Record<string, TIndicatorSummary>;
  /** How many indicators miss their target. */
  unmet: number;
  /** Scored schemes: the total as printed, the scheme's total, the grade (null while undecided). */
  score?: { total: string; max: number; complete: boolean; grade: string | null };
};

/** The summary of already computed figures (the save path has them at hand). */
export function summaryFromComputed(scheme: TScheme, computed: ComputedFigures, scores: ScoreSheet | null = null): TReportSummary {
  const indicators: Record<string, TIndicatorSummary> = {};
  let unmet = 0;
  for (const ind of schemeIndicators(scheme)) {
    const r = computed.indicators[ind.key];
    if (!r) continue;
    const met = r.status === "met" ? true : r.status === "unmet" ? false : null;
    if (met === false) unmet++;
    indicators[ind.key] = {
      value: typeof r.value === "number" ? r.value : null,
      display: r.display,
      target: ind.target ? targetLabel(ind.target, styleOf(ind)) : null,
      met,
    };
  }
  const score = scores ? { score: { total: scoreText(scores.total), max: scores.max, complete: scores.complete, grade: scores.grade?.label ?? null } } : {};
  return { v: SUMMARY_VERSION, indicators, unmet, ...score };
}

export function summarise(scheme: TScheme, contents: SectionContents): TReportSummary {
  const figures = evaluateReport(scheme, contents);
  return summaryFromComputed(scheme, figures.computed, figures.scores);
}

export const summaryJson = (summary: TReportSummary): string => JSON.stringify(summary);

/** The stored summary, or null when there is none or it is unreadable or stale (then the caller recomputes). Only
 *  this code writes the column, so the version stamp is the check; a full schema parse of 240 summaries per
 *  dashboard view would cost more than everything else the view computes. */
export function readSummary(json: string | null): TReportSummary | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as Partial<TReportSummary> | null;
    return parsed?.v === SUMMARY_VERSION && typeof parsed.indicators === "object" && parsed.indicators !== null ? (parsed as TReportSummary) : null;
  } catch {
    return null;
  }
}
