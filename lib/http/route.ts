import "server-only";
// The route-handler twin of lib/http/action.ts, for endpoints that are not server actions (autosave, uploads,
// downloads): same-origin check for writes, session, the same error mapping (lib/http/errors.ts) with HTTP status codes.
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/server/session";
import { getDb, type Db } from "@/lib/db/client";
import { tooLarge, invalid } from "@/lib/errors";
import { failureOf } from "@/lib/http/errors";

type Handler = (ctx: { request: Request; actor: Actor; db: Db }) => Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Browsers send Origin on every cross-site write; a write whose Origin is not ours is refused (CSRF). */
export function isSameOrigin(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return true;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (!origin) return site === null || site === "same-origin";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function route(handler: Handler) {
  return async (request: Request): Promise<Response> => {
    try {
      if (!isSameOrigin(request)) return json({ error: "请求来源不被允许" }, 403);
      const actor = await getActor();
      if (!actor) return json({ error: "登录已过期，请重新登录" }, 401);
      return await handler({ request, actor, db: getDb() });
    } catch (error) {
      const { status, failure } = failureOf(error, "route");
      return json({ error: failure.error, code: failure.code, fieldErrors: failure.fieldErrors, rows: failure.rows }, status);
    }
  };
}

/** Reads a JSON body with a size cap, so a huge body is refused before it is parsed. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw tooLarge(`内容过大（超过 ${Math.round(maxBytes / 1024)} KB），未保存`);
  const text = await request.text();
  if (text.length > maxBytes) throw tooLarge(`内容过大（超过 ${Math.round(maxBytes / 1024)} KB），未保存`);
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("请求格式有误");
  }
}
