// The one place a scheme's indicators and checks are computed from the typed figures. The browser form and the
// server (and therefore the Word file) call the same function, so they cannot show different numbers.
import { schemeChecks, schemeIndicators } from "@/lib/template/lookup";
import type { TIndicator, TScheme } from "@/lib/template/schema";
import { checkResult } from "@/lib/indicators/checks";
import { fixedOnSide, styleOf, written } from "@/lib/indicators/display";
import { createEvaluator, type EvaluatorExtras, type Outcome } from "@/lib/indicators/evaluate";
import { MISSING_DISPLAY, yesNoText } from "@/lib/indicators/format";
import { multiply, roundHalfUp, toFixedString, type Rational } from "@/lib/indicators/rational";
import { meetsTarget, targetBounds, targetLabel } from "@/lib/indicators/targets";
import type { ComputedFigures, FigureValues, IndicatorResult } from "@/lib/indicators/types";

/** `extras.schools` answers "schools" formulas from the report's per-school tables (lib/report/evaluate.ts has them);
 *  `extras.stated` holds indicators the county entered as a stated result rather than from their parts (lib/report/stated.ts). */
export function computeIndicators(scheme: TScheme, values: FigureValues, extras: EvaluatorExtras = {}): ComputedFigures {
  const evaluator = createEvaluator(scheme, values, extras);
  const indicators: Record<string, IndicatorResult> = {};
  for (const indicator of schemeIndicators(scheme)) {
    indicators[indicator.key] = indicatorResult(indicator, indicator.rounding ?? scheme.rounding, evaluator.evaluate(indicator.key));
  }
  const checks: ComputedFigures["checks"] = {};
  for (const check of schemeChecks(scheme)) checks[check.key] = checkResult(check, evaluator);
  return { indicators, checks };
}

function indicatorResult(indicator: TIndicator, rounding: "displayed" | "exact", outcome: Outcome): IndicatorResult {
  const { key, target } = indicator;
  if (!outcome.ok) {
    const reason = outcome.reason ?? `缺少数据：${outcome.missing.join("、")}`;
    return { key, value: null, display: MISSING_DISPLAY, status: "missing", reason };
  }
  const { value, display, compared } = shown(indicator, rounding, outcome.value);
  // A ratio over a vanishing denominator (e.g. 5e-324) is exact but no double can hold it: not computable.
  if (value === Infinity || value === -Infinity) {
    return { key, value: null, display: MISSING_DISPLAY, status: "missing", reason: "计算结果过大，无法计算，请检查数据" };
  }
  if (!target) return { key, value, display, status: "no-target" };
  if (meetsTarget(target, compared)) return { key, value, display, status: "met" };
  return { key, value, display, status: "unmet", reason: `未达到目标（${targetLabel(target, styleOf(indicator))}）` };
}

/** The printed value and the value compared with the target: the printed one ("displayed"), or the exact one,
 *  printed with as many decimals as it takes not to appear on the other side of the target ("exact"). */
function shown(indicator: TIndicator, rounding: "displayed" | "exact", raw: Rational | boolean) {
  if (typeof raw === "boolean") return { value: raw, display: yesNoText(raw), compared: raw };
  const style = styleOf(indicator);
  const exact = multiply(raw, style.scale);
  const rounded = roundHalfUp(exact, style.places);
  const fixed = rounding === "displayed" ? toFixedString(rounded, style.places) : fixedOnSide(exact, style.places, targetBounds(indicator.target));
  return { value: Number(fixed), display: written(fixed, style), compared: rounding === "displayed" ? rounded : exact };
}
