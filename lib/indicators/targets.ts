// Targets are compared with the value as the scheme says: by default the ROUNDED value (the report prints
// "55.00%", so 54.996 meets ≥ 55% exactly as a reviewer reading the printed number would judge it), or the exact
// value when the scheme's rounding is "exact" (lib/indicators/compute.ts).
import type { TTarget } from "@/lib/template/formula";
import { compare, rationalFromNumber, type Rational } from "@/lib/indicators/rational";
import { writtenBound, type FigureStyle } from "@/lib/indicators/display";

const ZERO: Rational = { n: 0n, d: 1n };
const exact = (x: number): Rational => rationalFromNumber(x) ?? ZERO;

/** Whether a value meets the target; yes/no values only meet the "yes" target. */
export function meetsTarget(target: TTarget, value: Rational | boolean): boolean {
  if (typeof value === "boolean") return target.op === "yes" && value;
  switch (target.op) {
    case ">=":
      return compare(value, exact(target.value)) >= 0;
    case "<=":
      return compare(value, exact(target.value)) <= 0;
    case "=":
      return compare(value, exact(target.value)) === 0;
    case "between":
      return compare(value, exact(target.min)) >= 0 && compare(value, exact(target.max)) <= 0;
    case "yes":
      return false;
  }
}

/** The numbers a target compares with (for keeping printed values on their side of them). */
export function targetBounds(target: TTarget | undefined): Rational[] {
  if (!target) return [];
  if (target.op === "between") return [exact(target.min), exact(target.max)];
  return target.op === "yes" ? [] : [exact(target.value)];
}

/** "≥ 90%", "≤ 1:15", "60%～80%", "是" — or the scheme's own wording when it gives one. `style` is a unit
 *  ("%") or the indicator's display style. */
export function targetLabel(target: TTarget, style: string | Pick<FigureStyle, "prefix" | "suffix">): string {
  if (target.label) return target.label;
  const s = typeof style === "string" ? { prefix: "", suffix: style } : style;
  switch (target.op) {
    case ">=":
      return `≥ ${writtenBound(target.value, s)}`;
    case "<=":
      return `≤ ${writtenBound(target.value, s)}`;
    case "=":
      return `= ${writtenBound(target.value, s)}`;
    case "between":
      return `${writtenBound(target.min, s)}～${writtenBound(target.max, s)}`;
    case "yes":
      return "是";
  }
}
