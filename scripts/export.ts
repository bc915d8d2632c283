// `npm run export -- …`: the Word file of a report without the web server.
//   --demo --out <file.docx>          闻喜县's 2021 demo report, built from the seed data (no database at all)
//   --report <id> --out <file.docx>   a stored report from DATABASE_URL (default file:./data/app.db)
// An operator's tool: it reads the report directly, without a user's access check. Exit codes: 0 written,
// 1 refused (unknown report, unwritable file), 2 usage.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { env, providerOf, sqliteFilePath } from "@/lib/server/env";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel, type ReportViewModelInput } from "@/lib/docx/view-model";
import type { SectionContent } from "@/lib/report/content";
import { cachedScheme } from "@/lib/schemes/server/service";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { argsOf, Refused, runCli, UsageError } from "./cli-args";

const root = path.resolve(import.meta.dirname, "..");

const USAGE = `用法：npm run export -- (--demo | --report <报告编号>) --out <文件.docx>
  --demo            导出演示报告（闻喜县 2021 年），不需要数据库
  --report <编号>   导出数据库（DATABASE_URL）中保存的报告`;

function parse(argv: string[]): { demo: boolean; reportId?: string; out: string } {
  const args = argsOf(argv);
  const out = args.value("--out");
  const reportId = args.value("--report");
  const demo = args.flag("--demo");
  args.done();
  if (!out) throw new UsageError("缺少 --out <文件.docx>");
  if (demo === Boolean(reportId)) throw new UsageError("请指定 --demo 或 --report <报告编号> 之一");
  return { demo, reportId, out };
}

/** The stored report's sections and scheme, read as they are (sections never saved are simply absent). */
async function storedReport(reportId: string): Promise<ReportViewModelInput & { year: number }> {
  let url = env().DATABASE_URL;
  if (providerOf(url) === "sqlite") {
    // Opening a missing SQLite file would create an empty database and then report every id as unknown.
    if (!existsSync(sqliteFilePath(url))) throw new Refused(`找不到数据库文件 ${sqliteFilePath(url)}，请检查 DATABASE_URL`);
    url = `file:${sqliteFilePath(url)}`;
  }
  // As `npm start` does: a database one release behind is brought up to date before it is read.
  await migrate(url, root);
  const db = createDb(url);
  try {
    const report = await db.report.findUnique({ where: { id: reportId }, include: { county: { select: { name: true } } } });
    if (!report) throw new Refused(`找不到编号为“${reportId}”的报告，请核对报告编号（可在报告页面的地址栏中查看）`);
    const scheme = await cachedScheme(db, report.schemeId);
    const rows = await db.reportSection.findMany({ where: { reportId } });
    const contents = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.content) as SectionContent]));
    return { scheme, contents, countyName: report.county.name, year: report.year };
  } finally {
    await db.$disconnect();
  }
}

async function main(argv: string[]): Promise<number> {
  const { demo, reportId, out } = parse(argv);
  const input = demo
    ? { scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县" }
    : await storedReport(reportId!);
  const bytes = await renderReportDocx(buildReportViewModel(input));
  try {
    writeFileSync(out, bytes);
  } catch (error) {
    throw new Refused(`无法写入文件 ${out}（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）`);
  }
  console.log(`已导出：${path.resolve(out)}（${Math.round(bytes.length / 1024)} KB）`);
  return 0;
}

runCli(main, { usage: USAGE, failure: "导出失败" });
