import type { ErrorCode, FieldErrors } from "@/lib/errors";

/** What every server action returns to the browser. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | "INTERNAL"; error: string; fieldErrors?: FieldErrors; rows?: { line: number; message: string }[] };
