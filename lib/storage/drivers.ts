import "server-only";
import type { StorageConfig } from "@/lib/storage/config";
import { LocalFileStorage } from "@/lib/storage/local";
import { S3FileStorage } from "@/lib/storage/s3";
import type { FileStorage } from "@/lib/storage/storage";

/** A storage for a configuration (scripts and tests pass their own; the app uses getStorage()). */
export function storageFor(config: StorageConfig): FileStorage {
  return config.driver === "local" ? new LocalFileStorage(config.root) : new S3FileStorage(config);
}
