// The validator's errors, keyed by form field: validateScheme says "criteria[3].indicators[0].target.value", the
// form names that field "criteria.3.indicators.0.target.value". Every error is shown at the deepest field of the
// editor that contains it, so nothing the validator says is lost when a field is not edited in a form of its own.
import type { SchemeError } from "@/lib/template/scheme-errors";

export type ErrorsByField = ReadonlyMap<string, string>;

export const fieldPath = (path: string) => path.replace(/\[(\d+)\]/g, ".$1");

export function errorsByField(errors: readonly SchemeError[]): ErrorsByField {
  const map = new Map<string, string>();
  for (const e of errors) {
    const at = fieldPath(e.path);
    if (!map.has(at)) map.set(at, e.message);
  }
  return map;
}

/** The error at exactly this field. */
export const errorAt = (errors: ErrorsByField, name: string) => errors.get(name);

/** Errors at this node or below it that no field of its own shows, e.g. a duplicate key under an item. */
export function errorsUnder(errors: ErrorsByField, prefix: string, shown: readonly string[]): string[] {
  const out: string[] = [];
  for (const [at, message] of errors) {
    if ((at === prefix || at.startsWith(`${prefix}.`)) && !shown.some((s) => at === s || at.startsWith(`${s}.`))) out.push(message);
  }
  return out;
}
