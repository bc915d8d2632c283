// Times are Beijing time wherever they are printed, whatever the zone of the server (the webServer runs at TZ=UTC,
// e2e/playwright.config.ts) or of the browser (UTC here too). One report goes through a save, a submission and a
// review comment; each moment is read back from the row the server wrote, and every place that prints it must print
// the same Beijing time: /reports (最后编辑), the editor's status line, the history, 操作记录, the notification, the
// Word file's comment date and the reviewer's .xlsx export (提交日期). Every time of day tells a UTC print from a
// Beijing one by the hour; the date-only places (提交日期) differ from a UTC print only between 16:00 and 24:00 UTC.
// With lib/dates.ts's time zone taken out, every soft check below fails (tried: status line, /reports, history,
// review bar, 操作记录, comment thread, notification, dashboard and .xlsx, the dates in the 16–24 h window).
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { entryText, unzip } from "../lib/docx/testing/unzip";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

test.use({ timezoneId: "UTC" });

/**
 * A server moment as Beijing's clocks show it, worked out without any time-zone database: China keeps UTC+8 all
 * year (no daylight saving since 1991), so the UTC fields of the instant eight hours later are Beijing's fields.
 */
function beijing(at: Date) {
  const iso = new Date(at.getTime() + 8 * 3600_000).toISOString(); // 2026-12-03T01:23:45.678Z
  const date = iso.slice(0, 10).replaceAll("-", "/");
  const seconds = iso.slice(11, 19);
  const minutes = seconds.slice(0, 5);
  return {
    /** 2026/12/03 01:23 */
    datetime: `${date} ${minutes}`,
    /** 2026/12/03 01:23:45 */
    datetimeSeconds: `${date} ${seconds}`,
    /** 12/03 01:23:45 */
    shortSeconds: `${date.slice(5)} ${seconds}`,
    /** 12/03 01:23 */
    short: `${date.slice(5)} ${minutes}`,
    /** 2026/12/03 */
    date,
    /** 01:23 */
    time: minutes,
    /** 2026-12-03T01:23:45: Word's w:date holds the wall-clock time (lib/dates.ts wordLocalDate) */
    word: iso.slice(0, 19),
  };
}

