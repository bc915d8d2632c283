// Per-school indicators, computed from one row's raw figures by the same formula engine as the county figures
// (lib/indicators/evaluate.ts): exact fractions, rounded half-up to the indicator's precision, and compared with the
// standard as printed (or exactly, when the table's rounding says so) — a reviewer checking "每百名学生拥有骨干教师数
// 0.99 < 1" by hand must get the same answer. The standard is the row's: the first variant whose condition the row
// meets (school type, 城区/乡村, 寄宿制 …) replaces the stage's standard or exempts the row; a "max" bound is a ceiling.
// Shared resources of a multi-stage school count each stage's declared share, and "school"-scoped indicators are
// evaluated on the whole school (its stage rows summed).
import { createIndexEvaluator, type Outcome } from "@/lib/indicators/evaluate";
import { fixedOnSide } from "@/lib/indicators/display";
import { add, compare, multiply, rationalFromNumber, roundHalfUp, toFixedString, trimZeros, type Rational } from "@/lib/indicators/rational";
import type { TRounding } from "@/lib/template/display-format";
import type { Figure } from "@/lib/template/lookup";
import type { TRowCondition, TSchoolTable, TStandardVariant, TTableIndicator } from "@/lib/template/school-table";
import type { TSchoolRow } from "@/lib/schools/rows";

export type RowIndicatorStatus = "met" | "floor" | "below" | "missing" | "exempt";

export interface RowIndicatorResult {
  key: string;
  status: RowIndicatorStatus;
  /** Rounded to the indicator's precision (what is printed and compared); null when it cannot be computed. */
  value: number | null;
  /** Unrounded, for the 差异系数. */
  exact: Rational | null;
  display: string;
  /** The row's standard (after variants); 0 when exempt or unknown. */
  standard: number;
  /** Missing data, how far below (or above) the standard, or why the row is exempt, in Chinese. */
  reason?: string;
}

const indexes = new WeakMap<TSchoolTable, Map<string, Figure>>();

/** Columns and indicators as figures of the formula engine; built once per table. */
export function tableFigureIndex(table: TSchoolTable): Map<string, Figure> {
  let index = indexes.get(table);
  if (!index) {
    index = new Map<string, Figure>();
    for (const c of table.columns) index.set(c.key, { kind: "input", input: { ...c, kind: c.kind } });
    for (const d of table.indicators) {
      index.set(d.key, { kind: "indicator", indicator: { key: d.key, label: d.label, unit: d.unit, precision: d.precision, formula: d.formula, aliases: [] } });
    }
    indexes.set(table, index);
  }
  return index;
}

const exact = (x: number): Rational => rationalFromNumber(x) ?? { n: 0n, d: 1n };
const toNumber = (x: Rational) => Number(toFixedString(x, 10));

/** Whether a row meets a variant's condition: its type is listed, and every named attribute has a wanted value. */
export function rowMatches(when: TRowCondition, row: TSchoolRow): boolean {
  if (when.types && !when.types.includes(row.type)) return false;
  for (const [key, wanted] of Object.entries(when.attributes ?? {})) {
    const value = row.attrs?.[key];
    if (typeof wanted === "boolean" ? (value === true) !== wanted : typeof value !== "string" || !wanted.includes(value)) return false;
  }
  return true;
}

/** The variant that applies to a row, if any. */
export const variantOf = (ind: TTableIndicator, row: TSchoolRow): TStandardVariant | undefined => ind.variants.find((v) => rowMatches(v.when, row));

/** The row's figures as the indicators see them: shared columns of a split school type scaled to the row's share. */
export function effectiveValues(table: TSchoolTable, row: TSchoolRow): Record<string, number | null> {
  const split = table.schoolTypes.find((t) => t.key === row.type)?.split;
  const factor = split?.factors[row.stage];
  if (!split || factor === undefined) return row.values;
  const values = { ...row.values };
  for (const key of split.columns) {
    const v = values[key];
    if (typeof v === "number") values[key] = toNumber(multiply(exact(v), exact(factor)));
  }
  return values;
}

/** A whole school's figures from its stage rows: columns summed, except shared (split) columns, which every stage
 *  row carries whole and are taken once. */
