// Evaluates one figure by key, following formulas through other indicators down to the typed inputs. Results are
// exact (unrounded) so that an indicator built on another one does not inherit its rounding.
import { formulaOperands, type TFormula } from "@/lib/template/formula";
import { figureIndex, figureLabel, type Figure } from "@/lib/template/lookup";
import type { TInput, TScheme } from "@/lib/template/schema";
import { HUNDRED, THOUSAND, add, divide, multiply, rationalFromNumber, subtract, type Rational } from "@/lib/indicators/rational";
import type { FigureValue, FigureValues } from "@/lib/indicators/types";

export type Outcome =
  | { ok: true; value: Rational | boolean }
  /** `missing` lists the labels of empty inputs; `reason` explains any other failure (e.g. a zero denominator). */
  | { ok: false; missing: string[]; reason: string | null };

const fail = (reason: string): Outcome => ({ ok: false, missing: [], reason });

export interface Evaluator {
  evaluate: (key: string) => Outcome;
  /** The figure's label, or the key itself when the scheme has no such figure. */
  label: (key: string) => string;
}

/** Counts of a per-school table's verdicts ("schools" formulas), supplied by the caller that has the tables. */
export type SchoolCounts = (formula: Extract<TFormula, { op: "schools" }>) => Outcome;
const noTables: SchoolCounts = (f) => fail(`需要学校表格「${f.table}」的数据`);

/** Indicators entered as a stated result (a growth rate the finance bureau computed) instead of from their parts. */
export type StatedResults = Readonly<Record<string, number>>;

/** What the caller knows beyond the typed inputs: the per-school tables' counts and the stated results. */
export type EvaluatorExtras = { schools?: SchoolCounts; stated?: StatedResults };

export function createEvaluator(scheme: TScheme, values: FigureValues, extras: EvaluatorExtras = {}): Evaluator {
  return createIndexEvaluator(figureIndex(scheme), values, extras);
}

/** The same evaluation over any set of figures, e.g. one row of a per-school table (lib/schools/row-values.ts). */
export function createIndexEvaluator(index: ReadonlyMap<string, Figure>, values: FigureValues, extras: EvaluatorExtras = {}): Evaluator {
  const { schools = noTables, stated = {} } = extras;
  const memo = new Map<string, Outcome>();
  const visiting = new Set<string>();
  const label = (key: string) => {
    const figure = index.get(key);
    return figure ? figureLabel(figure) : key;
  };

  const evaluate = (key: string): Outcome => {
    const figure = index.get(key);
    if (!figure) return fail(`未知的数据「${key}」`);
    if (figure.kind === "input") return inputOutcome(figure.input, values[key]);
    // A stated result stands for the indicator: its parts need not be there, and whatever builds on it uses it.
    if (Object.hasOwn(stated, key)) {
      const exact = rationalFromNumber(stated[key]);
      return exact ? { ok: true, value: exact } : fail(`「${figure.indicator.label}」的填报值无法读取`);
    }
    const cached = memo.get(key);
    if (cached) return cached;
    // validateScheme refuses loops; this guard only keeps an unvalidated scheme from recursing forever.
    if (visiting.has(key)) return fail(`「${figure.indicator.label}」存在循环引用`);
    visiting.add(key);
    const formula = figure.indicator.formula;
    const outcome = formula.op === "schools" ? schools(formula) : applyFormula(formula, evaluate, label);
    visiting.delete(key);
    memo.set(key, outcome);
    return outcome;
  };
  return { evaluate, label };
}

function inputOutcome(input: TInput, raw: FigureValue): Outcome {
  const missing: Outcome = { ok: false, missing: [input.label], reason: null };
  if (input.kind === "boolean") return typeof raw === "boolean" ? { ok: true, value: raw } : missing;
  const exact = typeof raw === "number" ? rationalFromNumber(raw) : null;
  return exact ? { ok: true, value: exact } : missing;
}

function applyFormula(formula: TFormula, evaluate: (key: string) => Outcome, label: (key: string) => string): Outcome {
  const keys = formulaOperands(formula).map((o) => o.key);
  const outcomes = keys.map(evaluate);
  const failures = outcomes.filter((o) => !o.ok);
  if (failures.length) {
    const missing = [...new Set(failures.flatMap((f) => f.missing))];
    return { ok: false, missing, reason: failures.find((f) => f.reason)?.reason ?? null };
  }
  const raw = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
  if (formula.op === "yesno") {
    return typeof raw[0] === "boolean" ? { ok: true, value: raw[0] } : fail(`「${label(keys[0])}」不是是/否项`);
  }
  const wrongType = raw.findIndex((v) => typeof v === "boolean");
  if (wrongType >= 0) return fail(`「${label(keys[wrongType])}」是是/否项，不能参与数值计算`);
  const nums = raw as Rational[];
  const quotient = (num: Rational, den: Rational, zeroReason: string): Outcome => {
    const q = divide(num, den);
    return q ? { ok: true, value: q } : fail(zeroReason);
  };

  switch (formula.op) {
    case "value":
      return { ok: true, value: nums[0] };
    case "sum":
      return { ok: true, value: nums.reduce(add) };
    case "average":
      // Exact: the sum over n, with n ≥ 1 guaranteed by the scheme model.
      return { ok: true, value: multiply(nums.reduce(add), { n: 1n, d: BigInt(nums.length) }) };
    case "difference":
      return { ok: true, value: subtract(nums[0], nums[1]) };
    case "ratio":
      return quotient(nums[0], nums[1], `分母「${label(formula.den)}」为 0，无法计算`);
    case "percent":
      return quotient(multiply(nums[0], HUNDRED), nums[1], `分母「${label(formula.den)}」为 0，无法计算`);
    case "permille":
      return quotient(multiply(nums[0], THOUSAND), nums[1], `分母「${label(formula.den)}」为 0，无法计算`);
    case "schools":
      return fail("学校表格的统计不能嵌套在公式中");
    case "growth":
      return quotient(
        multiply(subtract(nums[0], nums[1]), HUNDRED),
        nums[1],
        `上年数据「${label(formula.previous)}」为 0，无法计算增长率`,
      );
  }
}
