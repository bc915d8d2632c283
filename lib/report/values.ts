// Figure values of one section checked against the scheme's inputs: unknown keys and invalid numbers are refused
// per field ("values.<key>"), so the form can show the message beside the right box.
import { validateInputValue } from "@/lib/indicators/input-value";
import type { TInput } from "@/lib/template/schema";
import type { FieldErrors } from "@/lib/errors";
import type { TFigureValues } from "@/lib/report/content";

export function valueErrors(inputs: TInput[], values: TFigureValues): FieldErrors {
  const errors: FieldErrors = {};
  const byKey = new Map(inputs.map((i) => [i.key, i]));
  for (const [key, raw] of Object.entries(values)) {
    const input = byKey.get(key);
    if (!input) {
      errors[`values.${key}`] = ["本部分没有这项数据"];
      continue;
    }
    const result = validateInputValue(input, raw);
    if (!result.ok) errors[`values.${key}`] = [`${input.label}：${result.message}`];
  }
  return errors;
}
