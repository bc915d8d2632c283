// Display rules shared by indicator results, prose tokens and check messages.
import { rationalFromNumber, toFixedString, trimZeros, type Rational } from "@/lib/indicators/rational";
import type { FigureValue, IndicatorStatus } from "@/lib/indicators/types";

export const MISSING_DISPLAY = "未填写";

export const STATUS_LABELS = {
  met: "达标",
  unmet: "未达标",
  missing: "未填写",
  "no-target": "—",
} as const satisfies Record<IndicatorStatus, string>;

export const statusLabel = (status: IndicatorStatus): string => STATUS_LABELS[status];

export const yesNoText = (value: boolean): string => (value ? "是" : "否");

/** Plain decimal text without trailing zeros; six places is beyond any figure a report prints. */
export const plainNumber = (x: Rational, places = 6): string => trimZeros(toFixedString(x, places));

/** A typed figure as prose shows it: "10736人", "35.5万人", "是"; missing or unreadable values → "未填写". */
export function formatFigureValue(value: FigureValue, unit: string): string {
  if (typeof value === "boolean") return yesNoText(value);
  const exact = typeof value === "number" ? rationalFromNumber(value) : null;
  return exact ? `${plainNumber(exact)}${unit}` : MISSING_DISPLAY;
}
