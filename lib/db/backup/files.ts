import "server-only";
// The evidence files (FILES_DIR) travel beside the database backup: a restored Evidence row without its file would be
// a broken download. Files are immutable once stored (write to a temporary name, then rename; a new upload gets a
// new key), so copying them while the app runs is safe; half-written temporary files are left out.
import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { BackupRefused } from "@/lib/db/backup/errors";

const isTemporary = (file: string) => file.endsWith(".tmp");

/** Where the files of a backup live: beside the database file, named after it. */
export function filesDirOf(backupFile: string): string {
  return `${backupFile}.files`;
}

/** Copies every stored file; returns how many. A missing FILES_DIR (no upload yet) gives an empty directory. */
export function copyFiles(from: string, to: string): number {
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return 0;
  cpSync(from, to, { recursive: true, filter: (src) => !isTemporary(src) });
  return countFiles(to);
}

/** Puts a backup's files back into FILES_DIR. Refuses a non-empty FILES_DIR unless forced (then it adds to it:
 *  keys never repeat, so a file already there with the same key is the same file). */
export function restoreFiles(from: string, to: string, force: boolean): number {
  assertFilesRestorable(from, to, force);
  if (!existsSync(from)) return 0;
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true, force: true });
  return countFiles(to);
}

/** Checked before the database is touched, so that a refusal never leaves a restored database without its files. */
export function assertFilesRestorable(from: string, to: string, force: boolean): void {
  if (!force && existsSync(from) && countFiles(to) > 0) {
    throw new BackupRefused(`证明材料目录 ${to} 不为空，恢复会写入其中。确需写入请加 --force`);
  }
}

export function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, entry) => n + (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : isTemporary(entry.name) ? 0 : 1),
    0,
  );
}
