// The one place a scheme's indicators and checks are computed from the typed figures. The browser form and the
// server (and therefore the Word file) call the same function, so they cannot show different numbers.
import { schemeChecks, schemeIndicators } from "@/lib/template/lookup";
import type { TIndicator, TScheme } from "@/lib/template/schema";
import { checkResult } from "@/lib/indicators/checks";
import { createEvaluator, type Outcome } from "@/lib/indicators/evaluate";
import { MISSING_DISPLAY, yesNoText } from "@/lib/indicators/format";
import { roundHalfUp, toFixedString, trimZeros, type Rational } from "@/lib/indicators/rational";
import { meetsTarget, targetLabel } from "@/lib/indicators/targets";
import type { ComputedFigures, FigureValues, IndicatorResult } from "@/lib/indicators/types";

export function computeIndicators(scheme: TScheme, values: FigureValues): ComputedFigures {
  const evaluator = createEvaluator(scheme, values);
  const indicators: Record<string, IndicatorResult> = {};
  for (const indicator of schemeIndicators(scheme)) {
    indicators[indicator.key] = indicatorResult(indicator, evaluator.evaluate(indicator.key));
  }
  const checks: ComputedFigures["checks"] = {};
  for (const check of schemeChecks(scheme)) checks[check.key] = checkResult(check, evaluator);
  return { indicators, checks };
}

function indicatorResult(indicator: TIndicator, outcome: Outcome): IndicatorResult {
  const { key, target, unit } = indicator;
  if (!outcome.ok) {
    const reason = outcome.reason ?? `缺少数据：${outcome.missing.join("、")}`;
    return { key, value: null, display: MISSING_DISPLAY, status: "missing", reason };
  }
  const { value, display, compared } = shown(indicator, outcome.value);
  // A ratio over a vanishing denominator (e.g. 5e-324) is exact but no double can hold it: not computable.
  if (value === Infinity || value === -Infinity) {
    return { key, value: null, display: MISSING_DISPLAY, status: "missing", reason: "计算结果过大，无法计算，请检查数据" };
  }
  if (!target) return { key, value, display, status: "no-target" };
  if (meetsTarget(target, compared)) return { key, value, display, status: "met" };
  return { key, value, display, status: "unmet", reason: `未达到目标（${targetLabel(target, unit)}）` };
}

/** The printed value, and the exact form of that same printed value for the target comparison. */
function shown(indicator: TIndicator, exact: Rational | boolean) {
  if (typeof exact === "boolean") return { value: exact, display: yesNoText(exact), compared: exact };
  const rounded = roundHalfUp(exact, indicator.precision);
  const fixed = toFixedString(rounded, indicator.precision);
  return { value: Number(fixed), display: `${trimZeros(fixed)}${indicator.unit}`, compared: rounded };
}
