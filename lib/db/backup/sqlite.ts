import "server-only";
// SQLite backup and restore through SQLite's own online backup API (better-sqlite3's `backup`), never a file copy:
// a copy of app.db taken while the app writes may miss what is still in app.db-wal, or catch a page half-written.
import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { BackupRefused } from "@/lib/db/backup/errors";

/** All remaining pages in one step: one read transaction, so the copy is one consistent snapshot. In WAL mode a
 *  reader does not block the app's writers, so the app keeps saving while the backup runs. */
const ALL_PAGES = 0x7fffffff;

export async function backupSqlite(source: string, out: string): Promise<void> {
  if (!existsSync(source)) throw new BackupRefused(`找不到数据库文件 ${source}，请检查 DATABASE_URL`);
  const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
  try {
    await db.backup(out, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  assertIntact(out);
}

/** Refuses, before anything is written, a target that the app has open or that has tables, unless forced. */
export function checkSqliteTarget(target: string, force: boolean): void {
  if (force) return;
  if (sqliteInUse(target)) {
    throw new BackupRefused(`数据库 ${target} 正在被使用（应用可能仍在运行）。请先停止应用；确需覆盖请加 --force`);
  }
  if (sqliteHasTables(target)) {
    throw new BackupRefused(`数据库 ${target} 已有数据，恢复会覆盖它。确需覆盖请加 --force（建议先对它做一次备份）`);
  }
}

/** Copies a checked backup file into `target` with the same API (page by page, under SQLite's locks), so that even
 *  a forced restore over an open database leaves a whole database, never a torn file. */
export async function restoreSqlite(backup: string, target: string): Promise<void> {
  assertIntact(backup);
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  assertIntact(target);
}

/** Whether another connection has the file open. The app keeps its connection open while it runs, and a connection
 *  in WAL mode holds a shared lock, so an exclusive lock that cannot be had right now means someone is using it. */
export function sqliteInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    db.close();
  }
}

export function sqliteHasTables(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    return row.n > 0;
  } finally {
    db.close();
  }
}

/** What SQLite's integrity check says of the database file: exactly "ok" when it is whole. */
export function sqliteIntegrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` must answer exactly "ok"; a backup that is not a whole database is worse than none. */
export function assertIntact(file: string): void {
  let result: string;
  try {
    result = sqliteIntegrity(file);
  } catch (error) {
    throw new BackupRefused(`${file} 不是可用的 SQLite 数据库：${(error as Error).message}`);
  }
  if (result !== "ok") throw new BackupRefused(`${file} 完整性检查未通过：${result}`);
}
