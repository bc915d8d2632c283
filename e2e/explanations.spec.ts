// Explain instead of alter (issue 14): the 闻喜 report's 193 schools against 194 by type, entered as printed and
// explained in one sentence; submitted; shown to the reviewer as 已说明 and printed in the Word file; rejected once
// by the reviewer, which the county sees reopen; and the finance criterion filled with only the two growth rates
// the finance bureau stated. Every page of the report is walked for machine tokens on the way.
import type { Page } from "@playwright/test";
import { entryText, unzip } from "../lib/docx/testing/unzip";
import { parseXml } from "../lib/docx/testing/xml";
import { withoutJoins } from "../lib/docx/joins";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

const EXPLANATION = "全县4所九年一贯制学校在学校总数中计1所，在分类统计中分别计入小学和初中，故各类学校之和比总数多1所。";
const REJECTION = "请写明按教育事业统计年报口径的各类学校数，并说明差异。";

async function saved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}
const bar = (page: Page) => page.getByRole("region", { name: "审核流程" });
const checkBox = (page: Page) => page.getByRole("group", { name: /核对：各类学校数之和 194 与学校总数 193 不一致/ });

async function wordText(page: Page, reportId: string): Promise<string> {
  const res = await page.request.get(`/api/reports/${reportId}/export`);
  expect(res.status()).toBe(200);
  return parseXml(entryText(unzip(Buffer.from(await res.body())), "word/document.xml")).paragraphs.map(withoutJoins).join("\n");
}

/** No page a person reads shows a figure token. */
async function noTokens(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main, body").first()).toBeVisible();
  expect(await page.locator("body").innerText(), path).not.toContain("{{figure:");
  expect(await page.content(), path).not.toContain("{{figure:");
}

