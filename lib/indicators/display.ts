// How a number is written, from the indicator's display format (lib/template/display-format.ts): prefix, suffix,
// decimals and the scale a 万元 amount needs. One function for the editor, the Word file, the dashboard and the
// .xlsx export. And the rule that a printed number never lands on the wrong side of the bound it is compared with.
import type { TDisplayFormat } from "@/lib/template/display-format";
import { compare, rationalFromNumber, roundHalfUp, toFixedString, trimZeros, type Rational } from "@/lib/indicators/rational";

export interface FigureStyle {
  prefix: string;
  suffix: string;
  places: number;
  /** Multiplies the computed value before it is rounded, shown and compared (元 → 万元: 1/10000). */
  scale: Rational;
  kind: TDisplayFormat["kind"];
}

const ONE: Rational = { n: 1n, d: 1n };
const CURRENCY_POWER = { 元: 0, 万元: 4, 亿元: 8 } as const;

function currencyScale(from: keyof typeof CURRENCY_POWER, to: keyof typeof CURRENCY_POWER): Rational {
  const diff = CURRENCY_POWER[to] - CURRENCY_POWER[from];
  return diff >= 0 ? { n: 1n, d: 10n ** BigInt(diff) } : { n: 10n ** BigInt(-diff), d: 1n };
}

export function styleOf(ind: { unit: string; precision: number; format?: TDisplayFormat }): FigureStyle {
  const f = ind.format ?? { kind: "number" as const };
  const base = { prefix: "", suffix: ind.unit, places: ind.precision, scale: ONE, kind: f.kind };
  switch (f.kind) {
    case "number":
      return base;
    case "percent":
      return { ...base, suffix: "%" };
    case "permille":
      return { ...base, suffix: "‰" };
    case "ratio":
      return { ...base, prefix: "1:", suffix: "" };
    case "currency":
      return { ...base, suffix: f.unit, scale: currencyScale(f.from, f.unit) };
    case "count":
      return { ...base, suffix: f.unit, places: 0 };
  }
}

/** "99.82%", "1:16", "12345.68万元", "35所": the fixed-point text with the style's prefix and suffix. */
export const written = (fixed: string, style: Pick<FigureStyle, "prefix" | "suffix">): string => `${style.prefix}${trimZeros(fixed)}${style.suffix}`;

/** A plain number (a target bound, a standard) written in the style, without rounding it. */
export function writtenBound(value: number, style: Pick<FigureStyle, "prefix" | "suffix">): string {
  return `${style.prefix}${value}${style.suffix}`;
}

/** What a column header adds to a label: "（%）", "（万元）", "（1:N）", or nothing. */
export function headerUnit(style: FigureStyle): string {
  if (style.kind === "ratio") return "1:N";
  return style.suffix;
}

/**
 * `x` rounded half-up to `places` decimals — or to more, when that rounding would put it on the other side of (or
 * onto) a bound it is not on: 3.566 is "3.566", not "3.57", in a sentence saying it misses ≥ 3.57; 84.96 % of a
 * standard is "84.96%", not "85%", when the rule is 85 %. Directed rounding (toward x's side) is the last resort.
 */
export function fixedOnSide(x: Rational, places: number, bounds: readonly Rational[]): string {
  const sides = bounds.map((b) => compare(x, b));
  for (let p = places; p <= places + 6; p++) {
    const r = roundHalfUp(x, p);
    if (bounds.every((b, i) => compare(r, b) === sides[i])) return toFixedString(r, p);
  }
  return toFixedString(x, places + 6);
}

export const exactOf = (x: number): Rational => rationalFromNumber(x) ?? { n: 0n, d: 1n };
