// Figures as people have them: an indicator the scheme marks `stated` may be entered directly as the result another
// office reports (the finance bureau's +62.93%) with its source, instead of from this year's and last year's
// amounts. The stated value then stands for the indicator everywhere — target, Word, dashboards — and the parts
// that only fed it need not be filled.
import { formulaOperands } from "@/lib/template/formula";
import { schemeIndicators } from "@/lib/template/lookup";
import type { TScheme } from "@/lib/template/schema";
import type { FieldErrors } from "@/lib/errors";
import type { SectionDef } from "@/lib/report/sections";
import type { TStated } from "@/lib/report/content-extras";
import type { SectionContent } from "@/lib/report/content";

/** Every stated result of the report (indicator keys are unique across a scheme). */
export function allStated(contents: Record<string, SectionContent | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const content of Object.values(contents)) {
    if (content && "stated" in content) for (const [key, s] of Object.entries(content.stated)) if (typeof s.value === "number") out[key] = s.value;
  }
  return out;
}

/** Inputs nobody needs once the indicators they feed are stated: every indicator that reads them is stated. */
export function inputsFreedByStated(scheme: TScheme, stated: Readonly<Record<string, unknown>>): Set<string> {
  const readers = new Map<string, string[]>();
  for (const ind of schemeIndicators(scheme)) {
    for (const { key } of formulaOperands(ind.formula)) readers.set(key, [...(readers.get(key) ?? []), ind.key]);
  }
  const freed = new Set<string>();
  for (const [key, users] of readers) if (users.every((u) => Object.hasOwn(stated, u))) freed.add(key);
  return freed;
}

/** Stated results the section may hold: only its own indicators that the scheme lets be stated. */
export function statedErrors(def: SectionDef, stated: TStated): FieldErrors {
  const errors: FieldErrors = {};
  const allowed = new Set(def.indicators.filter((i) => i.stated).map((i) => i.key));
  for (const key of Object.keys(stated)) if (!allowed.has(key)) errors[`stated.${key}`] = ["本部分的这项指标不能直接填写结果"];
  return errors;
}
