import type { Page } from "@playwright/test";
import { DEMO } from "./helpers";
import { expect as baseExpect, test } from "./test";

// Several users and pages per test: generous limits, so a busy CI machine does not fail them.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const PRESCHOOL = /（十）学前教育普及普惠发展情况/;
const outlineEntry = (page: Page) => page.getByRole("navigation", { name: "报告大纲" }).getByRole("button", { name: PRESCHOOL });
const panel = (page: Page) => page.getByRole("complementary", { name: "本部分评论" });
const bell = (page: Page) => page.getByTestId("notification-bell");

/** The city reviewer's page (signed in, at the start page) on the report's 学前教育 section; its comment form. */
async function reviewerOn(page: Page, url: string) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/review$/);
  await page.goto(url);
  await outlineEntry(page).click();
  return panel(page).getByRole("form", { name: "发表评论" });
}

test.describe("notifications, comment library and audit log", () => {
  test("a reviewer comments; the county editor sees the count in the header and the item, opens it, marks all read", async ({ county, pageAs, openNewReport }) => {
    const editor = await pageAs(county.editor);
    await openNewReport(editor, county);
    const url = editor.url();
    await expect(bell(editor)).toHaveAccessibleName("通知");

    const reviewer = await pageAs(DEMO.city_reviewer.username);
    const form = await reviewerOn(reviewer, url);
    await form.getByLabel("针对").selectOption({ label: "学前三年毛入园率" });
    await form.getByLabel("评论内容").fill("毛入园率所用适龄人口请注明统计来源。<b>纯文本</b>");
    await form.getByRole("button", { name: "发表评论" }).click();
    await expect(panel(reviewer).getByRole("article", { name: "评论：学前三年毛入园率" })).toBeVisible();
    await form.getByLabel("评论内容").fill("整体写得清楚。");
    await form.getByRole("button", { name: "发表评论" }).click();
    await expect(panel(reviewer).getByRole("article")).toHaveCount(2);

    await editor.reload();
    await expect(bell(editor).getByTestId("unread-count")).toHaveText("2");
    await expect(bell(editor)).toHaveAccessibleName("通知（2 条未读）");
    await editor.screenshot({ path: "test-results/screens/notifications-bell.png", clip: { x: 0, y: 0, width: 1366, height: 120 } });
    await bell(editor).click();
    await expect(editor).toHaveURL(/\/notifications$/);
    const list = editor.getByRole("list", { name: "通知列表" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.locator('[data-read="false"]')).toHaveCount(2);
    const first = list.getByRole("listitem").filter({ hasText: "毛入园率所用适龄人口" });
    await expect(first).toContainText(`王芳（运城市督导室）对${county.name}报告“（十）学前教育普及普惠发展情况”（学前三年毛入园率）发表评论：毛入园率所用适龄人口请注明统计来源。<b>纯文本</b>`);
    await expect(first.locator("b")).toHaveCount(0);
    await editor.screenshot({ path: "test-results/screens/notifications-page.png", fullPage: true });

    // Clicking an item marks it read and opens the report at the commented section.
    await first.getByRole("link").click();
    await expect(editor).toHaveURL(`${url}?s=${encodeURIComponent("criterion:preschool")}`);
    await expect(editor.getByRole("heading", { level: 2, name: /（十）学前教育普及普惠发展情况/ })).toBeVisible();
    await expect(bell(editor).getByTestId("unread-count")).toHaveText("1");
    await bell(editor).click();
    await expect(list.locator('[data-read="true"]')).toHaveCount(1);
    await editor.screenshot({ path: "test-results/screens/notifications-mixed.png", clip: { x: 0, y: 0, width: 1366, height: 420 } });
    await editor.getByRole("button", { name: "全部标为已读" }).click();
    await expect(list.locator('[data-read="false"]')).toHaveCount(0);
    await expect(bell(editor).getByTestId("unread-count")).toHaveCount(0);
    await expect(editor.getByRole("button", { name: "全部标为已读" })).toBeDisabled();
  });

  test("a reviewer saves a phrase, reuses it, and sends it to several counties at once; the audit log shows it", async ({ county: withReport, newCounty, pageAs, createReport }) => {
    const without = await newCounty();
    const url = `/reports/${await createReport(withReport)}`;
    const editor = await pageAs(withReport.editor);

    const reviewer = await pageAs(DEMO.city_reviewer.username);
    const form = await reviewerOn(reviewer, url);
    const phrase = `请补充数据来源（统计年报），并注明统计口径。${withReport.code}`;
    await form.getByLabel("评论内容").fill(phrase);
    await form.getByRole("button", { name: "保存为常用意见" }).click();
    await expect(form.getByRole("status").filter({ hasText: "已保存为常用意见" })).toBeVisible();
    await form.getByLabel("评论内容").fill("");
    await form.getByRole("button", { name: /^常用意见/ }).click();
    await expect(form.getByRole("region", { name: "常用意见" })).toContainText("已用 0 次");
    await panel(reviewer).screenshot({ path: "test-results/screens/phrases-picker-open.png" });
    await form.getByRole("region", { name: "常用意见" }).getByRole("button", { name: new RegExp(withReport.code) }).click();
    await expect(form.getByLabel("评论内容")).toHaveValue(phrase);
    await reviewer.screenshot({ path: "test-results/screens/phrases-picker.png" });
    await form.getByRole("button", { name: "发表评论" }).click();
    await expect(panel(reviewer).getByRole("article")).toContainText(phrase);

    await reviewer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "常用意见" }).click();
    const row = reviewer.getByRole("list", { name: "我的常用意见" }).getByRole("listitem").filter({ hasText: phrase });
    await expect(row).toContainText("已用 1 次");
    await reviewer.screenshot({ path: "test-results/screens/phrases-page.png", fullPage: true });
    await row.getByRole("link", { name: "发给多个县区" }).click();
    await expect(reviewer).toHaveURL(/\/phrases\/apply\?phrase=/);
    await expect(reviewer.getByLabel("评论内容")).toHaveValue(phrase);
    await reviewer.getByLabel("评价方案").selectOption({ label: "2021年对县级政府履行教育职责的评价方案" });
    await reviewer.getByLabel("报告部分").selectOption({ label: "（十）学前教育普及普惠发展情况" });
    await reviewer.getByRole("checkbox", { name: withReport.name, exact: true }).check();
    await reviewer.getByRole("checkbox", { name: `${without.name}（未创建报告）` }).check();
    await reviewer.getByRole("button", { name: "发给所选 2 个县区" }).click();
    await expect(reviewer.getByRole("status").filter({ hasText: "已向" })).toHaveText("已向 1 个县区的报告发表评论；1 个县区尚未创建报告，已跳过");
    await reviewer.screenshot({ path: "test-results/screens/phrases-apply.png", fullPage: true });

    // The county sees two threads on the section, and its report's audit log tells who did what.
    await editor.goto(url);
    await expect(outlineEntry(editor).getByTestId("comment-badge")).toContainText("2");
    await editor.getByRole("link", { name: "操作记录" }).click();
    await expect(editor).toHaveURL(`${url}/audit`);
    const log = editor.getByRole("list", { name: "操作记录" });
    await expect(log.getByRole("listitem")).toHaveCount(3);
    await expect(log.getByRole("listitem").first()).toContainText("发表评论");
    await expect(log.getByRole("listitem").first()).toContainText("王芳（运城市督导室） · 市级督导 · 运城市");
    await expect(log.getByRole("listitem").last()).toContainText("创建报告");
    await editor.screenshot({ path: "test-results/screens/audit-log.png", fullPage: true });

    // Another county's editor is told the page does not exist.
    const other = await pageAs(without.editor);
    await other.goto("/");
    await expect(other).toHaveURL(/\/reports$/);
    const response = await other.goto(`${url}/audit`);
    expect(response?.status()).toBe(404);
  });
});
