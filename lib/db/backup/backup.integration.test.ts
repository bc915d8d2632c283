// Backup → restore round trip on each provider and each storage driver: the demo data plus an evidence file are
// backed up while the source database is open (as in a running app), restored into a database that did not exist
// and an empty storage, and compared table by table; then the refusals (target in use, target not empty) and
// --force. The CLI is run as an operator would, on disk and on an S3 bucket.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup, restoreBackup } from "@/lib/db/backup/backup";
import { filesDirOf } from "@/lib/db/backup/files";
import { hasPgTools } from "@/lib/db/backup/postgres";
import { assertIntact } from "@/lib/db/backup/sqlite";
import { createDb, type Db } from "@/lib/db/connect";
import type { DbProvider } from "@/lib/server/env";
import { addEvidence } from "@/lib/evidence/server/service";
import { backupFilesOf } from "@/lib/storage/backup";
import { seedDemo } from "@/lib/seed/demo";
import { actorFor } from "@/lib/testing/actors";
import { runScript } from "@/lib/testing/cli";
import { tableRowCounts } from "@/lib/db/testing";
import { createTestDb, TEST_PROVIDERS, type TestDb } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { allKeys, createTestStorage, readStored, TEST_STORAGES, type TestStorage } from "@/lib/testing/storage";

const pdf = new Uint8Array([...Buffer.from("%PDF-1.4\n% 备份测试\n"), ...randomBytes(200)]);

/** A database URL on the same server that does not exist yet (restore creates it); dropped afterwards. */
function freshPgUrl(): { url: string; drop: () => Promise<void> } {
  const admin = process.env.TEST_POSTGRES_URL!;
  const name = `edu_restore_${randomBytes(6).toString("hex")}`;
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => c.query(`DROP DATABASE IF EXISTS ${name}`));
      await c.end();
    },
  };
}

const canRun = (p: DbProvider) => p === "sqlite" || hasPgTools();

const cases = TEST_PROVIDERS.flatMap((provider) => TEST_STORAGES.map((driver) => [provider, driver] as const));

