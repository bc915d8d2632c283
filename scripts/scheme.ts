// `npm run scheme -- <command>`: evaluation schemes for operators, without the browser.
//   list                          every stored scheme version
//   export <code> [--version N]   the stored JSON (newest version unless --version) on stdout
//   validate <file.json>          checks a scheme file exactly as the upload page does; needs no database
// Exit codes: 0 done, 1 refused (unknown scheme, invalid file), 2 usage.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { env, providerOf, sqliteFilePath } from "@/lib/server/env";
import { ensureBuiltinSchemes, listSchemes, SCHEME_MAX_BYTES, SchemeValidationError } from "@/lib/schemes/server/service";
import { schemeIndicators, schemeInputs } from "@/lib/template/lookup";
import { validateScheme } from "@/lib/template/validate-scheme";
import { runCli, UsageError } from "./cli-args";

const root = path.resolve(import.meta.dirname, "..");

const USAGE = `用法：npm run scheme -- <命令>
  list                          列出已保存的评价方案（代码、版本、年度、名称、来源）
  export <代码> [--version N]   输出已保存方案的 JSON（默认最新版本）
  validate <文件.json>          检查评价方案文件（与上传页面的检查相同，不需要数据库）`;

/** The same checks and the same lines as the upload page (SchemeValidationError formats both: 1-based location,
 *  message, the value found, the path). */
function validateFile(file: string): number {
  let text: string;
  try {
    // readFileSync keeps a byte-order mark that the browser's File.text() drops; drop it too, so both agree.
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === "ENOENT" ? `找不到文件 ${file}` : `无法读取文件 ${file}（${code ?? "未知错误"}）`);
    return 1;
  }
  if (text.length > SCHEME_MAX_BYTES) {
    console.error("文件过大：评价方案 JSON 不能超过 512 KB");
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return printErrors([{ path: "", message: `不是有效的 JSON：${(error as Error).message}` }]);
  }
  const result = validateScheme(json);
  if (!result.ok) return printErrors(result.errors, json);
  const s = result.scheme;
  const counts = `${s.criteria.length} 项评价重点，${schemeInputs(s).length} 个数据项，${schemeIndicators(s).length} 个计算指标`;
  console.log(`有效：${s.code} 第 ${s.version} 版，${counts}`);
  return 0;
}

function printErrors(errors: { path: string; message: string }[], json: unknown = null): number {
  const { rows } = new SchemeValidationError(errors, json);
  console.error(`无效：发现 ${rows.length} 处错误`);
  for (const row of rows) console.error(row.message);
  return 1;
}

async function list(db: Db): Promise<number> {
  const { all } = await listSchemes(db);
  for (const s of all) console.log([s.code, `第 ${s.version} 版`, `${s.year} 年`, s.title, s.builtin ? "内置" : "上传"].join("\t"));
  return 0;
}

async function exportScheme(db: Db, code: string, version: number | undefined): Promise<number> {
  const row = await db.scheme.findFirst({ where: { code, ...(version ? { version } : {}) }, orderBy: { version: "desc" } });
  if (!row) {
    console.error(version ? `评价方案 ${code} 没有第 ${version} 版` : `没有代码为 ${code} 的评价方案（可用 list 命令查看）`);
    return 1;
  }
  console.log(JSON.stringify(JSON.parse(row.definition), null, 2));
  return 0;
}

/** Opens DATABASE_URL the way `npm start` does: absolute SQLite path, migrations applied, built-in schemes present. */
async function withDb(run: (db: Db) => Promise<number>): Promise<number> {
  let url = env().DATABASE_URL;
  if (providerOf(url) === "sqlite") url = `file:${sqliteFilePath(url)}`;
  await migrate(url, root);
  const db = createDb(url);
  try {
    await ensureBuiltinSchemes(db);
    return await run(db);
  } finally {
    await db.$disconnect();
  }
}

function parseVersion(args: string[]): number | undefined {
  const at = args.indexOf("--version");
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new UsageError("--version 后应为正整数");
  args.splice(at, 2);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === "validate" && args.length === 1) return validateFile(args[0]);
  if (command === "list" && args.length === 0) return withDb(list);
  if (command === "export") {
    const version = parseVersion(args);
    if (args.length === 1) return withDb((db) => exportScheme(db, args[0], version));
  }
  throw new UsageError(command ? `无法识别的命令或参数：${argv.join(" ")}` : "缺少命令");
}

runCli(main, { usage: USAGE, failure: "执行失败" });
