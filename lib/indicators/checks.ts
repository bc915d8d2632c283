// Arithmetic consistency checks on typed figures, e.g. schools by type must add up to the stated total. A reviewer
// spots such a mismatch in seconds; the county should see it first.
import type { TCheck } from "@/lib/template/schema";
import type { Evaluator } from "@/lib/indicators/evaluate";
import { plainNumber } from "@/lib/indicators/format";
import { add, compare } from "@/lib/indicators/rational";
import type { CheckResult } from "@/lib/indicators/types";

export function checkResult(check: TCheck, { evaluate, label }: Evaluator): CheckResult {
  const outcomes = [...check.parts, check.total].map(evaluate);
  const failures = outcomes.flatMap((o) => (o.ok ? [] : [o]));
  const reason = failures.find((f) => f.reason)?.reason;
  if (reason) return { key: check.key, ok: null, message: `${check.label}：${reason}` };
  if (failures.length) {
    const missing = [...new Set(failures.flatMap((f) => f.missing))];
    return { key: check.key, ok: null, message: `${check.label}：缺少数据（${missing.join("、")}），暂无法核对` };
  }
  const numbers = outcomes.flatMap((o) => (o.ok && typeof o.value !== "boolean" ? [o.value] : []));
  if (numbers.length !== outcomes.length) return { key: check.key, ok: null, message: `${check.label}：只能核对数值` };

  const total = numbers[numbers.length - 1];
  const sum = numbers.slice(0, -1).reduce(add);
  if (compare(sum, total) === 0) return { key: check.key, ok: true, message: `${check.label}：核对一致` };
  const template = check.message ?? `各项之和 {sum} 与${label(check.total)} {total} 不一致`;
  const message = template.replaceAll("{sum}", plainNumber(sum)).replaceAll("{total}", plainNumber(total));
  return { key: check.key, ok: false, message };
}
