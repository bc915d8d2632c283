import type { Page } from "@playwright/test";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

const PRESCHOOL = /（十）学前教育普及普惠发展情况/;

const outlineEntry = (page: Page) => page.getByRole("navigation", { name: "报告大纲" }).getByRole("button", { name: PRESCHOOL });
const panel = (page: Page) => page.getByRole("complementary", { name: "本部分评论" });

test.describe("comment threads", () => {
  test("a city reviewer comments on 学前三年毛入园率; the county editor sees it beside the section and replies; only the reviewer resolves", async ({ county, pageAs, createReport }) => {
    const url = `/reports/${await createReport(county)}`;
    const editor = await pageAs(county.editor);

    // The reviewer reads the county's report (read-only) and comments on one computed figure.
    const reviewer = await pageAs(DEMO.city_reviewer.username);
    await reviewer.goto("/");
    await expect(reviewer).toHaveURL(/\/review$/);
    await reviewer.goto("/reports");
    await reviewer.getByRole("link", { name: new RegExp(`${county.name} \\d{4} 年自评报告`) }).click();
    await expect(reviewer.getByRole("status").filter({ hasText: "只读" })).toBeVisible();
    await outlineEntry(reviewer).click();
    await expect(reviewer.getByRole("heading", { level: 2, name: PRESCHOOL })).toBeVisible();
    const form = panel(reviewer).getByRole("form", { name: "发表评论" });
    await form.getByLabel("针对").selectOption({ label: "学前三年毛入园率" });
    await form.getByRole("button", { name: "发表评论" }).click();
    await expect(form.getByRole("alert")).toHaveText("请填写评论内容");
    await form.getByLabel("评论内容").fill("毛入园率所用适龄人口请注明统计来源。<b>不是粗体</b>");
    await form.getByRole("button", { name: "发表评论" }).click();
    const thread = panel(reviewer).getByRole("article", { name: "评论：学前三年毛入园率" });
    await expect(thread).toContainText("毛入园率所用适龄人口请注明统计来源。<b>不是粗体</b>");
    await expect(thread).toContainText("王芳（运城市督导室） · 市级督导");
    await expect(form.getByLabel("评论内容")).toHaveValue("");
    await expect(outlineEntry(reviewer).getByTestId("comment-badge")).toContainText("1");
    await reviewer.screenshot({ path: "test-results/screens/comments-reviewer.png" });

    // The county editor sees the thread beside the section and the badge in the outline.
    await editor.goto(url);
    await expect(outlineEntry(editor).getByTestId("comment-badge")).toContainText("1");
    await outlineEntry(editor).click();
    const seen = panel(editor).getByRole("article", { name: "评论：学前三年毛入园率" });
    await expect(seen).toContainText("毛入园率所用适龄人口请注明统计来源。");
    await expect(seen.locator("b")).toHaveCount(0);
    await seen.getByRole("button", { name: "针对：学前三年毛入园率" }).click();
    const indicator = editor.getByTestId("indicator-preschool_gross_enrolment_rate");
    await expect(indicator).toBeInViewport();
    await expect(indicator).toHaveCSS("outline-style", "solid");
    await editor.screenshot({ path: "test-results/screens/comments.png" });

    await seen.getByRole("button", { name: "回复" }).click();
    await seen.getByRole("textbox", { name: "回复内容" }).fill("已补充：适龄人口来自县统计局 2021 年人口抽样数据。");
    await seen.getByRole("button", { name: "回复", exact: true }).click();
    await expect(seen.getByRole("list", { name: "回复" })).toContainText(`已补充：适龄人口来自县统计局 2021 年人口抽样数据。`);
    await expect(seen.getByRole("list", { name: "回复" })).toContainText(`${county.name}填报员 · 县级填报员`);
    // A reviewer's thread is the reviewer's to close: the county answers it and cannot mark it resolved.
    await expect(seen.getByRole("button", { name: "标记已解决" })).toHaveCount(0);
    await expect(seen).toContainText("由督导标记已解决");

    // The reviewer sees the reply after a reload and resolves the thread.
    await reviewer.reload();
    await outlineEntry(reviewer).click();
    const answered = panel(reviewer).getByRole("article", { name: "评论：学前三年毛入园率" });
    await expect(answered).toContainText("已补充：适龄人口来自县统计局 2021 年人口抽样数据。");
    await answered.getByRole("button", { name: "标记已解决" }).click();
    await expect(outlineEntry(reviewer).getByTestId("comment-badge")).toHaveCount(0);

    // The county editor sees it resolved, by the reviewer.
    await editor.reload();
    await outlineEntry(editor).click();
    await expect(outlineEntry(editor).getByTestId("comment-badge")).toHaveCount(0);
    await expect(panel(editor)).toContainText("本部分暂无未解决的评论。");
    await expect(indicator).toHaveCSS("outline-style", "none");
    await panel(editor).getByText("已解决（1）").click();
    await expect(panel(editor).getByRole("list", { name: "已解决的评论" })).toContainText("王芳（运城市督导室） 于");

    // The reviewer may reopen the thread.
    await panel(reviewer).getByText("已解决（1）").click();
    const resolved = panel(reviewer).getByRole("article", { name: "评论：学前三年毛入园率" });
    await expect(resolved).toContainText("已补充：适龄人口来自县统计局 2021 年人口抽样数据。");
    await resolved.getByRole("button", { name: "重新打开" }).click();
    await expect(outlineEntry(reviewer).getByTestId("comment-badge")).toContainText("1");
  });

  test("an over-long comment is refused with a clear message and nothing is stored", async ({ page, county, openNewReport }) => {
    await openNewReport(page, county);
    const form = panel(page).getByRole("form", { name: "发表评论" });
    await form.getByLabel("评论内容").fill("字".repeat(2001));
    await expect(form).toContainText("2001/2000");
    await form.getByRole("button", { name: "发表评论" }).click();
    await expect(form.getByRole("alert")).toHaveText("评论内容过长：最多 2000 字");
    await page.reload();
    await expect(panel(page)).toContainText("本部分暂无未解决的评论。");
  });
});

test("a reviewer downloads the Word file with review comments as native Word comments", async ({ page, signInAs }) => {
  await signInAs(page, "city_reviewer");
  await page.goto("/reports");
  await page.getByRole("link", { name: /闻喜县 2021 年自评报告/ }).click();
  await page.getByRole("navigation", { name: "报告大纲" }).getByRole("button", { name: /（十）学前教育/ }).click();
  const form = panel(page).getByRole("form", { name: "发表评论" });
  await form.getByLabel("评论内容").fill("请注明学前三年适龄人口的统计口径。");
  await form.getByRole("button", { name: "发表评论" }).click();
  await expect(page.getByText("请注明学前三年适龄人口的统计口径。").first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Word（含批注）" }).click()]);
  expect(download.suggestedFilename()).toBe("闻喜县-2021-自评报告.docx");
  const { execFileSync } = await import("node:child_process");
  const xml = execFileSync("unzip", ["-p", await download.path(), "word/comments.xml"], { encoding: "utf8" });
  expect(xml).toContain("请注明学前三年适龄人口的统计口径。");
  expect(xml).toContain("王芳（运城市督导室）（市级督导）");
});
