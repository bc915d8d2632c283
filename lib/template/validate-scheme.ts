// The single entry point for scheme data: shape (zod) first, then the cross-references a shape cannot see.
// Messages are Chinese because administrators who edit a scheme read them; describeSchemeError turns each one into
// a line with a 1-based location (lib/template/scheme-locations.ts).
import { loopErrors } from "@/lib/template/reference-loops";
import { formatPath, type SchemeError } from "@/lib/template/scheme-errors";
import { describeSchemeError, unknownKeyMessage } from "@/lib/template/scheme-locations";
import { matrixErrors } from "@/lib/template/matrix";
import { referenceErrors } from "@/lib/template/scheme-references";
import { scoringErrors } from "@/lib/template/scheme-scoring";
import { structureErrors } from "@/lib/template/scheme-structure";
import { tableErrors } from "@/lib/template/scheme-tables";
import { objectKeysAt } from "@/lib/template/schema-walk";
import { ZScheme, type TScheme, type TSchemeInput } from "@/lib/template/schema";

export type SchemeValidation = { ok: true; scheme: TScheme } | { ok: false; errors: SchemeError[] };

export function validateScheme(json: unknown): SchemeValidation {
  const parsed = ZScheme.safeParse(json);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      path: formatPath(i.path),
      message: i.code === "unrecognized_keys" ? unknownKeyMessage(i.keys, objectKeysAt(ZScheme, json, i.path)) : i.message,
    }));
    return { ok: false, errors: unique(errors) };
  }
  const scheme = parsed.data;
  const errors = [
    ...structureErrors(scheme),
    ...referenceErrors(scheme),
    ...loopErrors(scheme),
    ...tableErrors(scheme),
    ...matrixErrors(scheme),
    ...scoringErrors(scheme),
  ];
  return errors.length ? { ok: false, errors: unique(errors) } : { ok: true, scheme };
}

/** A matrix row is checked once per level; one message per place is enough. */
function unique(errors: SchemeError[]): SchemeError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const id = `${e.path}\u0000${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Each error as a person reads it: 1-based location, message, the value found there. */
export const describeSchemeErrors = (json: unknown, errors: SchemeError[]): string[] => errors.map((e) => describeSchemeError(json, e));

/** For schemes shipped in code: a broken built-in scheme must fail loudly at load time, not in a county's form. */
export function defineScheme(json: TSchemeInput): TScheme {
  const result = validateScheme(json);
  if (result.ok) return result.scheme;
  throw new Error(`内置评价方案「${json.code}」有误：\n${describeSchemeErrors(json, result.errors).join("\n")}`);
}