test.describe("情况说明 instead of a changed figure", () => {
  test("193 ≠ 194 explained, submitted, 已说明 for the reviewer and in Word, rejected once and reopened for the county", async ({ county, pageAs, openNewReport, fillReport }) => {
    test.setTimeout(420_000);
    const editor = await pageAs(county.editor);
    const reportId = await openNewReport(editor, county);
    await fillReport(reportId, county.editor);
    const url = `/reports/${reportId}`;

    // The figures as the county printed them: 193 in total, 194 by type. The check blocks…
    await editor.goto(`${url}?s=profile`);
    await expect(editor.getByRole("textbox", { name: "学校（园）总数（所）", exact: true })).toHaveValue("193");
    await expect(checkBox(editor).getByTestId("explain-state")).toHaveText("必须处理");
    await expect(bar(editor).getByTestId("role-hint")).toContainText("提交审核由本县县级审核员完成");
    // …until it is explained in one sentence.
    await checkBox(editor).getByRole("button", { name: "写情况说明" }).click();
    await checkBox(editor).getByRole("textbox").fill(EXPLANATION);
    await expect(checkBox(editor).getByTestId("explain-state")).toHaveText("已说明");
    await saved(editor);
    await editor.screenshot({ path: "test-results/screens/explanation-county.png", fullPage: true });
    await editor.getByRole("button", { name: /提交前检查/ }).click();
    const precheck = editor.getByRole("article", { name: "提交前检查" });
    await expect(precheck).toContainText("没有必须处理的问题");
    await expect(precheck).toContainText("1 项已作情况说明");
    await expect(precheck).toContainText(`情况说明：${EXPLANATION}`);

    // The lead submits: the explained check does not block.
    const lead = await pageAs(county.lead);
    await lead.goto(url);
    await expect(bar(lead).getByTestId("role-hint")).toContainText("您是县级审核员，负责提交本县报告");
    await bar(lead).getByRole("button", { name: "提交审核" }).click();
    await bar(lead).getByRole("button", { name: "确认提交" }).click();
    await expect(bar(lead)).toContainText("已提交，等待督导审核。");

    // The city reviewer sees it highlighted as 已说明, and the Word file prints it where the figures are.
    const city = await pageAs(DEMO.city_reviewer.username);
    await city.goto(`${url}?s=profile`);
    const seen = checkBox(city);
    await expect(seen.getByTestId("explain-state")).toHaveText("已说明");
    await expect(seen.getByLabel("情况说明")).toContainText(EXPLANATION);
    await city.screenshot({ path: "test-results/screens/explanation-reviewer.png", fullPage: true });
    const word = await wordText(city, reportId);
    expect(word).toContain(`情况说明（各类学校数与学校总数）：${EXPLANATION}`);

    // Rejected once, with a comment; the reviewer returns the report.
    await seen.getByRole("button", { name: "不接受…" }).click();
    await seen.getByLabel("不接受的理由（县区会看到）").fill(REJECTION);
    await seen.getByRole("button", { name: "确认不接受" }).click();
    await expect(seen.getByTestId("explain-state")).toHaveText("说明未被接受");
    await expect(seen).toContainText(REJECTION);
    await bar(city).getByRole("button", { name: "退回修改" }).click();
    await city.getByLabel("退回理由").fill("基本情况的情况说明未被接受，请按意见修改后重新提交。");
    await city.getByRole("button", { name: "确认退回" }).click();
    await expect(bar(city)).toContainText("状态：退回修改");

    // The county sees the blocker reopen, with the reviewer's comment.
    await editor.goto(`${url}?s=profile`);
    await expect(checkBox(editor).getByTestId("explain-state")).toHaveText("说明未被接受");
    await expect(checkBox(editor)).toContainText(REJECTION);
    await lead.reload();
    await expect(bar(lead).getByRole("button", { name: "提交审核" })).toBeDisabled();
    await expect(bar(lead).getByRole("list", { name: "提交前需处理" })).toContainText("提交前检查还有 1 个问题未处理");
    await editor.screenshot({ path: "test-results/screens/explanation-rejected.png", fullPage: true });

    // The county rewrites the explanation; the lead submits again; the reviewer accepts it.
    await checkBox(editor).getByRole("textbox").fill(`${EXPLANATION}按教育事业统计年报，小学68所（含九年一贯制学校4所）、初中10所。`);
    await expect(checkBox(editor).getByTestId("explain-state")).toHaveText("已说明");
    await saved(editor);
    await lead.reload();
    await bar(lead).getByRole("button", { name: "提交审核" }).click();
    await bar(lead).getByRole("button", { name: "确认提交" }).click();
    await expect(bar(lead)).toContainText("第 2 次提交");
    await city.goto(`${url}/changes`);
    await expect(city.getByRole("region", { name: /一、基本情况/ }).locator("ins")).toContainText("按教育事业统计年报");
    await city.goto(`${url}?s=profile`);
    await checkBox(city).getByRole("button", { name: "接受说明" }).click();
    await expect(checkBox(city).getByTestId("explain-state")).toHaveText("说明已接受");

    // A comment on a figure, then every page a person reads: no figure token anywhere.
    await city.goto(`${url}?s=criterion:preschool`);
    const form = city.getByRole("complementary", { name: "本部分评论" });
    await form.getByLabel("针对").selectOption({ label: "学前三年毛入园率" });
    await form.getByLabel("评论内容").fill("毛入园率的适龄人口请注明来源。");
    await form.getByRole("button", { name: "发表评论" }).click();
    await expect(form.getByRole("article")).toContainText("毛入园率的适龄人口请注明来源。");
    const revision = await editor.request.get(`${url}/history`);
    expect(revision.status()).toBe(200);
    for (const page of [city, editor]) {
      for (const path of [`${url}?s=profile`, `${url}?s=criterion:preschool`, `${url}?s=criterion:education_funding`, `${url}?s=problems`, `${url}?s=next_steps`, `${url}?s=meta`, `${url}?s=__precheck`, `${url}/history`, `${url}/changes`, `${url}/preview`, `${url}/audit`]) {
        await noTokens(page, path);
      }
    }
    await editor.goto(`${url}/history`);
    const links = editor.getByRole("list", { name: "保存记录" }).getByRole("link");
    for (const i of [0, 3, 8]) {
      await links.nth(i).click();
      await expect(editor.getByRole("region", { name: "所选版本" })).toBeVisible();
      expect(await editor.locator("body").innerText()).not.toContain("{{figure:");
    }
    await editor.goto(`${url}/audit`);
    await expect(editor.locator("body")).toContainText("不接受情况说明");
    await expect(editor.locator("body")).toContainText("接受情况说明");
  });

  test("the finance criterion with only the two stated growth rates and their source: targets evaluated, Word shows them with the source", async ({ page, county, openNewReport }) => {
    test.setTimeout(120_000);
    const reportId = await openNewReport(page, county);
    await page.goto(`/reports/${reportId}?s=criterion:education_funding`);
    for (const [key, value] of [
      ["edu_expenditure_growth", "62.93"],
      ["edu_expenditure_per_student_growth", "2.25"],
    ] as const) {
      const row = page.getByTestId(`indicator-${key}`);
      await expect(row.getByTestId("mode")).toHaveText("按分项计算");
      await row.getByLabel("直接填写结果").check();
      await row.getByRole("textbox", { name: /增长率（%）/ }).fill(value);
      await row.getByRole("textbox", { name: "来源" }).fill("县财政局");
      await expect(row.getByTestId("value")).toHaveText(`${value}%`);
      await expect(row.getByTestId("status")).toHaveText("达标");
      await expect(row.getByTestId("mode")).toHaveText("直接填写 · 来源：县财政局");
    }
    // Last year's amounts were never there; nothing asks for them.
    await expect(page.getByText("已直接填写结果，此项可不填").first()).toBeVisible();
    await saved(page);
    await page.screenshot({ path: "test-results/screens/editor-stated-growth.png", fullPage: true });
    await page.getByRole("button", { name: /提交前检查/ }).click();
    const precheck = page.getByRole("article", { name: "提交前检查" });
    await expect(precheck).not.toContainText("一般公共预算教育支出（上年）");
    await expect(precheck).not.toContainText("一般公共预算教育支出（本年）");
    await expect(precheck).toContainText("（四）财政教育支出情况");

    const word = await wordText(page, reportId);
    expect(word).toMatch(/一般公共预算教育支出增长率\s*62\.93%\s*只增不减\s*达标/);
    expect(word).toContain("一般公共预算教育支出增长率为直接填写的结果（来源：县财政局）。");
    expect(word).toContain("按在校生人数平均的一般公共预算教育支出增长率为直接填写的结果（来源：县财政局）。");
  });
});
