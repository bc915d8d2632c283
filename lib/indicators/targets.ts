// Targets are compared with the ROUNDED value: the report prints "55.00%", so 54.996 must count as meeting ≥ 55%
// exactly as a reviewer reading the printed number would judge it.
import type { TTarget } from "@/lib/template/formula";
import { compare, rationalFromNumber, type Rational } from "@/lib/indicators/rational";

const ZERO: Rational = { n: 0n, d: 1n };
const exact = (x: number): Rational => rationalFromNumber(x) ?? ZERO;

/** Whether a rounded value meets the target; yes/no values only meet the "yes" target. */
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

/** "≥ 90%", "≤ 5%", "= 100%", "60%～80%", "是" — or the scheme's own wording when it gives one. */
export function targetLabel(target: TTarget, unit: string): string {
  if (target.label) return target.label;
  switch (target.op) {
    case ">=":
      return `≥ ${target.value}${unit}`;
    case "<=":
      return `≤ ${target.value}${unit}`;
    case "=":
      return `= ${target.value}${unit}`;
    case "between":
      return `${target.min}${unit}～${target.max}${unit}`;
    case "yes":
      return "是";
  }
}
