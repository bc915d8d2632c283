// Runs the export CLI as an operator does (a separate Node process through tsx): the demo without a database, a
// stored report from a fresh SQLite file, and the refusals.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NO_DATABASE, runScript } from "@/lib/testing/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryText, unzip } from "@/lib/docx/testing/unzip";
import { useDemoDb } from "@/lib/testing/demo-db";

const dir = mkdtempSync(path.join(os.tmpdir(), "export-cli-"));

const cli = (args: string[], databaseUrl = NO_DATABASE) => runScript("scripts/export.ts", args, databaseUrl);

const documentXml = (file: string) => entryText(unzip(readFileSync(file)), "word/document.xml");

describe("npm run export", () => {
  const t = useDemoDb("sqlite");
  let reportId: string;
  beforeAll(async () => {
    reportId = (await t.db.report.findFirstOrThrow()).id;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the demo report without any database", async () => {
    const out = path.join(dir, "demo.docx");
    const r = await cli(["--demo", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已导出");
    expect(documentXml(out)).toContain("闻喜县人民政府办公室关于履行教育职责");
  });

  it("writes a stored report from DATABASE_URL, identical in text to the demo it was seeded from", async () => {
    const out = path.join(dir, "stored.docx");
    const r = await cli(["--report", reportId, "--out", out], t.url);
    expect(r.code).toBe(0);
    expect(documentXml(out)).toBe(documentXml(path.join(dir, "demo.docx")));
  });

  it("refuses an unknown report id with a Chinese message and exit code 1", async () => {
    const out = path.join(dir, "none.docx");
    const r = await cli(["--report", "no-such-report", "--out", out], t.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("找不到编号为“no-such-report”的报告");
    expect(existsSync(out)).toBe(false);
  });

  it("explains its usage and exits 2 when the arguments are wrong", async () => {
    const [none, both] = await Promise.all([cli(["--demo"]), cli(["--demo", "--report", "x", "--out", "y.docx"])]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("缺少 --out");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("用法：npm run export");
  });
});
