import "server-only";
// Database errors the user can be told about plainly. A read-only database (a SQLite file or disk mounted
// read-only, a PostgreSQL standby or default_transaction_read_only) fails every write; without this it came out as
// 系统繁忙 on every save and sign-in, and nothing said why.

export const READ_ONLY_DATABASE = "数据库为只读状态，无法保存。请联系系统管理员检查数据库文件或数据库服务器的写权限";

/** SQLite's SQLITE_READONLY (code 8 and its extended codes) and PostgreSQL's 25006, however wrapped: thrown by the
 *  driver itself (lib/db/driver.ts), or by Prisma with the driver adapter's error as `cause` or in `meta`. */
export function isReadOnlyDatabaseError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 12) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const x = e as { code?: unknown; originalCode?: unknown; extendedCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (x.code === "25006" || x.originalCode === "25006" || (typeof x.code === "string" && x.code.startsWith("SQLITE_READONLY"))) return true;
    if (typeof x.extendedCode === "number" && (x.extendedCode & 0xff) === 8) return true;
    if (typeof x.message === "string" && /attempt to write a readonly database|read-only transaction/i.test(x.message)) return true;
    queue.push(x.cause, x.meta?.driverAdapterError);
  }
  return false;
}
