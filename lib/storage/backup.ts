import "server-only";
// The evidence files' side of a backup (lib/db/backup/backup.ts does the database and calls this): whatever the
// storage (FILES_DIR or an S3 bucket), a backup's files are a plain directory `<backup>.files/` with one file per
// key, so an operator can look at them, copy them, and restore them into either kind of storage. Files are
// immutable once stored (a new upload gets a new key; local writes go to a temporary name first), so copying them
// while the app runs is safe; half-written temporary files are not keys and are left out.
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { BackupFiles } from "@/lib/db/backup/backup";
import { BackupRefused } from "@/lib/db/backup/errors";
import { LocalFileStorage } from "@/lib/storage/local";
import type { FileStorage } from "@/lib/storage/storage";

/** Copies every stored file into the directory `to`, streamed (a file is never held in memory); returns how many.
 *  A storage with no upload yet gives an empty directory. */
export async function copyFiles(from: FileStorage, to: string): Promise<number> {
  mkdirSync(to, { recursive: true });
  let count = 0;
  for await (const key of from.keys()) {
    const body = await from.get(key);
    if (!body) continue; // deleted between listing and reading: its row is gone too
    const target = path.join(to, key);
    mkdirSync(path.dirname(target), { recursive: true });
    await pipeline(body, createWriteStream(`${target}.tmp`));
    renameSync(`${target}.tmp`, target);
    count++;
  }
  return count;
}

/** Checked before the database is touched, so that a refusal never leaves a restored database without its files. */
export async function assertFilesRestorable(from: string, to: FileStorage, force: boolean): Promise<void> {
  if (force || !existsSync(from)) return;
  const first = await to.keys()[Symbol.asyncIterator]().next();
  if (!first.done) throw new BackupRefused(`证明材料存储 ${to.label} 不为空，恢复会写入其中。确需写入请加 --force`);
}

/** Puts a backup's files back into the storage. Refuses a storage that has files unless forced (then it adds to
 *  them: keys never repeat, so a file already there with the same key is the same file). */
export async function restoreFiles(from: string, to: FileStorage, force: boolean): Promise<number> {
  await assertFilesRestorable(from, to, force);
  if (!existsSync(from)) return 0;
  let count = 0;
  for await (const key of new LocalFileStorage(from).keys()) {
    await to.put(key, await readFile(path.join(from, key)));
    count++;
  }
  return count;
}

/** The storage as a backup sees it. */
export function backupFilesOf(storage: FileStorage): BackupFiles {
  return {
    label: storage.label,
    copyTo: (dir) => copyFiles(storage, dir),
    assertRestorable: (dir, force) => assertFilesRestorable(dir, storage, force),
    restoreFrom: (dir, force) => restoreFiles(dir, storage, force),
  };
}