test("a server at UTC prints one save, its submission and a comment in Beijing time on every page, in Word and in Excel", async ({ county, seed, pageAs, createReport, fillReport }) => {
  test.setTimeout(180_000);
  const reportId = await createReport(county);
  await fillReport(reportId, county.editor);
  const url = `/reports/${reportId}`;

  // The save: the editor corrects the demo text's primary-school count (its school types add up to 194, not 193).
  const editor = await pageAs(county.editor);
  await editor.goto(`${url}?s=profile`);
  await editor.getByRole("textbox", { name: "小学（所）", exact: true }).fill("67");
  const status = editor.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const revision = await seed.db.sectionRevision.findFirstOrThrow({ where: { reportId, sectionKey: "profile" }, orderBy: { version: "desc" } });
  const report = await seed.db.report.findUniqueOrThrow({ where: { id: reportId } });
  expect(report.lastEditedAt?.getTime()).toBe(revision.createdAt.getTime()); // one moment, written once per save
  const saved = beijing(revision.createdAt);
  // Not the same as the server's own clock would print (UTC is eight hours behind).
  expect(saved.time).not.toBe(revision.createdAt.toISOString().slice(11, 16));

  // Soft: a failure names every place that prints a wrong time, not only the first.
  await expect.soft(status).toHaveText(`已保存 ${saved.time}`);
  await editor.goto("/reports");
  await expect.soft(editor.getByRole("row").filter({ hasText: `${county.name} 2021 年自评报告` })).toContainText(saved.datetime);
  await editor.goto(`${url}/history`);
  await expect.soft(editor.getByRole("list", { name: "保存记录" })).toContainText(`第 ${revision.version} 版 · ${county.name}填报员 · ${saved.shortSeconds}`);

  // The submission: the lead submits; the reviewer's export prints the date, 操作记录 the time to the second.
  const lead = await pageAs(county.lead);
  await lead.goto(url);
  const bar = lead.getByRole("region", { name: "审核流程" });
  await bar.getByRole("button", { name: "提交审核" }).click();
  await bar.getByRole("button", { name: "确认提交" }).click();
  await expect(bar).toContainText("状态：已提交 · 待市级审核");
  const submittedAt = (await seed.db.report.findUniqueOrThrow({ where: { id: reportId } })).submittedAt!;
  const submitted = beijing(submittedAt);
  await expect.soft(bar).toContainText(`第 1 次提交于 ${submitted.datetime}`);
  const submitEvent = await seed.db.auditEvent.findFirstOrThrow({ where: { targetId: reportId, action: "report.submit" } });
  await lead.goto(`${url}/audit`);
  const log = lead.getByRole("list", { name: "操作记录" });
  await expect.soft(log.locator('[data-action="report.submit"]')).toContainText(beijing(submitEvent.createdAt).datetimeSeconds);

  // The comment: the city reviewer comments; the county sees it in the thread and in its notifications, and the
  // reviewer's Word file carries its date.
  const reviewer = await pageAs(DEMO.city_reviewer.username);
  await reviewer.goto(`${url}?s=criterion:preschool`);
  const panel = reviewer.getByRole("complementary", { name: "本部分评论" });
  const form = panel.getByRole("form", { name: "发表评论" });
  await form.getByLabel("评论内容").fill("请注明在园幼儿数的统计时点。");
  await form.getByRole("button", { name: "发表评论" }).click();
  await expect(panel.getByRole("article")).toContainText("请注明在园幼儿数的统计时点。");
  const comment = await seed.db.comment.findFirstOrThrow({ where: { reportId, body: "请注明在园幼儿数的统计时点。" } });
  await expect.soft(panel.getByRole("article")).toContainText(`王芳（运城市督导室） · 市级督导 · ${beijing(comment.createdAt).short}`);

  const editorUser = await seed.db.user.findUniqueOrThrow({ where: { username: county.editor } });
  const notice = await seed.db.notification.findFirstOrThrow({ where: { userId: editorUser.id, reportId, kind: "comment" } });
  await editor.goto("/notifications");
  await expect.soft(editor.getByRole("list", { name: "通知列表" }).getByRole("listitem").filter({ hasText: "请注明在园幼儿数的统计时点。" })).toContainText(beijing(notice.createdAt).datetime);

  const word = await reviewer.request.get(`/api/reports/${reportId}/export?comments=1`);
  expect(word.status()).toBe(200);
  const commentsXml = entryText(unzip(Buffer.from(await word.body())), "word/comments.xml");
  const dates = [...commentsXml.matchAll(/w:date="([^"]+)"/g)].map((m) => m[1]);
  expect(dates).toHaveLength(1);
  expect.soft(dates[0]).toMatch(new RegExp(`^${beijing(comment.createdAt).word}(\\.\\d+)?Z$`));

  // The reviewer's dashboard and its .xlsx export: 提交日期 is the Beijing date of the submission.
  // Year and scheme are named: the dashboard opens at the latest year and its most used scheme, and other specs on
  // this server may add reports that change both.
  const { year, schemeCode } = await seed.db.report.findUniqueOrThrow({ where: { id: reportId } });
  await reviewer.goto(`/review?year=${year}&scheme=${schemeCode}`);
  const table = reviewer.getByRole("table", { name: "运城市所辖县区" });
  await expect.soft(table.getByRole("row").filter({ hasText: county.name })).toContainText(submitted.date);
  const [download] = await Promise.all([reviewer.waitForEvent("download"), reviewer.getByRole("link", { name: "导出 Excel" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("概览")!;
  const column = (sheet.getRow(1).values as unknown[]).indexOf("提交日期");
  expect(column).toBeGreaterThan(0);
  const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === county.name)!;
  expect.soft(row.getCell(column).value).toBe(submitted.date);
});
