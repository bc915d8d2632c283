import "server-only";
// better-auth's refusals, recognised by what they carry rather than by their class. Next.js bundles better-auth
// once per route, and the shared auth instance (lib/auth/server/session.ts, on globalThis) is built by whichever
// bundle asks first: an `instanceof APIError` in another bundle then compares with another copy of the class and
// fails, and a wrong password came out as 系统繁忙 — with no failure recorded and no throttling — depending on
// which request a fresh server happened to serve first.

type ApiErrorShape = Error & { statusCode: number; body?: { code?: string } };

function asApiError(error: unknown): ApiErrorShape | null {
  if (!(error instanceof Error) || error.name !== "APIError") return null;
  return typeof (error as { statusCode?: unknown }).statusCode === "number" ? (error as ApiErrorShape) : null;
}

/** A refusal of what the person sent (wrong username or password, a value it will not take): 4xx. */
export function isAuthRefusal(error: unknown): boolean {
  const e = asApiError(error);
  return e !== null && e.statusCode >= 400 && e.statusCode < 500;
}

/** better-auth's code for the error (e.g. "FAILED_TO_CREATE_SESSION"), or null for anything else. */
export function authErrorCode(error: unknown): string | null {
  return asApiError(error)?.body?.code ?? null;
}
