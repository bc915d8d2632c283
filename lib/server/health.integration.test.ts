import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_PROVIDERS, type TestDb } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createDb, type Db } from "@/lib/db/connect";
import { forgetAppliedMigrations, setDatabaseReadOnly } from "@/lib/db/testing";
import { failureOf } from "@/lib/http/errors";
import { saveSection } from "@/lib/report/server/save-section";
import { checkHealth } from "@/lib/server/health";
import { LocalFileStorage } from "@/lib/storage/local";

describe.each(TEST_PROVIDERS)("health on %s", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(provider);
  });
  afterAll(async () => t?.cleanup());

  it("reports the provider and complete migrations", async () => {
    const h = await checkHealth(t.db);
    expect(h.status).toBe("ok");
    expect(h.database).toMatchObject({ provider, reachable: true, migrations: { pending: [], failed: [] } });
    expect(h.database.migrations?.applied).toBeGreaterThan(0);
    // PDF copies need LibreOffice; health says whether this instance found it.
    expect(h.pdf.available).toBe(spawnSync("which", ["soffice"]).status === 0);
    expect(h.status).toBe("ok");
  });

  it("reports a missing migration as degraded", async () => {
    await forgetAppliedMigrations(t.db);
    const h = await checkHealth(t.db);
    expect(h.status).toBe("degraded");
    expect(h.database.migrations?.pending.length).toBeGreaterThan(0);
  });
});

// What an operator needs to hear from /api/health before users find out: the database refuses writes (a read-only
// SQLite file or PostgreSQL standby), the files directory is missing or cannot be written. Said in Chinese.
describe.each(TEST_PROVIDERS)("health when writes would fail, on %s", (provider) => {
  const t = useDemoDb(provider);
  let dir: string;
  let readOnly: Db | null = null;
  let restore: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "edu-health-files-"));
  });
  afterAll(async () => {
    await readOnly?.$disconnect();
    await restore();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is ok with a writable database and files directory", async () => {
    const h = await checkHealth(t.db, new LocalFileStorage(dir));
    expect(h.status).toBe("ok");
    expect(h.problems).toEqual([]);
  });

  it("creates a files directory that does not exist yet (a fresh install has had no upload) and stays ok", async () => {
    const missing = path.join(dir, "not-yet-created");
    const h = await checkHealth(t.db, new LocalFileStorage(missing));
    expect(h.problems).toEqual([]);
    expect(h.files).toEqual({ writable: true });
    expect(existsSync(missing)).toBe(true);
  });

  it("names a read-only database, and a save on it answers that the database is read-only", async () => {
    ({ db: readOnly, restore } = await readOnlyCopy(t));
    const h = await checkHealth(readOnly, new LocalFileStorage(dir));
    expect(h.status).toBe("error");
    expect(h.database.reachable).toBe(true);
    expect(h.problems).toEqual([expect.stringMatching(/^数据库为只读状态，无法保存/)]);

    const editor = await actorFor(readOnly, "wenxi_editor");
    const report = await readOnly.report.findFirstOrThrow({ where: { countyCode: "140823" } });
    const section = await readOnly.reportSection.findFirstOrThrow({ where: { reportId: report.id, key: "profile" } });
    const error = await saveSection(readOnly, editor, { reportId: report.id, key: "profile", baseVersion: section.version, content: JSON.parse(section.content) }).catch((e: unknown) => e);
    const { status, failure } = failureOf(error, "route");
    expect(status).toBe(503);
    expect(failure.error).toMatch(/^数据库为只读状态，无法保存/);
  });
});

/** The test database opened so that it refuses writes: the SQLite file made read-only (root needs the immutable
 *  attribute), the PostgreSQL database set to read-only transactions for new connections. */
async function readOnlyCopy(t: Pick<TestDb, "provider" | "url" | "db">): Promise<{ db: Db; restore: () => Promise<void> }> {
  if (t.provider === "sqlite") {
    const file = t.url.slice("file:".length);
    await t.db.$disconnect();
    chmodSync(file, 0o444);
    const root = process.getuid?.() === 0;
    if (root) execFileSync("chattr", ["+i", file]);
    return {
      db: createDb(t.url),
      restore: async () => {
        if (root) execFileSync("chattr", ["-i", file]);
        chmodSync(file, 0o644);
      },
    };
  }
  await setDatabaseReadOnly(t.db, true);
  return { db: createDb(t.url), restore: () => setDatabaseReadOnly(t.db, false) };
}
