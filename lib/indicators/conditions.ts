// Evaluates the rule language (lib/template/conditions.ts) in three values: true, false, or null when a figure it
// needs is not filled in yet. The combinators follow Kleene's logic, so a decided answer never changes when the
// missing figures arrive: all of is false as soon as one part is false, at least k of is true once k parts are
// true and false once too few can still become true. Verdicts come from the report (lib/report/results.ts).
import type { TCondition } from "@/lib/template/conditions";
import { compare, multiply, rationalFromNumber, type Rational } from "@/lib/indicators/rational";

export type Truth = boolean | null;

export interface Verdicts {
  /** "met" / "unmet", or null while the indicator cannot be computed. */
  indicator(key: string): "met" | "unmet" | null;
  /** Counted schools and those passing (overall or on one indicator); null while the table is undecided. */
  schools(table: string, indicator?: string): { passing: number; counted: number } | null;
  cv(table: string, indicator?: string, stage?: string): Truth;
  table(table: string): Truth;
  /** Whether the item ("any": any item) is answered “是”; null while unanswered. */
  veto(key: string): Truth;
  /** The total score and the scheme's total, or null while an item is not scored. */
  score(): { total: Rational; max: Rational } | null;
}

export function allOf(values: readonly Truth[]): Truth {
  if (values.some((v) => v === false)) return false;
  return values.some((v) => v === null) ? null : true;
}

export function atLeast(k: number, values: readonly Truth[]): Truth {
  const yes = values.filter((v) => v === true).length;
  const open = values.filter((v) => v === null).length;
  if (yes >= k) return true;
  return yes + open < k ? false : null;
}

export const anyOf = (values: readonly Truth[]): Truth => atLeast(1, values);
export const not = (v: Truth): Truth => (v === null ? null : !v);
export const noneOf = (values: readonly Truth[]): Truth => not(anyOf(values));

const exact = (n: number): Rational => rationalFromNumber(n) ?? { n: 0n, d: 1n };
const PERCENT = (n: number): Rational => multiply(exact(n), { n: 1n, d: 100n });

export function evaluateCondition(c: TCondition, v: Verdicts): Truth {
  if ("allOf" in c) return allOf(c.allOf.map((x) => evaluateCondition(x, v)));
  if ("anyOf" in c) return anyOf(c.anyOf.map((x) => evaluateCondition(x, v)));
  if ("noneOf" in c) return noneOf(c.noneOf.map((x) => evaluateCondition(x, v)));
  if ("of" in c) return atLeast(c.atLeast, c.of.map((x) => evaluateCondition(x, v)));
  if ("not" in c) return not(evaluateCondition(c.not, v));
  if ("indicator" in c) {
    const status = v.indicator(c.indicator);
    return status === null ? null : status === c.is;
  }
  if ("schools" in c) {
    const counts = v.schools(c.schools.table, c.schools.indicator);
    if (!counts) return null;
    if (!counts.counted) return false;
    // passing / counted ≥ p%  ⇔  passing × 100 ≥ p × counted (exact, no float division)
    return compare({ n: BigInt(counts.passing), d: BigInt(counts.counted) }, PERCENT(c.schools.atLeastPercent)) >= 0;
  }
  if ("cv" in c) return v.cv(c.cv.table, c.cv.indicator, c.cv.stage);
  if ("table" in c) return v.table(c.table);
  if ("veto" in c) return v.veto(c.veto);
  const score = v.score();
  if (!score) return null;
  const bound = c.score.atLeast !== undefined ? exact(c.score.atLeast) : multiply(score.max, PERCENT(c.score.atLeastPercent!));
  return compare(score.total, bound) >= 0;
}

export type LevelDecision = { index: number; decided: true } | { index: null; decided: true } | { index: null; decided: false; best: number };

/** The first level (from the best) whose condition holds. Undecided while a better level's condition is open:
 *  `best` is the best level still possible. `index: null, decided: true` means none holds (the "otherwise" label). */
export function decideLevel(levels: readonly { when: TCondition }[], v: Verdicts): LevelDecision {
  for (let i = 0; i < levels.length; i++) {
    const t = evaluateCondition(levels[i].when, v);
    if (t === true) return { index: i, decided: true };
    if (t === null) return { index: null, decided: false, best: i };
  }
  return { index: null, decided: true };
}