describe.each(cases)("backup and restore on %s, files in %s storage", (provider, driver) => {
  let source: TestDb;
  let dir: string;
  let sourceFiles: TestStorage;
  let targetFiles: TestStorage;
  let targetUrl: string;
  let dropTarget = async () => {};
  let backupFile: string;
  let evidenceKey: string;

  beforeAll(async () => {
    if (!canRun(provider)) return;
    source = await createTestDb(provider);
    await seedDemo(source.db);
    dir = mkdtempSync(path.join(os.tmpdir(), "edu-backup-"));
    sourceFiles = await createTestStorage(driver);
    targetFiles = await createTestStorage(driver);
    const editor = await actorFor(source.db, "wenxi_editor");
    const report = await source.db.report.findFirstOrThrow();
    const row = await addEvidence(source.db, sourceFiles.storage, editor, {
      reportId: report.id,
      criterionCode: "preschool",
      fileName: "普惠园认定.pdf",
      bytes: pdf,
    });
    evidenceKey = row.storageKey;
    if (provider === "sqlite") targetUrl = `file:${path.join(dir, "restored", "app.db")}`;
    else ({ url: targetUrl, drop: dropTarget } = freshPgUrl());
  });
  afterAll(async () => {
    await source?.cleanup();
    await dropTarget();
    await sourceFiles?.cleanup();
    await targetFiles?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!canRun(provider))("restores into a new database exactly what was there when the backup was taken", async () => {
    const before = await tableRowCounts(source.db); // the source stays open, as in a running app
    const backup = await createBackup({ databaseUrl: source.url, files: backupFilesOf(sourceFiles.storage), dir: path.join(dir, "backups") });
    backupFile = backup.database;
    expect(path.basename(backupFile)).toMatch(provider === "sqlite" ? /^app-\d{8}-\d{6}\.db$/ : /^app-\d{8}-\d{6}\.dump$/);
    expect(backup.fileCount).toBe(1);
    // The backup's files are a plain directory, whatever the storage: an operator can look at them.
    expect(readFileSync(path.join(filesDirOf(backupFile), evidenceKey)).equals(Buffer.from(pdf))).toBe(true);
    if (provider === "sqlite") assertIntact(backupFile);
    // Written after the backup: must not appear in the restored database.
    await source.db.region.create({ data: { code: "149900", name: "备份后新增县", level: "county", parentCode: "140000", path: "/140000/149900/" } });

    const restored = await restoreBackup({ file: backupFile, databaseUrl: targetUrl, files: backupFilesOf(targetFiles.storage), force: false });
    expect(restored.fileCount).toBe(1);
    expect(await allKeys(targetFiles.storage)).toEqual([evidenceKey]);
    expect((await readStored(targetFiles.storage, evidenceKey))!.equals(Buffer.from(pdf))).toBe(true);

    const target = createDb(targetUrl);
    try {
      expect(await tableRowCounts(target)).toEqual(before);
      expect(before.SectionRevision).toBeGreaterThan(10);
      expect(await target.region.findUnique({ where: { code: "149900" } })).toBeNull();
      const pick = (db: Db) =>
        db.reportSection.findMany({ orderBy: [{ reportId: "asc" }, { key: "asc" }], select: { key: true, version: true, content: true, updatedAt: true } });
      expect(await pick(target)).toEqual(await pick(source.db));
      const account = (db: Db) => db.account.findFirstOrThrow({ where: { user: { username: "wenxi_editor" } }, select: { password: true } });
      expect((await account(target)).password).toBe((await account(source.db)).password);
      expect((await target.evidence.findFirstOrThrow()).storageKey).toBe(evidenceKey);
    } finally {
      await target.$disconnect();
    }
  });

  it.skipIf(!canRun(provider))("refuses a target in use or with data unless --force", async () => {
    const restore = (force: boolean) => restoreBackup({ file: backupFile, databaseUrl: targetUrl, files: backupFilesOf(targetFiles.storage), force });
    const app = createDb(targetUrl);
    try {
      await app.user.count(); // an open connection, as the running app holds
      await expect(restore(false)).rejects.toThrow(provider === "sqlite" ? /正在被使用/ : /连接在使用/);
    } finally {
      await app.$disconnect();
    }
    await expect(restore(false)).rejects.toThrow(/已有数据|不为空/);
    await restore(true);
    const target = createDb(targetUrl);
    try {
      expect(await tableRowCounts(target)).toEqual(await tableRowCounts(source.db).then((c) => ({ ...c, Region: c.Region - 1 })));
    } finally {
      await target.$disconnect();
    }
  });
});

describe("npm run backup (CLI, SQLite)", () => {
  const t = useDemoDb("sqlite", { report: false });
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "edu-backup-cli-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  // Five CLI runs, each a Node process compiling TypeScript: slow on a busy machine.
  it("backs up with --out, refuses to overwrite a backup or a used database, restores into an empty one", { timeout: 120_000 }, async () => {
    process.env.FILES_DIR = path.join(dir, "no-files-yet");
    const out = path.join(dir, "manual.db");
    const backup = await runScript("scripts/backup.ts", ["--out", out], t.url);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain("已备份数据库");
    expect(existsSync(filesDirOf(out))).toBe(true);

    const again = await runScript("scripts/backup.ts", ["--out", out], t.url);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("已存在");

    const refused = await runScript("scripts/backup.ts", ["--restore", out], t.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/已有数据|正在被使用/);

    const fresh = `file:${path.join(dir, "fresh.db")}`;
    const restored = await runScript("scripts/backup.ts", ["--restore", out], fresh);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("已恢复");

    const usage = await runScript("scripts/backup.ts", ["--force"], t.url);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("用法");
  });

  it("says in Chinese what to install when pg_dump is missing", { timeout: 60_000 }, async () => {
    // No PATH: the CLI itself runs on process.execPath, but pg_dump cannot be found, as on a machine without it.
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, "empty-bin");
    try {
      const r = await runScript("scripts/backup.ts", ["--out", path.join(dir, "pg.dump")], "postgresql://nobody@127.0.0.1:9/none");
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/未找到 pg_dump.*postgresql-client/);
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe("npm run backup with STORAGE_URL (CLI, SQLite, S3)", () => {
  const t = useDemoDb("sqlite");
  let dir: string;
  let bucket: TestStorage;
  let restoredBucket: TestStorage;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "edu-backup-s3-"));
    bucket = await createTestStorage("s3");
    restoredBucket = await createTestStorage("s3", "edu-restored");
  });
  afterAll(async () => {
    await bucket?.cleanup();
    await restoredBucket?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies the bucket's files beside the database and puts them into an empty bucket on restore", { timeout: 120_000 }, async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const report = await t.db.report.findFirstOrThrow();
    const row = await addEvidence(t.db, bucket.storage, editor, { reportId: report.id, criterionCode: "preschool", fileName: "对象存储.pdf", bytes: pdf });
    const saved = { STORAGE_URL: process.env.STORAGE_URL };
    try {
      process.env.STORAGE_URL = bucket.url;
      const out = path.join(dir, "s3.db");
      const backup = await runScript("scripts/backup.ts", ["--out", out], t.url);
      expect(backup.stderr).toBe("");
      expect(backup.stdout).toContain("（1 个文件）");
      expect(readFileSync(path.join(filesDirOf(out), row.storageKey)).equals(Buffer.from(pdf))).toBe(true);

      process.env.STORAGE_URL = restoredBucket.url;
      const restored = await runScript("scripts/backup.ts", ["--restore", out], `file:${path.join(dir, "fresh.db")}`);
      expect(restored.stderr).toBe("");
      expect(restored.stdout).toContain("证明材料 1 个文件（s3://edu-restored/evidence-store @ http://127.0.0.1:");
      expect((await readStored(restoredBucket.storage, row.storageKey))!.equals(Buffer.from(pdf))).toBe(true);

      // A bucket with files is not written into without --force, and the database is left alone.
      const again = await runScript("scripts/backup.ts", ["--restore", out], `file:${path.join(dir, "fresh-2.db")}`);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("证明材料存储 s3://edu-restored/evidence-store");
      expect(existsSync(path.join(dir, "fresh-2.db"))).toBe(false);

      process.env.STORAGE_URL = "s3://Bad_Bucket";
      const bad = await runScript("scripts/backup.ts", ["--out", path.join(dir, "bad.db")], t.url);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("STORAGE_URL 配置有误：存储桶名称应为");
    } finally {
      if (saved.STORAGE_URL === undefined) delete process.env.STORAGE_URL;
      else process.env.STORAGE_URL = saved.STORAGE_URL;
    }
  });
});
