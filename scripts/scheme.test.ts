// Runs the operator CLI as operators do (a separate Node process through tsx) and checks exit codes and output.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NO_DATABASE, runScript } from "@/lib/testing/cli";
import { afterAll, describe, expect, it } from "vitest";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import { schemeIndicators, schemeInputs } from "@/lib/template/lookup";

const dir = mkdtempSync(path.join(os.tmpdir(), "scheme-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const cli = (args: string[], databaseUrl = NO_DATABASE) => runScript("scripts/scheme.ts", args, databaseUrl);

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

describe("npm run scheme -- validate", () => {
  it("summarises a valid scheme and exits 0", async () => {
    const r = await cli(["validate", writeJson("valid.json", SHANXI_2021_COUNTY)]);
    const s = SHANXI_2021_COUNTY;
    expect(r.stdout.trim()).toBe(
      `有效：shanxi-2021-county 第 ${s.version} 版，12 项评价重点，${schemeInputs(s).length} 个数据项，${schemeIndicators(s).length} 个计算指标`,
    );
    expect(r.code).toBe(0);
  });

  it("prints every error with a 1-based location, the value found and the path, and exits 1", async () => {
    const broken = structuredClone(SHANXI_2021_COUNTY) as Record<string, unknown>;
    broken.title = "";
    broken.numbering = "roman";
    const r = await cli(["validate", writeJson("invalid.json", broken)]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toEqual(
      expect.arrayContaining(["无效：发现 2 处错误", '标题（title）：不能为空〔title〕', '编号方式（numbering）：编号方式只能是 flat（平铺编号）或 grouped（分组编号）（现为 "roman"）〔numbering〕']),
    );
  });

  it("refuses text that is not JSON and a file that does not exist", async () => {
    const file = path.join(dir, "broken.json");
    writeFileSync(file, "{ 不是 JSON");
    const [notJson, missing] = await Promise.all([cli(["validate", file]), cli(["validate", path.join(dir, "missing.json")])]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^（根）：不是有效的 JSON：/m);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("找不到文件");
  });
});

describe("npm run scheme -- list / export", () => {
  const databaseUrl = `file:${path.join(dir, "cli.db")}`;

  it("migrates a new database, loads the built-in scheme, and lists it", async () => {
    const r = await cli(["list"], databaseUrl);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const builtins = [...BUILTIN_SCHEMES].sort((a, b) => b.year - a.year);
    expect(r.stdout.trim().split("\n")).toEqual(builtins.map((s) => `${s.code}\t第 ${s.version} 版\t${s.year} 年\t${s.title}\t内置`));
  });

  it("exports the stored JSON, and exits 1 for an unknown code or version", async () => {
    // The database is migrated by the test above, so these only read it and may run side by side.
    const [r, unknown, noVersion] = await Promise.all([
      cli(["export", "shanxi-2021-county"], databaseUrl),
      cli(["export", "nowhere-2030"], databaseUrl),
      cli(["export", "shanxi-2021-county", "--version", "7"], databaseUrl),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(SHANXI_2021_COUNTY)));
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toContain("没有代码为 nowhere-2030 的评价方案");
    expect(noVersion).toMatchObject({ code: 1, stderr: "评价方案 shanxi-2021-county 没有第 7 版\n" });
  });
});

describe("npm run scheme -- usage", () => {
  it("prints Chinese usage and exits 2 for a missing or unknown command", async () => {
    const cases = [[], ["delete", "x"], ["validate"], ["export", "x", "--version", "0"]];
    const results = await Promise.all(cases.map((args) => cli(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i].join(" ")).toBe(2);
      expect(r.stderr).toContain("用法：npm run scheme -- <命令>");
    });
  });
});
