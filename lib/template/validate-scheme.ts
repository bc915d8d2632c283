// The single entry point for scheme data: shape (zod) first, then the cross-references a shape cannot see.
// Messages are Chinese because administrators who edit a scheme read them.
import { loopErrors } from "@/lib/template/reference-loops";
import { formatPath, type SchemeError } from "@/lib/template/scheme-errors";
import { referenceErrors } from "@/lib/template/scheme-references";
import { structureErrors } from "@/lib/template/scheme-structure";
import { tableErrors } from "@/lib/template/scheme-tables";
import { ZScheme, type TScheme, type TSchemeInput } from "@/lib/template/schema";

export type SchemeValidation = { ok: true; scheme: TScheme } | { ok: false; errors: SchemeError[] };

export function validateScheme(json: unknown): SchemeValidation {
  const parsed = ZScheme.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  }
  const scheme = parsed.data;
  const errors = [...structureErrors(scheme), ...referenceErrors(scheme), ...loopErrors(scheme), ...tableErrors(scheme)];
  return errors.length ? { ok: false, errors } : { ok: true, scheme };
}

/** For schemes shipped in code: a broken built-in scheme must fail loudly at load time, not in a county's form. */
export function defineScheme(json: TSchemeInput): TScheme {
  const result = validateScheme(json);
  if (result.ok) return result.scheme;
  const lines = result.errors.map((e) => `${e.path}: ${e.message}`);
  throw new Error(`内置评价方案「${json.code}」有误：\n${lines.join("\n")}`);
}
