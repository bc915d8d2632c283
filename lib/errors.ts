// One coded error for everything the user may be told about, and the one shape every server action answers with.
// Unexpected errors never reach the user as they are: lib/http/errors.ts logs them with an id and answers with a
// generic Chinese message. Universal: the browser reads ActionResult, the server throws AppError.

export const ERROR_STATUS = {
  INVALID_INPUT: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  THROTTLED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  // Stored data this version cannot read (a corrupt row): said plainly, never a crash three calls later.
  CORRUPT_DATA: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

/** One problem of an uploaded sheet or CSV: its line (1-based, as the spreadsheet shows it; null when the problem
 *  is the file's, such as a missing column) and what is wrong. */
export type RowError = { line: number | null; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly rows?: RowError[];

  constructor(code: ErrorCode, message: string, fieldErrors?: FieldErrors, rows?: RowError[]) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.rows = rows;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "内容") => new AppError("NOT_FOUND", `${what}不存在或您无权访问`);
export const forbidden = (message = "您没有执行此操作的权限") => new AppError("FORBIDDEN", message);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const invalid = (message: string, fieldErrors?: FieldErrors) => new AppError("INVALID_INPUT", message, fieldErrors);
export const tooLarge = (message: string) => new AppError("PAYLOAD_TOO_LARGE", message);
/** Rows of an upload that are wrong: nothing was stored, the client lists them. */
export const rowErrors = (message: string, rows: RowError[]) => new AppError("INVALID_INPUT", message, undefined, rows);

/**
 * Whether `error` is one of ours. By shape as well as by class: Next.js bundles a module once per route, so an
 * AppError thrown by one bundle's copy of this file is not an `instanceof` of another's.
 */
export function isAppError(error: unknown): error is AppError {
  if (error instanceof AppError) return true;
  return (
    error instanceof Error &&
    error.name === "AppError" &&
    typeof (error as Error & { code?: unknown }).code === "string" &&
    String((error as Error & { code?: unknown }).code) in ERROR_STATUS
  );
}

/** What every server action returns to the browser. */
export type ActionFailure = { ok: false; code: ErrorCode | "INTERNAL"; error: string; fieldErrors?: FieldErrors; rows?: RowError[] };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
