import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { FileStorage } from "@/lib/storage/storage";

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** Files on local disk. Keys are checked so that no key can point outside the root (no "..", no absolute paths). */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!KEY_PATTERN.test(key) || key.includes("..")) throw new Error(`invalid storage key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a crash never leaves a half-written file under the real key.
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }

  async get(key: string): Promise<Readable | null> {
    const target = this.file(key);
    try {
      await stat(target);
    } catch {
      return null;
    }
    return createReadStream(target);
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
