// How the dashboard and its Excel export write a matrix cell: the value without its unit (the column header names
// it once), the change from last year as ↑/↓, and indicator names cut short for a narrow column.
import { MISSING_DISPLAY } from "@/lib/indicators/format";
import type { IndicatorColumn, MatrixCell } from "@/lib/review/dashboard/types";

/** "99.82%" under a "%" column → "99.82"; a ratio keeps "1:16"; "是", "否" stay; a missing figure → "—". */
export function cellText(cell: MatrixCell | undefined, unit: string, affix?: { prefix: string; suffix: string }): string {
  if (!cell || cell.display === MISSING_DISPLAY) return "—";
  const suffix = affix ? affix.suffix : unit;
  return suffix && cell.display.endsWith(suffix) ? cell.display.slice(0, -suffix.length) : cell.display;
}

/** The .xlsx number format of a column: decimals, a "1:" before ratios (the header names other units). */
export function cellNumberFormat(col: IndicatorColumn): string {
  const digits = col.precision ? `0.${"0".repeat(col.precision)}` : "0";
  return col.affix?.prefix ? `"${col.affix.prefix}"${digits}` : digits;
}

/** "↑2.25", "↓0.5"; "" when unchanged or not comparable. */
export function deltaText(cell: MatrixCell | undefined): string {
  if (!cell || cell.delta === null || cell.delta === 0) return "";
  return `${cell.delta > 0 ? "↑" : "↓"}${Math.abs(cell.delta)}`;
}

/** The hover text of a cell: status against the target and last year's figure. */
export function cellTitle(col: IndicatorColumn, cell: MatrixCell | undefined, previousYear: number): string {
  const parts = [col.label];
  if (cell?.met === false) parts.push(`未达标（目标 ${col.target}）`);
  else if (cell?.met === true) parts.push("达标");
  if (cell?.previous) {
    const change = cell.delta === null ? "" : cell.delta === 0 ? "，持平" : `，${cell.delta > 0 ? "增加" : "减少"} ${Math.abs(cell.delta)}${col.affix ? col.affix.suffix : col.unit}`;
    parts.push(`${previousYear} 年 ${cell.previous}${change}`);
  }
  return parts.join("；");
}

export const SHORT_LABEL_CHARS = 12;

/** At most SHORT_LABEL_CHARS characters: long names keep their start and end ("按在校生人数…支出增长率"), so two
 *  indicators that differ only at the start or the end stay apart. */
export function shortLabel(label: string, max = SHORT_LABEL_CHARS): string {
  const chars = [...label];
  if (chars.length <= max) return label;
  const tail = Math.floor((max - 1) / 2);
  return `${chars.slice(0, max - 1 - tail).join("")}…${chars.slice(-tail).join("")}`;
}