export function schoolValues(table: TSchoolTable, rows: readonly TSchoolRow[]): Record<string, number | null> {
  const shared = new Set(table.schoolTypes.find((t) => t.key === rows[0]?.type)?.split?.columns ?? []);
  const out: Record<string, number | null> = {};
  for (const column of table.columns) {
    const values = rows.map((r) => r.values[column.key]);
    if (values.some((v) => typeof v !== "number")) out[column.key] = null;
    else if (shared.has(column.key)) out[column.key] = values[0] as number;
    else out[column.key] = toNumber((values as number[]).map(exact).reduce(add));
  }
  return out;
}

export interface RowContext {
  rounding?: TRounding;
  /** The whole school's figures, for indicators with scope "school" (the row's own otherwise). */
  school?: Record<string, number | null>;
}

/** Every indicator of one row against its standards. */
export function rowIndicators(table: TSchoolTable, row: TSchoolRow, context: RowContext = {}): RowIndicatorResult[] {
  const evaluator = createIndexEvaluator(tableFigureIndex(table), effectiveValues(table, row));
  const needsSchool = table.indicators.some((d) => d.scope === "school");
  const whole = needsSchool ? createIndexEvaluator(tableFigureIndex(table), context.school ?? effectiveValues(table, row)) : evaluator;
  const rounding = table.rules.rounding ?? context.rounding ?? "displayed";
  return table.indicators.map((ind) => indicatorResult(table, ind, row, (ind.scope === "school" ? whole : evaluator).evaluate(ind.key), rounding));
}

function indicatorResult(table: TSchoolTable, ind: TTableIndicator, row: TSchoolRow, outcome: Outcome, rounding: TRounding): RowIndicatorResult {
  const variant = variantOf(ind, row);
  const standard = variant?.standards?.[row.stage] ?? ind.standards[row.stage];
  const unknown = { key: ind.key, value: null, exact: null, display: "无法计算" };
  if (standard === undefined) return { ...unknown, status: "missing", standard: 0, reason: `学段「${row.stage}」不在方案中` };
  if (!outcome.ok || typeof outcome.value === "boolean") {
    const reason = outcome.ok ? "不是数值" : (outcome.reason ?? `缺少${outcome.missing.map((m) => `「${m}」`).join("、")}`);
    if (variant?.exempt) return { ...unknown, display: "—", status: "exempt", standard: 0, reason: variant.note ?? "按方案规定不作要求" };
    return { ...unknown, status: "missing", standard, reason };
  }
  const value = outcome.value;
  const rounded = roundHalfUp(value, ind.precision);
  const std = exact(standard);
  const floorPercent = exact(table.rules.floorPercent);
  const floor = multiply(std, { n: floorPercent.n, d: floorPercent.d * 100n });
  const compared = rounding === "exact" ? value : rounded;
  // Exact comparison prints as many decimals as it takes not to look like the standard or the floor it misses.
  const fixed = rounding === "exact" ? fixedOnSide(value, ind.precision, ind.bound === "max" ? [std] : [std, floor]) : toFixedString(rounded, ind.precision);
  const display = `${trimZeros(fixed)}${ind.unit}`;
  const base = { key: ind.key, value: Number(fixed), exact: value, display, standard };
  if (variant?.exempt) return { ...base, standard: 0, status: "exempt", reason: variant.note ?? "按方案规定不作要求" };
  const side = compare(compared, std);
  if (ind.bound === "max") {
    if (side <= 0) return { ...base, status: "met" };
    return { ...base, status: "below", reason: `${display}，高于上限 ${standard}${ind.unit}` };
  }
  if (side >= 0) return { ...base, status: "met" };
  // The share of the standard is printed so that it never reads as the floor (or 100 %) it has not reached.
  const share = { n: compared.n * 100n * std.d, d: compared.d * std.n };
  const percent = trimZeros(fixedOnSide(share, 1, [floorPercent, { n: 100n, d: 1n }]));
  const reason = `${display}，低于标准 ${standard}${ind.unit}（为标准的 ${percent}%）`;
  return { ...base, status: compare(compared, floor) >= 0 ? "floor" : "below", reason };
}
