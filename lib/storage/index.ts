import "server-only";
import { storageConfigOf } from "@/lib/storage/config";
import { storageFor } from "@/lib/storage/drivers";
import type { FileStorage } from "@/lib/storage/storage";

export type { FileStorage };

let storage: FileStorage | undefined;

/** The configured storage: STORAGE_URL (s3://…) when set, else FILES_DIR (default data/files). */
export function getStorage(): FileStorage {
  storage ??= storageFor(storageConfigOf({ STORAGE_URL: process.env.STORAGE_URL, FILES_DIR: process.env.FILES_DIR }, /*turbopackIgnore: true*/ process.cwd()));
  return storage;
}
