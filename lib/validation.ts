// zod speaks Chinese everywhere (browser forms and server actions), and its errors map to field messages.
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

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
