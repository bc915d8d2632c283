import "server-only";
// The one error mapper of server actions (lib/http/action.ts) and route handlers (lib/http/route.ts). Expected
// errors (AppError) keep their code, Chinese message, field and row errors; anything else is logged with a short id
// and the user gets a generic message with that id, so an operator can find it in the log.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { READ_ONLY_DATABASE, isReadOnlyDatabaseError } from "@/lib/db/errors";
import { ERROR_STATUS, isAppError, type ActionFailure } from "@/lib/errors";
import { fieldErrorsOf, firstMessage } from "@/lib/validation";

/** Next.js control flow (redirect(), notFound()) is thrown as an error and must pass through untouched. */
function isNextControlFlow(error: unknown): boolean {
  return !!error && typeof error === "object" && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_");
}

/** The failure the client is told about, and its HTTP status. Rethrows Next.js control flow. */
export function failureOf(error: unknown, where: "action" | "route"): { status: number; failure: ActionFailure } {
  if (isNextControlFlow(error)) throw error;
  if (isAppError(error)) {
    const { code, message: text, fieldErrors, rows } = error;
    return { status: ERROR_STATUS[code], failure: { ok: false, code, error: text, fieldErrors, rows } };
  }
  // Not the user's doing and not a bug: the operator must fix the database. Logged once per request, said plainly.
  if (isReadOnlyDatabaseError(error)) {
    console.error(`[${where}-error] ${READ_ONLY_DATABASE}:`, error instanceof Error ? error.message : error);
    return { status: 503, failure: { ok: false, code: "UNAVAILABLE", error: READ_ONLY_DATABASE } };
  }
  const id = randomUUID().slice(0, 8);
  console.error(`[${where}-error ${id}]`, error);
  return { status: 500, failure: { ok: false, code: "INTERNAL", error: `系统繁忙，请稍后重试（错误编号 ${id}）` } };
}

/** A zod failure as the client sees it: the first message, and every message by field. */
export function invalidInput(error: z.ZodError): ActionFailure {
  return { ok: false, code: "INVALID_INPUT", error: firstMessage(error), fieldErrors: fieldErrorsOf(error) };
}
