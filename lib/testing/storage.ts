// The two storage drivers for integration tests: the local directory and S3 against s3rver, a real S3-protocol
// server (HTTP, signatures, XML listings, 404s) that installs from npm without downloads, run as a child process
// (lib/testing/s3-server.mjs). Tests
// that store files run `describe.each(TEST_STORAGES)` so that every behaviour holds on both.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { storageConfigOf } from "@/lib/storage/config";
import { storageFor } from "@/lib/storage/drivers";
import type { FileStorage } from "@/lib/storage/storage";

export type StorageDriver = "local" | "s3";
export const TEST_STORAGES: StorageDriver[] = ["local", "s3"];

export type TestStorage = { driver: StorageDriver; storage: FileStorage; url?: string; cleanup: () => Promise<void> };

// The SDK prints a notice about Node 20's end of support once per process; it is known (decision 020f).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** A storage of its own (a fresh directory, or a fresh bucket on a fresh s3rver). `url` is the STORAGE_URL for
 *  scripts run as child processes. */
export async function createTestStorage(driver: StorageDriver, bucket = "edu-files"): Promise<TestStorage> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `edu-storage-${driver}-`));
  if (driver === "local") {
    const root = path.join(dir, "files");
    return { driver, storage: storageFor({ driver: "local", root }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = spawn(process.execPath, ["--openssl-legacy-provider", path.join(import.meta.dirname, "s3-server.mjs"), dir, bucket], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [first] = (await Promise.race([once(server.stdout, "data"), once(server, "exit").then(() => [Buffer.from("")])])) as Buffer[];
  const port = Number(first.toString().trim());
  let url: string;
  let storage: FileStorage;
  try {
    if (!port) throw new Error("s3rver did not start");
    // s3rver accepts any key pair; the URL form is the one an operator writes.
    url = `s3://S3RVER:S3RVER@${bucket}/evidence-store?endpoint=http://127.0.0.1:${port}`;
    storage = storageFor(storageConfigOf({ STORAGE_URL: url }, dir));
  } catch (error) {
    server.kill("SIGKILL");
    throw error;
  }
  return {
    driver,
    storage,
    url,
    cleanup: async () => {
      (storage as { destroy?: () => void }).destroy?.();
      server.kill("SIGTERM");
      if (server.exitCode === null) await once(server, "exit");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every byte of a stored file, or null. */
export async function readStored(storage: FileStorage, key: string): Promise<Buffer | null> {
  const body = await storage.get(key);
  if (!body) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function allKeys(storage: FileStorage): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of storage.keys()) keys.push(key);
  return keys.sort();
}
