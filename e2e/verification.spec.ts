// Issue 16 items 1–2 in the browser: a city reviewer verifies a submitted report (agrees with most figures, disputes
// one with a reason), marks two comments as findings, composes the 督导反馈意见书 from them, downloads it (rendered by
// LibreOffice and measured), sends it; the county opens it from its notification, sees the dispute, and the
// reviewer sees the read receipt. Screens at 1366×768 go to test-results/screens/.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { actorFor } from "../lib/testing/actors";
import { saveSection } from "../lib/report/server/save-section";
import { loadReport } from "../lib/report/server/service";
import { addComment } from "../lib/review/comments/server";
import { submitReport } from "../lib/review/workflow/server";
import type { TNarrativeContent } from "../lib/report/content";
import { convertToPdf, lines, pageSizes, plainText, PT_PER_MM, words } from "../lib/docx/testing/render";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

const SCREENS = "test-results/screens";
const FINDINGS = ["普惠性幼儿园覆盖率的测算口径不清，未说明民办普惠园的认定依据", "学前教育专任教师配备不足，未附编制部门核定文件"];
const panel = (page: Page) => page.getByRole("complementary", { name: "本部分评论" });

test("a city reviewer verifies, composes and sends the 督导反馈意见书; the county reads it and sees the dispute", async ({ county, seed, pageAs, createReport, fillReport }, testInfo) => {
  test.setTimeout(300_000);
  mkdirSync(SCREENS, { recursive: true });
  const reportId = await createReport(county);
  await fillReport(reportId, county.editor);
  // Submitted through the services (e2e/review.spec.ts clicks through submitting): the demo's one 提交前检查 finding fixed first.
  const editorActor = await actorFor(seed.db, county.editor);
  const { versions, contents } = await loadReport(seed.db, editorActor, reportId);
  const profile = contents.profile as TNarrativeContent;
  await saveSection(seed.db, editorActor, { reportId, key: "profile", baseVersion: versions.profile.version, content: { ...profile, values: { ...profile.values, schools_primary: 67 } } });
  await submitReport(seed.db, await actorFor(seed.db, county.lead), { reportId });
  const reviewerActor = await actorFor(seed.db, DEMO.city_reviewer.username);
  for (const body of FINDINGS) await addComment(seed.db, reviewerActor, { reportId, sectionKey: "criterion:preschool", anchor: null, body });

  // 核定: dispute 学前三年毛入园率 with a reason and an evidence reference, agree with everything else.
  const city = await pageAs(DEMO.city_reviewer.username);
  await city.goto(`/reports/${reportId}`);
  await city.getByRole("link", { name: "核定", exact: true }).click();
  await expect(city.getByRole("heading", { level: 1 })).toHaveText(`市级核定：${county.name} 2021 年`);
  const summary = city.getByRole("status").filter({ hasText: "已核定" });
  await expect(summary).toContainText("已核定 0 项");
  await city.getByRole("button", { name: "有异议：学前三年毛入园率" }).click();
  const form = city.getByRole("form", { name: "核定：学前三年毛入园率" });
  await form.getByRole("button", { name: "保存核定" }).click();
  await expect(form.getByRole("alert").first()).toContainText("请填写核定值");
  await form.getByLabel("核定值").fill("96.50%");
  await form.getByLabel("核定理由").fill("适龄人口应以公安户籍与常住人口孰高计算，经复核为 96.50%");
  await form.getByLabel("佐证说明").fill("现场核查记录第 3 页");
  await form.getByRole("button", { name: "保存核定" }).click();
  await expect(form).toHaveCount(0);
  await expect(summary).toContainText("已核定 1 项，其中有异议 1 项");
  await city.getByRole("button", { name: /^其余 \d+ 项全部同意$/ }).click();
  await expect(summary).toContainText(/共 (\d+) 项，已核定 \1 项，其中有异议 1 项/);
  const disputedRow = city.locator(`tr[data-item="indicator:preschool_gross_enrolment_rate"]`);
  await expect(disputedRow).toContainText("有异议");
  await expect(disputedRow).toContainText("核定为 96.50%");
  await expect(disputedRow).toContainText("99.82%");
  await city.screenshot({ path: `${SCREENS}/verification-reviewer.png` });

  // 标为问题 on both threads, in the report's comment panel.
  await city.goto(`/reports/${reportId}?s=${encodeURIComponent("criterion:preschool")}`);
  for (const body of FINDINGS) {
    const thread = panel(city).getByRole("article").filter({ hasText: body });
    await thread.getByRole("button", { name: "标为问题" }).click();
    await expect(thread.getByRole("button", { name: "取消标为问题" })).toBeVisible();
  }

  // The feedback, pre-filled from the two findings and the dispute; edited, saved, downloaded, sent.
  await city.getByRole("link", { name: "督导反馈意见书" }).first().click();
  await expect(city.getByRole("heading", { level: 1 })).toHaveText(`市级督导反馈意见书：${county.name} 2021 年`);
  const problems = city.getByLabel("二、存在问题");
  for (const body of FINDINGS) await expect(problems).toHaveValue(new RegExp(body));
  await expect(problems).toHaveValue(/适龄人口应以公安户籍与常住人口孰高计算/);
  await expect(city.getByRole("complementary")).toContainText("核定有异议（1）");
  const requirementFields = city.getByRole("textbox", { name: /^整改要求 \d+$/ });
  expect(await requirementFields.count()).toBeGreaterThanOrEqual(3);
  await city.getByLabel("一、主要成效").fill(`${county.name}认真开展自评工作，学前教育普及普惠水平稳步提升。`);
  await city.getByLabel("整改期限").fill("2027-03-31");
  await expect(city.getByRole("button", { name: "发送给县区" })).toBeDisabled();
  await city.getByRole("button", { name: "保存草稿" }).click();
  await expect(city.getByRole("status").filter({ hasText: "已保存草稿" })).toBeVisible();
  await city.evaluate(() => window.scrollTo(0, 0));
  await city.screenshot({ path: `${SCREENS}/feedback-reviewer.png` });

  const [download] = await Promise.all([city.waitForEvent("download"), city.getByRole("link", { name: "下载 Word" }).click()]);
  expect(download.suggestedFilename()).toBe(`${county.name}-2021-督导反馈意见书.docx`);
  const docx = testInfo.outputPath("feedback.docx");
  await download.saveAs(docx);
  const pdf = convertToPdf(docx);
  const text = plainText(pdf).replace(/\s+/g, "");
  for (const t of [`${county.name}人民政府：`, "运城市人民政府教育督导室", "主要成效", "学前教育普及普惠水平稳步提升", ...FINDINGS, "核定情况表", "96.50%"]) expect(text).toContain(t);
  // GB/T 9704 as printed: A4, text block 28 mm from the left, first line 37 mm from the top.
  const all = words(pdf);
  for (const s of pageSizes(pdf)) expect([Math.round(s.width), Math.round(s.height)]).toEqual([595, 842]);
  const first = lines(all, 1);
  expect(Math.abs(first.find((l) => l.text === `${county.name}人民政府：`)!.x / PT_PER_MM - 28)).toBeLessThanOrEqual(1);
  expect(first[0].y / PT_PER_MM).toBeGreaterThanOrEqual(37);
  execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "3", pdf, path.join(SCREENS, "feedback-docx")]);

  await city.getByRole("button", { name: "发送给县区" }).click();
  await city.getByRole("button", { name: "确定发送" }).click();
  await expect(city.getByRole("status").filter({ hasText: "发送" })).toContainText("县区尚未阅读");

  // The county: the notice opens the feedback; the dispute is listed; the reviewer then sees 已读.
  const editor = await pageAs(county.editor);
  await editor.goto("/notifications");
  const notice = editor.getByRole("list", { name: "通知列表" }).getByRole("listitem").filter({ hasText: "督导反馈意见书" });
  await expect(notice).toContainText("运城市向你县发送了2021年督导反馈意见书");
  await notice.getByRole("link").click();
  await expect(editor).toHaveURL(`/reports/${reportId}/feedback`);
  await expect(editor.getByRole("heading", { name: "二、存在问题" })).toBeVisible();
  await expect(editor.locator("main")).toContainText(FINDINGS[0]);
  await expect(editor.getByRole("complementary")).toContainText("“学前三年毛入园率”自评为 99.82%，核定为 96.50%");
  await editor.screenshot({ path: `${SCREENS}/feedback-county.png` });
  await editor.getByRole("link", { name: "查看全部核定" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已核定" })).toContainText("其中有异议 1 项");
  await expect(editor.locator("tbody tr")).toHaveCount(1);
  await expect(editor.locator("tbody tr")).toContainText("适龄人口应以公安户籍与常住人口孰高计算");
  await expect(editor.getByRole("button", { name: /同意|有异议/ })).toHaveCount(0);
  await editor.screenshot({ path: `${SCREENS}/verification-county.png` });

  await city.reload();
  await expect(city.getByRole("status").filter({ hasText: "发送" })).toContainText(/县区已读：.+填报员/);

  // The dashboard counts the dispute (for 2021: it opens on the latest year, and e2e/ledger.spec.ts adds a 2022 scheme).
  await city.goto("/review?year=2021");
  await expect(city.getByRole("link", { name: `${county.name}核定有异议 1 项` })).toBeVisible();
});
