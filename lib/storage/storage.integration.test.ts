// The contract every storage driver keeps, run on the local directory and on a real S3-protocol server (s3rver):
// bytes come back as stored, unknown keys are null, deletes are idempotent, keys() lists every stored key and
// nothing else (across pages on S3), keys that could escape are refused, and two instances configured alike see the
// same files (what lets several app instances serve one deployment).
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageConfigOf } from "@/lib/storage/config";
import { storageFor } from "@/lib/storage/drivers";
import type { FileStorage } from "@/lib/storage/storage";
import { allKeys, createTestStorage, readStored, TEST_STORAGES, type TestStorage } from "@/lib/testing/storage";

describe.each(TEST_STORAGES)("%s storage", (driver) => {
  let t: TestStorage;
  let storage: FileStorage;
  beforeAll(async () => {
    t = await createTestStorage(driver);
    storage = t.storage;
  });
  afterAll(async () => t?.cleanup());

  it("gives back the bytes it stored, streamed, and null for a key it does not have", async () => {
    expect(await storage.check()).toBeNull();
    const big = randomBytes(6 * 1024 * 1024 + 17);
    await storage.put("evidence/r1/big", big);
    await storage.put("evidence/r1/empty", new Uint8Array());
    expect((await readStored(storage, "evidence/r1/big"))!.equals(big)).toBe(true);
    expect((await readStored(storage, "evidence/r1/empty"))!.length).toBe(0);
    expect(await storage.get("evidence/r1/none")).toBeNull();
  });

  it("deletes, and deleting twice or an unknown key is not an error", async () => {
    await storage.put("evidence/r2/a", Buffer.from("一"));
    await storage.delete("evidence/r2/a");
    await storage.delete("evidence/r2/a");
    await storage.delete("evidence/r2/never");
    expect(await storage.get("evidence/r2/a")).toBeNull();
  });

  it("refuses keys that could leave its root, before any I/O", async () => {
    for (const key of ["../escape", "/etc/passwd", "evidence/../../x", "Evidence/A", "evidence//a", "evidence/a.tmp", ""]) {
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(/invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/invalid storage key/);
    }
  });

  it("holds 40 concurrent writes and reads of different files", async () => {
    const files = Array.from({ length: 40 }, (_, i) => ({ key: `evidence/r3/f${i}`, bytes: randomBytes(1000 + i * 997) }));
    await Promise.all(files.map((f) => storage.put(f.key, f.bytes)));
    const back = await Promise.all(files.map((f) => readStored(storage, f.key)));
    back.forEach((b, i) => expect(b!.equals(files[i].bytes)).toBe(true));
  });

  it("lists every stored key and nothing else", async () => {
    const keys = await allKeys(storage);
    expect(keys).toContain("evidence/r1/big");
    expect(keys).toContain("evidence/r3/f39");
    expect(keys).not.toContain("evidence/r2/a");
    expect(keys.filter((k) => k.startsWith("evidence/r3/"))).toHaveLength(40);
    if (driver === "local") {
      // A write in progress (its temporary name) is not a key.
      writeFileSync(path.join((storage as unknown as { root: string }).root, "evidence", "r1", "big.123.tmp"), "half");
      expect(await allKeys(storage)).toEqual(keys);
    }
  });

  it.runIf(driver === "s3")("pages through more than 1,000 objects and keeps to its prefix in a shared bucket", { timeout: 120_000 }, async () => {
    const url = new URL(t.url!);
    const other = storageFor(storageConfigOf({ STORAGE_URL: t.url!.replace(url.pathname, "/another-app") }, "/"));
    await other.put("evidence/x/not-ours", Buffer.from("x"));
    const before = (await allKeys(storage)).length;
    const batch = Array.from({ length: 1005 }, (_, i) => `evidence/many/k${String(i).padStart(4, "0")}`);
    for (let i = 0; i < batch.length; i += 50) await Promise.all(batch.slice(i, i + 50).map((k) => storage.put(k, Buffer.from(k))));
    const keys = await allKeys(storage);
    expect(keys).toHaveLength(before + 1005);
    expect(keys).not.toContain("evidence/x/not-ours");
    expect(await allKeys(other)).toEqual(["evidence/x/not-ours"]);
  });

  it.runIf(driver === "s3")("is one store for two instances configured with the same STORAGE_URL", async () => {
    const second = storageFor(storageConfigOf({ STORAGE_URL: t.url! }, "/"));
    await storage.put("evidence/r4/shared", Buffer.from("第一台实例上传"));
    expect((await readStored(second, "evidence/r4/shared"))!.toString()).toBe("第一台实例上传");
    await second.delete("evidence/r4/shared");
    expect(await storage.get("evidence/r4/shared")).toBeNull();
  });

  it("says in Chinese what is wrong when files cannot be stored", async () => {
    if (driver === "local") {
      // The root cannot be created: a file is in the way (as an unmounted or misconfigured FILES_DIR would be).
      const blocker = path.join((storage as unknown as { root: string }).root, "evidence", "r1", "big");
      const broken = storageFor({ driver: "local", root: path.join(blocker, "files") });
      expect(await broken.check()).toMatch(/^证明材料目录不可写：.*请检查 FILES_DIR/);
    } else {
      const missing = storageFor(storageConfigOf({ STORAGE_URL: t.url!.replace("@edu-files", "@no-such-bucket") }, "/"));
      expect(await missing.check()).toBe("对象存储中没有存储桶 no-such-bucket（请先创建，或检查 STORAGE_URL）");
      const endpoint = new URL(t.url!).searchParams.get("endpoint")!;
      const down = storageFor(storageConfigOf({ STORAGE_URL: t.url!.replace(endpoint, "http://127.0.0.1:9") }, "/"));
      expect(await down.check()).toMatch(/^对象存储无法连接：s3:\/\/edu-files\/evidence-store @ http:\/\/127\.0\.0\.1:9/);
    }
  });
});
