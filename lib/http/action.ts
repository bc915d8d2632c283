import "server-only";
// The one pipeline every server action goes through: parse input with its zod schema → load the session →
// check the permission → run the domain service → map errors. Expected errors return their Chinese message;
// unexpected ones are logged with an id and the user gets a generic message with that id.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/server/session";
import { getDb, type Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import type { ActionResult } from "@/lib/http/result";
import { fieldErrorsOf, firstMessage } from "@/lib/validation";

export type { ActionResult };

type Ctx = { actor: Actor; db: Db };

export function failure(error: unknown): ActionResult<never> {
  if (isAppError(error)) {
    const rows = "rows" in error ? (error.rows as { line: number; message: string }[]) : undefined;
    return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors, rows };
  }
  // Next.js control flow (redirect/notFound) must pass through untouched.
  if (error && typeof error === "object" && "digest" in error && String(error.digest).startsWith("NEXT_")) throw error;
  const id = randomUUID().slice(0, 8);
  console.error(`[action-error ${id}]`, error);
  return { ok: false, code: "INTERNAL", error: `系统繁忙，请稍后重试（错误编号 ${id}）` };
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): ActionResult<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, code: "INVALID_INPUT", error: firstMessage(parsed.error), fieldErrors: fieldErrorsOf(parsed.error) };
}

/** An authenticated action: `permission` is checked before the handler; reach is checked by the handler's guard. */
export function action<S extends z.ZodType, T>(
  schema: S,
  permission: Permission | "signed-in",
  handler: (input: z.infer<S>, ctx: Ctx) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const input = parseInput(schema, raw);
      if (!input.ok) return input;
      const actor = await getActor();
      if (!actor) return { ok: false, code: "UNAUTHENTICATED", error: "登录已过期，请重新登录" };
      if (permission !== "signed-in" && !hasPermission(actor.role, permission)) {
        return { ok: false, code: "FORBIDDEN", error: "您没有执行此操作的权限" };
      }
      return { ok: true, data: await handler(input.data, { actor, db: getDb() }) };
    } catch (error) {
      return failure(error);
    }
  };
}
