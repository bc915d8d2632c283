import "server-only";
import path from "node:path";
import { LocalFileStorage } from "@/lib/storage/local";
import type { FileStorage } from "@/lib/storage/storage";

export type { FileStorage };

let storage: FileStorage | undefined;

/** The configured storage: FILES_DIR (default data/files). */
export function getStorage(): FileStorage {
  storage ??= new LocalFileStorage(path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.FILES_DIR ?? "data/files"));
  return storage;
}
