// Per-school indicators, computed from one row's raw figures by the same formula engine as the county figures
// (lib/indicators/evaluate.ts): exact fractions, rounded half-up to the indicator's precision, and compared with the
// standard as printed — a reviewer checking "每百名学生拥有骨干教师数 0.99 < 1" by hand must get the same answer.
import { createIndexEvaluator, type Outcome } from "@/lib/indicators/evaluate";
import { compare, multiply, rationalFromNumber, roundHalfUp, toFixedString, trimZeros, type Rational } from "@/lib/indicators/rational";
import type { Figure } from "@/lib/template/lookup";
import type { TSchoolTable, TTableIndicator } from "@/lib/template/school-table";
import type { TSchoolRow } from "@/lib/schools/rows";

export type RowIndicatorStatus = "met" | "floor" | "below" | "missing";

export interface RowIndicatorResult {
  key: string;
  status: RowIndicatorStatus;
  /** Rounded to the indicator's precision (what is printed and compared); null when it cannot be computed. */
  value: number | null;
  /** Unrounded, for the 差异系数. */
  exact: Rational | null;
  display: string;
  standard: number;
  /** Missing data, or how far below the standard, in Chinese. */
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

type Bound = { std: Rational; floor: Rational };
const bounds = new WeakMap<TSchoolTable, Map<string, Bound>>();

/** Standard and floor (floorPercent% of it) as exact fractions, per indicator and stage; built once per table. */
function boundOf(table: TSchoolTable, ind: TTableIndicator, stage: string, standard: number): Bound {
  let cache = bounds.get(table);
  if (!cache) bounds.set(table, (cache = new Map()));
  const id = `${ind.key}\u0000${stage}`;
  let bound = cache.get(id);
  if (!bound) {
    const std = rationalFromNumber(standard)!;
    const floorPercent = rationalFromNumber(table.rules.floorPercent)!;
    bound = { std, floor: multiply(std, { n: floorPercent.n, d: floorPercent.d * 100n }) };
    cache.set(id, bound);
  }
  return bound;
}

/** Every indicator of one row against its stage's standards. */
export function rowIndicators(table: TSchoolTable, row: TSchoolRow): RowIndicatorResult[] {
  const evaluator = createIndexEvaluator(tableFigureIndex(table), row.values);
  return table.indicators.map((ind) => indicatorResult(table, ind, row.stage, evaluator.evaluate(ind.key)));
}

function indicatorResult(table: TSchoolTable, ind: TTableIndicator, stage: string, outcome: Outcome): RowIndicatorResult {
  const standard = ind.standards[stage];
  if (standard === undefined) return { key: ind.key, status: "missing", value: null, exact: null, display: "无法计算", standard: 0, reason: `学段「${stage}」不在方案中` };
  if (!outcome.ok || typeof outcome.value === "boolean") {
    const reason = outcome.ok ? "不是数值" : (outcome.reason ?? `缺少${outcome.missing.map((m) => `「${m}」`).join("、")}`);
    return { key: ind.key, status: "missing", value: null, exact: null, display: "无法计算", standard, reason };
  }
  const exact = outcome.value;
  const rounded = roundHalfUp(exact, ind.precision);
  const fixed = toFixedString(rounded, ind.precision);
  const display = `${trimZeros(fixed)}${ind.unit}`;
  const base = { key: ind.key, value: Number(fixed), exact, display, standard };
  const { std, floor } = boundOf(table, ind, stage, standard);
  if (compare(rounded, std) >= 0) return { ...base, status: "met" };
  const percent = trimZeros(toFixedString({ n: rounded.n * 100n * std.d, d: rounded.d * std.n }, 1));
  const reason = `${display}，低于标准 ${standard}${ind.unit}（为标准的 ${percent}%）`;
  return { ...base, status: compare(rounded, floor) >= 0 ? "floor" : "below", reason };
}
