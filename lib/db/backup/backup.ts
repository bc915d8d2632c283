import "server-only";
// One backup = the database (SQLite file via the online backup API, or a pg_dump custom archive) plus the evidence
// files (FILES_DIR or the S3 bucket) in `<backup>.files/`. Restoring puts both back, and refuses to overwrite a database or a files directory that
// is in use or has content unless forced. scripts/backup.ts is the CLI; docs/operations.md the operator's guide.
import { closeSync, existsSync, mkdirSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { beijingParts } from "@/lib/dates";
import { BackupRefused } from "@/lib/db/backup/errors";
import { filesDirOf } from "@/lib/db/backup/files";
import { backupPostgres, checkPostgresTarget, isPgDump, restorePostgres } from "@/lib/db/backup/postgres";
import { backupSqlite, checkSqliteTarget, restoreSqlite } from "@/lib/db/backup/sqlite";
import { providerOf, sqliteFilePath, type DbProvider } from "@/lib/server/env";

/** The evidence files' side of a backup; lib/storage/backup.ts gives it for a storage (FILES_DIR or S3). */
export interface BackupFiles {
  /** Where the files are, for messages. */
  readonly label: string;
  /** Copies every file into the directory; returns how many. */
  copyTo(dir: string): Promise<number>;
  /** Refuses (BackupRefused) a restore that would write into a storage that has files, unless forced. */
  assertRestorable(dir: string, force: boolean): Promise<void>;
  restoreFrom(dir: string, force: boolean): Promise<number>;
}

export type BackupOptions = { databaseUrl: string; files: BackupFiles; out?: string; dir?: string; now?: Date };
export type BackupResult = { provider: DbProvider; database: string; files: string; fileCount: number };

/** app-20250601-143005.db (SQLite) or .dump (PostgreSQL), Beijing time like every time the app prints: sorts by
 *  name, reads at a glance. */
export function backupFileName(provider: DbProvider, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const t = beijingParts(now);
  const stamp = `${t.year}${p(t.month)}${p(t.day)}-${p(t.hour)}${p(t.minute)}${p(t.second)}`;
  return `app-${stamp}.${provider === "sqlite" ? "db" : "dump"}`;
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const provider = providerOf(options.databaseUrl);
  const database = path.resolve(options.out ?? path.join(options.dir ?? "backups", backupFileName(provider, options.now)));
  // A backup never replaces another one: the older file may be the only good copy.
  if (existsSync(database) || existsSync(filesDirOf(database))) throw new BackupRefused(`${database} 已存在，请换一个文件名`);
  mkdirSync(path.dirname(database), { recursive: true });
  // Database first, files second: every Evidence row in the backup then finds its file (an upload finished after
  // the snapshot only adds a file nobody refers to).
  if (provider === "sqlite") await backupSqlite(sqliteFilePath(options.databaseUrl), database);
  else await backupPostgres(options.databaseUrl, database);
  const files = filesDirOf(database);
  const fileCount = await options.files.copyTo(files);
  return { provider, database, files, fileCount };
}

export type RestoreOptions = { file: string; databaseUrl: string; files: BackupFiles; force: boolean };

export async function restoreBackup(options: RestoreOptions): Promise<{ provider: DbProvider; fileCount: number }> {
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new BackupRefused(`找不到备份文件 ${file}`);
  const kind = backupKind(file);
  const provider = providerOf(options.databaseUrl);
  if (kind !== provider) {
    const label = (p: DbProvider) => (p === "sqlite" ? "SQLite" : "PostgreSQL");
    throw new BackupRefused(`备份文件是 ${label(kind)} 的，而 DATABASE_URL 指向 ${label(provider)}；只能恢复到同一种数据库`);
  }
  const files = filesDirOf(file);
  // Every refusal before the first write: a refused restore changes nothing.
  if (provider === "sqlite") {
    const target = sqliteFilePath(options.databaseUrl);
    checkSqliteTarget(target, options.force);
    await options.files.assertRestorable(files, options.force);
    mkdirSync(path.dirname(target), { recursive: true });
    await restoreSqlite(file, target);
  } else {
    const { hasTables } = await checkPostgresTarget(options.databaseUrl, options.force);
    await options.files.assertRestorable(files, options.force);
    await restorePostgres(file, options.databaseUrl, hasTables);
  }
  const fileCount = await options.files.restoreFrom(files, options.force);
  return { provider, fileCount };
}

function backupKind(file: string): DbProvider {
  if (isPgDump(file)) return "postgresql";
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head.toString("latin1") === "SQLite format 3\0") return "sqlite";
  } finally {
    closeSync(fd);
  }
  throw new BackupRefused(`${file} 不是本系统的备份文件（既不是 SQLite 数据库，也不是 pg_dump -Fc 备份）`);
}
