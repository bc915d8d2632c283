import type { Page } from "@playwright/test";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

const PRESCHOOL = /（十）学前教育普及普惠发展情况/;

async function openSection(page: Page, name: RegExp) {
  await page.getByRole("navigation", { name: "报告大纲" }).getByRole("button", { name }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

async function saved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

/** Issue 14: no page a person reads shows the stored figure tokens, only their values. */
async function noFigureTokens(page: Page) {
  await expect(page.locator("body")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("{{figure:");
  await expect(page.locator("body")).not.toContainText("{{");
}

const bar = (page: Page) => page.getByRole("region", { name: "审核流程" });
const panel = (page: Page) => page.getByRole("complementary", { name: "本部分评论" });

test.describe("review workflow", () => {
  test("submit → comment and return with a reason → answer, edit, resubmit → redline → city and province accept → read-only", async ({ county, pageAs, createReport, fillReport }) => {
    test.setTimeout(300_000);
    const reportId = await createReport(county);
    await fillReport(reportId, county.editor);
    const url = `/reports/${reportId}`;

    // The editor finishes the report: the demo text counts one primary school twice (types add up to 194).
    const editor = await pageAs(county.editor);
    await editor.goto(url);
    await openSection(editor, /一、基本情况/);
    await noFigureTokens(editor);
    await editor.getByRole("textbox", { name: "小学（所）", exact: true }).fill("67");
    await saved(editor);

    // The county lead submits.
    const lead = await pageAs(county.lead);
    await lead.goto("/");
    await expect(lead).toHaveURL(/\/reports$/);
    await lead.goto(url);
    await bar(lead).getByRole("button", { name: "提交审核" }).click();
    await bar(lead).getByRole("button", { name: "确认提交" }).click();
    await expect(bar(lead)).toContainText("已提交，等待督导审核。");
    await expect(bar(lead)).toContainText("状态：已提交 · 待市级审核");
    await expect(lead.getByRole("status").filter({ hasText: "报告已提交，正在审核中，当前为只读。" })).toBeVisible();

    // The city reviewer comments on the 学前教育 figure and returns the report with a reason.
    const city = await pageAs(DEMO.city_reviewer.username);
    await city.goto("/");
    await expect(city).toHaveURL(/\/review$/);
    await city.goto(url);
    await openSection(city, PRESCHOOL);
    const form = panel(city).getByRole("form", { name: "发表评论" });
    await form.getByLabel("针对").selectOption({ label: "学前三年毛入园率" });
    await form.getByLabel("评论内容").fill("毛入园率的分母请写明口径（3至5周岁常住人口）。");
    await form.getByRole("button", { name: "发表评论" }).click();
    await expect(panel(city).getByRole("article", { name: "评论：学前三年毛入园率" })).toContainText("待县区答复");
    await noFigureTokens(city); // the reviewer's view of the section, with the comment beside it
    await bar(city).getByRole("button", { name: "退回修改" }).click();
    const dialog = city.getByRole("dialog", { name: "退回修改" });
    await dialog.getByRole("button", { name: "确认退回" }).click();
    await expect(dialog.getByRole("alert")).toContainText("请写明退回理由");
    await dialog.getByLabel("退回理由").fill("学前教育部分毛入园率的口径未说明，请补充后重新提交。");
    await dialog.getByRole("button", { name: "确认退回" }).click();
    await expect(bar(city)).toContainText("状态：退回修改");
    await city.screenshot({ path: "test-results/screens/review-returned.png" });

    // The county sees the reason and the comment at the field, edits, answers 已修改, and the lead resubmits.
    await editor.reload();
    await expect(bar(editor).getByRole("note", { name: "退回理由" })).toContainText("学前教育部分毛入园率的口径未说明");
    await openSection(editor, PRESCHOOL);
    const thread = panel(editor).getByRole("article", { name: "评论：学前三年毛入园率" });
    await expect(thread).toContainText("毛入园率的分母请写明口径");
    const text = editor.getByRole("textbox", { name: /学前三年毛入园率完成情况/ });
    await text.click();
    await editor.keyboard.press("Control+End");
    await editor.keyboard.insertText("计算口径：分母为3至5周岁常住人口。");
    await saved(editor);
    await thread.getByRole("button", { name: "已修改" }).click();
    await expect(thread).toContainText("县区已答复：已修改");
    await expect(thread.getByRole("list", { name: "回复" })).toContainText("【已修改】");
    await editor.screenshot({ path: "test-results/screens/review-answered.png" });

    await lead.reload();
    await bar(lead).getByRole("button", { name: "提交审核" }).click();
    await bar(lead).getByRole("button", { name: "确认提交" }).click();
    await expect(bar(lead)).toContainText("第 2 次提交");

    // The reviewer reads a redline of only the changed section, then accepts; the province accepts after.
    await city.reload();
    await bar(city).getByRole("link", { name: /查看本次修改/ }).click();
    await expect(city.getByText("1 个部分有修改")).toBeVisible();
    const changed = city.getByRole("region", { name: PRESCHOOL });
    await expect(changed.locator("ins")).toContainText("计算口径：分母为3至5周岁常住人口。");
    await expect(changed.getByRole("list", { name: "此前的意见" })).toContainText("县区：已修改");
    await expect(city.getByRole("region", { name: /一、基本情况/ })).toHaveCount(0);
    await city.screenshot({ path: "test-results/screens/review-changes.png", fullPage: true });
    await noFigureTokens(city); // the redline
    await city.getByRole("link", { name: "← 返回报告" }).click();
    await expect(bar(city)).toBeVisible();
    // History (with a stored version opened), print preview and the audit log read values too.
    await city.goto(`${url}/history`);
    await noFigureTokens(city);
    await city.getByRole("list", { name: "保存记录" }).getByRole("link", { name: /学前教育普及普惠发展情况/ }).first().click();
    await expect(city.getByRole("region", { name: "所选版本" })).toContainText("%");
    await noFigureTokens(city);
    for (const page of ["preview", "audit"]) {
      await city.goto(`${url}/${page}`);
      await noFigureTokens(city);
    }
    await city.goto(url);
    await bar(city).getByRole("button", { name: "审核通过（报送省级）" }).click();
    await bar(city).getByRole("button", { name: "确认通过" }).click();
    await expect(bar(city)).toContainText("状态：已提交 · 待省级审核");

    const province = await pageAs(DEMO.province_reviewer.username);
    await province.goto("/");
    await expect(province).toHaveURL(/\/review$/);
    await province.goto(url);
    await bar(province).getByRole("button", { name: "审核通过" }).click();
    await bar(province).getByRole("button", { name: "确认通过" }).click();
    await expect(bar(province)).toContainText("状态：审核通过");

    // The county can no longer edit, and the server refuses a save sent anyway.
    await editor.reload();
    await expect(editor.getByRole("status").filter({ hasText: "报告已审核通过，当前为只读。" })).toBeVisible();
    await openSection(editor, PRESCHOOL);
    await expect(editor.getByRole("textbox", { name: /学前三年毛入园率完成情况/ })).not.toBeEditable();
    const refused = await editor.request.put(`/api/reports/${reportId}/sections/meta`, {
      data: { baseVersion: 99, content: {} },
      headers: { origin: new URL(editor.url()).origin },
    });
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    await expect(bar(editor).getByRole("button", { name: "提交审核" })).toHaveCount(0);

    // Only the province, whose acceptance made it final, can take it back — with a reason the county reads.
    await city.reload();
    await expect(bar(city).getByRole("button", { name: "撤销通过" })).toHaveCount(0);
    await province.reload();
    await bar(province).getByRole("button", { name: "撤销通过" }).click();
    const reopen = province.getByRole("dialog", { name: "撤销审核通过" });
    await reopen.getByLabel("撤销理由").fill("省级复核发现学前教育数据与统计年报不一致，请核对后重新提交。");
    await reopen.getByRole("button", { name: "确认撤销" }).click();
    await expect(bar(province)).toContainText("状态：退回修改");
    await province.screenshot({ path: "test-results/screens/review-reopened.png" });
    await editor.reload();
    await expect(bar(editor).getByRole("note", { name: "退回理由" })).toContainText("省级复核发现学前教育数据与统计年报不一致");
    await expect(bar(editor).getByRole("note", { name: "退回理由" })).toContainText("撤销审核通过的理由");
    await expect(editor.getByRole("textbox", { name: /学前三年毛入园率完成情况/ })).toBeEditable();
    await province.goto(`${url}/audit`);
    await expect(province.getByRole("main")).toContainText("撤销审核通过");
    await expect(province.getByRole("main")).toContainText("撤销理由");
  });

  test("the accept dialog warns of the county's unanswered questions and lists them; the county cannot resolve a reviewer's thread", async ({ county, pageAs, createReport, fillReport }) => {
    test.setTimeout(180_000);
    const reportId = await createReport(county);
    await fillReport(reportId, county.editor);
    const editor = await pageAs(county.editor);
    await editor.goto(`/reports/${reportId}`);
    await openSection(editor, /一、基本情况/);
    await editor.getByRole("textbox", { name: "小学（所）", exact: true }).fill("67");
    await saved(editor);

    // The county asks the reviewers a question of its own.
    await openSection(editor, PRESCHOOL);
    const ask = panel(editor).getByRole("form", { name: "发表评论" });
    await ask.getByLabel("评论内容").fill("请问普惠性幼儿园覆盖率是否包含民办普惠园？");
    await ask.getByRole("button", { name: "发表评论" }).click();
    await expect(panel(editor).getByRole("article", { name: "评论：整个部分" })).toContainText("请问普惠性幼儿园覆盖率");

    const lead = await pageAs(county.lead);
    await lead.goto(`/reports/${reportId}`);
    await bar(lead).getByRole("button", { name: "提交审核" }).click();
    await bar(lead).getByRole("button", { name: "确认提交" }).click();
    await expect(bar(lead)).toContainText("已提交，等待督导审核。");

    const city = await pageAs(DEMO.city_reviewer.username);
    await city.goto(`/reports/${reportId}`);
    await bar(city).getByRole("button", { name: "审核通过（报送省级）" }).click();
    const dialog = city.getByRole("dialog", { name: "审核通过" });
    await expect(dialog.getByRole("alert")).toContainText("县区还有 1 条提问未答复");
    await expect(dialog.getByRole("list", { name: "未答复的县区提问" })).toContainText("请问普惠性幼儿园覆盖率是否包含民办普惠园？");
    await expect(dialog.getByRole("list", { name: "未答复的县区提问" })).toContainText("学前教育");
    await city.screenshot({ path: "test-results/screens/review-accept-questions.png" });
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();

    // The reviewer answers it instead: the warning is gone, and the report is accepted.
    await openSection(city, PRESCHOOL);
    const question = panel(city).getByRole("article", { name: "评论：整个部分" });
    await question.getByRole("button", { name: "回复" }).click();
    await question.getByRole("textbox", { name: "回复内容" }).fill("包含，按认定的普惠性民办园计。");
    await question.getByRole("button", { name: "回复", exact: true }).click();
    await expect(question.getByRole("list", { name: "回复" })).toContainText("包含，按认定的普惠性民办园计。");
    await city.reload();
    await bar(city).getByRole("button", { name: "审核通过（报送省级）" }).click();
    await expect(city.getByRole("dialog", { name: "审核通过" }).getByRole("alert")).toHaveCount(0);
    await city.getByRole("dialog", { name: "审核通过" }).getByRole("button", { name: "确认通过" }).click();
    await expect(bar(city)).toContainText("状态：已提交 · 待省级审核");
  });

  test("a reviewer at the wrong level or with an empty reason is refused clearly", async ({ page, signInAs }) => {
    // The demo report of 闻喜县 is a draft: a reviewer sees no decision buttons, only the state.
    await signInAs(page, "province_reviewer");
    await page.goto("/reports");
    await page.getByRole("link", { name: /闻喜县 2021 年自评报告/ }).click();
    await expect(bar(page)).toContainText("县区尚未提交，您可以先阅读和发表评论");
    await expect(bar(page).getByRole("button")).toHaveCount(0);
  });
});
