import "server-only";
// The per-request session check, without going through better-auth's HTTP endpoint machinery: verify the signed
// cookie, then one indexed read of session → user → region (lib/db/queries/sessions.ts). It runs on every autosave and page, where
// `auth.api.getSession` cost about 3.4 ms of an 8 ms save (endpoint pipeline, a WebCrypto key import per cookie,
// two separate lookups). Nothing is cached: a logout, a revoked session or a disabled account takes effect on the
// next request on every instance, exactly as before (docs/decisions/010-autosave-latency.md).
// better-auth stays the authority for everything that writes: when a session has expired (it deletes it) or is
// due for renewal (it extends it and re-sets the cookie) this returns "delegate" and the caller asks better-auth.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Auth } from "@/lib/auth/server/auth";
import { toActor, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import { sessionWithUser } from "@/lib/db/queries/sessions";

/** A cookie value as the request carries it, already URL-decoded (Next.js `cookies().get(name)?.value`). */
export type ReadCookie = (name: string) => string | undefined;

/** The value of a cookie signed by better-call (`value.base64(HMAC-SHA256(secret, value))`), or null if unsigned. */
export function verifySignedCookie(raw: string | undefined, secret: string): string | null {
  if (!raw) return null;
  const dot = raw.lastIndexOf(".");
  if (dot < 1) return null;
  const value = raw.slice(0, dot);
  const signature = Buffer.from(raw.slice(dot + 1), "utf8");
  // The same shape check better-call makes before verifying: a base64 SHA-256 MAC is 44 characters ending in "=".
  if (signature.length !== 44 || signature[43] !== 0x3d) return null;
  const expected = Buffer.from(createHmac("sha256", secret).update(value).digest("base64"), "utf8");
  return timingSafeEqual(signature, expected) ? value : null;
}

/**
 * The actor of a request's session cookie: an Actor, null (no valid session: signed out, unknown token, disabled
 * account), or "delegate" when better-auth must handle the session (expired, or due for renewal).
 */
export async function lookupActor(db: Db, auth: Auth, readCookie: ReadCookie): Promise<Actor | null | "delegate"> {
  const ctx = await auth.$context;
  const token = verifySignedCookie(readCookie(ctx.authCookies.sessionToken.name), ctx.secret);
  if (!token) return null;
  const row = await sessionWithUser(db, token);
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) return "delegate";
  // better-auth renews a remembered session once it is older than updateAge; "don't remember me" sessions (ours,
  // lib/auth/login.ts) are never renewed.
  const remembered = verifySignedCookie(readCookie(ctx.authCookies.dontRememberToken.name), ctx.secret) === null;
  const { expiresIn, updateAge } = ctx.sessionConfig;
  if (remembered && row.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= now) return "delegate";
  return toActor(row.user);
}
