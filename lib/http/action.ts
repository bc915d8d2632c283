import "server-only";
// The one pipeline every server action goes through: parse input with its zod schema → load the session →
// check the permission → run the domain service → map errors (lib/http/errors.ts, shared with route handlers).
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/server/guards";
import { getActor } from "@/lib/auth/server/session";
import { getDb, type Db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/errors";
import { failureOf, invalidInput } from "@/lib/http/errors";

export type { ActionResult };

type Ctx = { actor: Actor; db: Db };

/** An action's error as its result (for actions that do not go through `action()`, such as sign-in). */
export function failure(error: unknown): ActionResult<never> {
  return failureOf(error, "action").failure;
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): ActionResult<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : invalidInput(parsed.error);
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
      if (permission !== "signed-in") requirePermission(actor, permission);
      return { ok: true, data: await handler(input.data, { actor, db: getDb() }) };
    } catch (error) {
      return failure(error);
    }
  };
}
