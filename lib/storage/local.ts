import "server-only";
import { createReadStream } from "node:fs";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { assertStorageKey, isStorageKey, type FileStorage } from "@/lib/storage/storage";

/** Files on local disk (FILES_DIR). Keys are checked so that no key can point outside the root. */
export class LocalFileStorage implements FileStorage {
  readonly label: string;

  constructor(private readonly root: string) {
    this.label = root;
  }

  private file(key: string): string {
    return path.join(this.root, assertStorageKey(key));
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

  /** Walks the root; temporary files of a write in progress (and anything else that is not a key) are left out. */
  async *keys(): AsyncIterable<string> {
    const walk = async function* (dir: string, prefix: string): AsyncIterable<string> {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const entry of entries) {
        const key = `${prefix}${entry.name}`;
        if (entry.isDirectory()) yield* walk(path.join(dir, entry.name), `${key}/`);
        else if (entry.isFile() && isStorageKey(key)) yield key;
      }
    };
    yield* walk(this.root, "");
  }

  /** The root is created if missing (a fresh install has no upload yet) and must take a file: a probe is written and
   *  removed, which fails on a read-only mount or a directory the app's user cannot write. */
  async check(): Promise<string | null> {
    const probe = path.join(this.root, `.health-${process.pid}-${randomBytes(4).toString("hex")}`);
    try {
      await mkdir(this.root, { recursive: true });
      await writeFile(probe, "");
      await rm(probe, { force: true });
      return null;
    } catch (error) {
      return `证明材料目录不可写：${this.root}（${(error as NodeJS.ErrnoException).code ?? "写入失败"}，请检查 FILES_DIR）`;
    }
  }
}
