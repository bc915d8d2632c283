// What the computation hands to the form, the report text and the Word builder: the same numbers everywhere.

/** A typed figure: a number, a yes/no answer, or nothing yet. */
export type FigureValue = number | boolean | null | undefined;
export type FigureValues = Readonly<Record<string, FigureValue>>;

export type IndicatorStatus = "met" | "unmet" | "missing" | "no-target";

export interface IndicatorResult {
  key: string;
  /** Rounded to the indicator's precision: the very number that is displayed and compared with the target. */
  value: number | boolean | null;
  /** e.g. "99.82%", "是", "未填写". */
  display: string;
  status: IndicatorStatus;
  /** Why it is missing or unmet, in Chinese. */
  reason?: string;
}

export interface CheckResult {
  key: string;
  /** null when a figure the check needs is missing. */
  ok: boolean | null;
  message: string;
}

export interface ComputedFigures {
  indicators: Record<string, IndicatorResult>;
  checks: Record<string, CheckResult>;
}
