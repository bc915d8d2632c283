// zod speaks Chinese everywhere (browser forms and server actions), and its errors map to field messages.
import { z } from "zod";
import { invalid, type FieldErrors } from "@/lib/errors";
import { chineseLocale } from "@/lib/validation-messages";

z.config(chineseLocale());

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

/** A server action's single uploaded file (FormData field `file`): present, not empty, within `maxBytes`, with one of
 *  the extensions. `what` names it in the messages ("CSV 文件"), `limit` says the limit as a person reads it. */
export function zUploadedFile(options: { what: string; maxBytes: number; limit: string; extensions: string[] }) {
  const choose = chooseFile(options.what);
  const ending = new RegExp(`\\.(${options.extensions.join("|")})$`, "i");
  return z
    .instanceof(FormData, { message: choose })
    .transform((fd) => fd.get("file"))
    .pipe(
      z
        .instanceof(File, { message: choose })
        .refine((f) => f.size > 0, "文件为空")
        .refine((f) => f.size <= options.maxBytes, `文件过大：${options.limit}`)
        .refine((f) => ending.test(f.name), `请上传 .${options.extensions[0]} 文件`),
    );
}

/** "请选择 CSV 文件", "请选择评价方案 JSON 文件": a space between Chinese and a Latin word, as everywhere else. */
export const chooseFile = (what: string) => `请选择${/^[A-Za-z]/.test(what) ? " " : ""}${what}`;
