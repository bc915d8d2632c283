// zod speaks Chinese everywhere (browser forms and server actions), and its errors map to field messages.
import { z } from "zod";
import { invalid, type FieldErrors } from "@/lib/errors";

z.config(z.locales.zhCN());

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "输入有误";
}

export { z };

/** `raw` checked and normalised by `schema`, or an INVALID_INPUT error with every message by field. The one place
 *  services turn unknown input into typed input. */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(firstMessage(parsed.error), fieldErrorsOf(parsed.error));
  return parsed.data;
}
