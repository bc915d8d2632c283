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

/** Refuses (413) a body whose declared Content-Length is over the limit — before reading it, or anything else. */
export function refuseDeclaredLength(request: Request, maxBytes: number, tooLargeMessage: string): void {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(tooLargeMessage);
}

/**
 * The body's bytes, counted as they arrive: reading stops, and the stream is cancelled, as soon as more than
 * `maxBytes` came in — a body without Content-Length (chunked) is never buffered whole before it is refused. A
 * declared Content-Length over the limit is refused before anything is read.
 */
export async function readBody(request: Request, maxBytes: number, tooLargeMessage: string): Promise<Uint8Array> {
  refuseDeclaredLength(request, maxBytes, tooLargeMessage);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      throw tooLarge(tooLargeMessage);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks.splice(0)) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** A JSON body of at most `maxBytes`, refused (413) at the limit while it streams in, before it is parsed. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBody(request, maxBytes, `内容过大（超过 ${Math.round(maxBytes / 1024)} KB），未保存`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw invalid("请求格式有误");
  }
}

/** A multipart body of at most `maxBytes` (refused at the limit, as readJson), or null when it is not one. Call it
 *  only after the session and the resource's access are checked: nothing of the upload is read before. */
export async function formData(request: Request, maxBytes: number, tooLargeMessage: string): Promise<FormData | null> {
  const bytes = await readBody(request, maxBytes, tooLargeMessage);
  const type = request.headers.get("content-type") ?? "";
  return new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData().catch(() => null);
}
