// Writing like a document (issue 14): figure chips inserted from a searchable picker, paste from Word, numbers the
// field cannot read kept away from the figures and the server, prose warnings dismissed and shown to reviewers,
// someone else's save noticed while the section is open, and the read-only views as reviewers see them.
import type { Page } from "@playwright/test";
import { entryText, unzip } from "../lib/docx/testing/unzip";
import { parseXml } from "../lib/docx/testing/xml";
import { withoutJoins } from "../lib/docx/joins";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

async function saved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

async function wordParagraphs(page: Page, reportId: string): Promise<string> {
  const res = await page.request.get(`/api/reports/${reportId}/export`);
  expect(res.status()).toBe(200);
  return parseXml(entryText(unzip(Buffer.from(await res.body())), "word/document.xml")).paragraphs.map(withoutJoins).join("\n");
}

const field = (page: Page, id: string) => page.getByTestId(`field-${id}`);

test.describe("the rich narrative editor", () => {
  test("a clerk inserts 学前三年毛入园率 by typing “毛入园”; the chip shows 99.82%, follows the inputs, and the reviewer and the Word file show the value", async ({ page, county, openNewReport, pageAs }) => {
    test.setTimeout(180_000);
    const reportId = await openNewReport(page, county);
    await page.goto(`/reports/${reportId}?s=criterion:preschool`);
    await page.getByRole("textbox", { name: "学前三年适龄人口（人）" }).fill("10755");
    await page.getByRole("textbox", { name: "在园幼儿数（不含托班）（人）" }).fill("10736");

    const text = page.getByRole("textbox", { name: /学前三年毛入园率完成情况/ });
    await text.click();
    await page.keyboard.insertText("按户籍人口统计，全县学前三年毛入园率为");
    await field(page, "criterion-preschool--sub-gross_enrolment").getByRole("button", { name: "插入数据" }).click();
    const picker = page.getByRole("dialog", { name: "插入数据" });
    await page.keyboard.type("毛入园");
    await expect(picker.getByRole("option").first()).toContainText("学前三年毛入园率");
    await expect(picker.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await expect(picker.getByRole("group", { name: /（十）学前教育普及普惠发展情况 · 计算结果/ })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/editor-figure-picker.png" });
    await page.keyboard.press("Enter");
    await expect(picker).toHaveCount(0);
    const chip = text.getByTestId("figure-chip");
    await expect(chip).toHaveText("99.82%");
    await expect(chip).toHaveAttribute("title", "学前三年毛入园率");
    // The cursor is after the chip: typing goes on.
    await page.keyboard.insertText("，超过90%的目标。");
    await expect(text).toHaveText("按户籍人口统计，全县学前三年毛入园率为99.82%，超过90%的目标。");
    await saved(page);

    // The inputs change; the chip follows.
    await page.getByRole("textbox", { name: "在园幼儿数（不含托班）（人）" }).fill("10700");
    await expect(chip).toHaveText("99.49%");
    await saved(page);
    await page.screenshot({ path: "test-results/screens/editor-figure-chip.png" });
    // Recently used figures come first next time.
    await field(page, "criterion-preschool--sub-public_share").getByRole("button", { name: "插入数据" }).click();
    await expect(picker.getByRole("group", { name: "最近使用" }).getByRole("option")).toHaveText([/学前三年毛入园率/]);
    await page.keyboard.press("Escape");
    await expect(picker).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: /公办园在园幼儿占比完成情况/ })).toBeFocused();

    // The city reviewer reads the same value, with no save state in a view they cannot edit.
    const reviewer = await pageAs(DEMO.city_reviewer.username);
    await reviewer.goto(`/reports/${reportId}?s=criterion:preschool`);
    const read = reviewer.getByRole("textbox", { name: /学前三年毛入园率完成情况/ });
    await expect(read).toHaveText("按户籍人口统计，全县学前三年毛入园率为99.49%，超过90%的目标。");
    await expect(read.getByTestId("figure-chip")).toHaveText("99.49%");
    await expect(reviewer.getByTestId("save-status")).toHaveCount(0);
    await expect(reviewer.locator("body")).not.toContainText("{{figure:");
    // The print preview offers a reviewer the way back to the report, not "to editing".
    await reviewer.goto(`/reports/${reportId}/preview`);
    await expect(reviewer.getByRole("region", { name: "正文" })).toContainText("全县学前三年毛入园率为99.49%，超过90%的目标。");
    await expect(reviewer.getByRole("link", { name: "← 返回报告" })).toBeVisible();
    await expect(reviewer.getByRole("link", { name: "← 返回编辑" })).toHaveCount(0);

    const word = await wordParagraphs(reviewer, reportId);
    expect(word).toContain("按户籍人口统计，全县学前三年毛入园率为99.49%，超过90%的目标。");
    expect(word).not.toContain("{{");
  });

  test("paste from Word keeps the paragraphs and the lists and drops the rest; bold and lists from the toolbar reach the Word file", async ({ page, county, openNewReport }) => {
    const reportId = await openNewReport(page, county);
    await page.goto(`/reports/${reportId}?s=next_steps`);
    const intro = page.getByRole("textbox", { name: "总体打算（导语）" });
    await intro.click();
    const html =
      "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><style>p.MsoNormal{font-family:仿宋}</style></head><body lang=ZH-CN>" +
      "<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16pt;font-family:仿宋;color:red'>下一步，我县将重点做好以下工作：</span></p>" +
      "<p class=MsoNormal><b><span style='font-family:黑体'>一是加强理论学习，</span></b><span>增强理论功底。</span></p>" +
      "<p class=MsoNormal><span>二是改进工作\r\n作风。</span></p>" +
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;</span></span><span>新建公办幼儿园</span></p>" +
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>2.</span><span>认定普惠性民办园</span></p>" +
      "<table><tr><td>学校</td><td>193所</td></tr></table><p><img src='file:///C:/tmp/image001.png'><a href='https://example.com'>链接文字</a></p></body></html>";
    await page.evaluate((h) => {
      const data = new DataTransfer();
      data.setData("text/html", h);
      data.setData("text/plain", "（纯文本不应被使用）");
      document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await expect(intro.locator("ol[data-numbering='yishi'] > li")).toHaveText(["加强理论学习，增强理论功底。", "改进工作作风。"]);
    await expect(intro.locator("ol[data-numbering='paren'] > li")).toHaveText(["新建公办幼儿园", "认定普惠性民办园"]);
    await expect(intro.locator("p").first()).toHaveText("下一步，我县将重点做好以下工作：");
    await expect(intro).toContainText("学校，193所");
    await expect(intro).toContainText("链接文字");
    await expect(intro.locator("strong, b, img, a, span[style], table")).toHaveCount(0);

    // The writer's own bold, and a （1） list made from the toolbar.
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+b");
    await page.keyboard.insertText("确保");
    await page.keyboard.press("Control+b");
    await page.keyboard.insertText("各项措施落实到位。");
    await saved(page);
    const word = await wordParagraphs(page, reportId);
    for (const line of ["下一步，我县将重点做好以下工作：", "一是加强理论学习，增强理论功底。", "二是改进工作作风。", "（1）新建公办幼儿园", "（2）认定普惠性民办园", "确保各项措施落实到位。"]) {
      expect(word).toContain(line);
    }
    const xml = entryText(unzip(Buffer.from(await (await page.request.get(`/api/reports/${reportId}/export`)).body())), "word/document.xml");
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}确保/);
  });

  test("a number the field cannot read never reaches the chips, the figures or the server", async ({ page, county, openNewReport }) => {
    const reportId = await openNewReport(page, county);
    await page.goto(`/reports/${reportId}?s=criterion:preschool`);
    await page.getByRole("textbox", { name: "学前三年适龄人口（人）" }).fill("10755");
    const enrolled = page.getByRole("textbox", { name: "在园幼儿数（不含托班）（人）" });
    await enrolled.fill("10736");
    await saved(page);
    const gross = page.getByTestId("indicator-preschool_gross_enrolment_rate").getByTestId("value");
    await expect(gross).toHaveText("99.82%");
    // Typed one key at a time, "18a4" passes through 1 and 18 (valid) before it is not.
    await enrolled.fill("");
    await enrolled.pressSequentially("18a4");
    await expect(page.getByText("请输入数字", { exact: true })).toBeVisible();
    await expect(gross).toHaveText("未填写");
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "error");
    await expect(page.getByTestId("save-status")).toContainText("需要修改后才能保存");
    await page.waitForTimeout(2500);
    // Leaving and coming back: the server still has 10736 (18, passed while typing, was never sent); the box
    // shows what was typed, from the local draft, with its error — nothing typed is lost either.
    await page.reload();
    const res = await page.request.get(`/api/reports/${reportId}/sections/${encodeURIComponent("criterion:preschool")}?content=1`);
    expect((await res.json()).content.values.preschool_enrolled).toBe(10736);
    await expect(page.getByRole("textbox", { name: "在园幼儿数（不含托班）（人）" })).toHaveValue("18a4");
    await expect(page.getByText("请输入数字", { exact: true })).toBeVisible();
    await expect(page.getByRole("status", { name: "已恢复本机草稿" })).toBeVisible();
    await expect(gross).toHaveText("未填写");
  });

  test("a prose warning is dismissed with one click and a reason, stops counting in the outline, and the reviewer sees it dismissed", async ({ page, county, openNewReport, pageAs }) => {
    const reportId = await openNewReport(page, county);
    await page.goto(`/reports/${reportId}?s=profile`);
    await page.getByRole("textbox", { name: "初级中学（所）" }).fill("10");
    // 撤并 counts a change: "初中4所" there is not the county's 10 初中; "现有初中11所" is.
    await page.getByLabel("正文").fill("2021年全县撤并小学（含教学点）46所、初中4所，现有初中11所。");
    const box = page.getByRole("region", { name: "文字与数据核对" });
    await expect(box.getByRole("listitem")).toHaveText([/文中“初中”为 11所，与填报数据 10所 不一致/]);
    const outline = page.getByRole("navigation", { name: "报告大纲" }).getByRole("button", { name: /一、基本情况/ });
    const before = Number(await outline.locator("span[title='待处理问题']").innerText());
    await box.getByRole("button", { name: "忽略此提示" }).click();
    await page.getByRole("textbox", { name: "忽略理由（可选）" }).fill("11所含新建的1所，统计年报尚未更新");
    await page.keyboard.press("Enter");
    await expect(box).toContainText("已忽略 1 处提示");
    await expect(box).toContainText("理由：11所含新建的1所，统计年报尚未更新");
    await expect(outline.locator("span[title='待处理问题']")).toHaveText(String(before - 1));
    await saved(page);
    // Remembered: after a reload it is still dismissed.
    await page.reload();
    await expect(page.getByRole("region", { name: "文字与数据核对" })).toContainText("已忽略 1 处提示");

    const reviewer = await pageAs(DEMO.city_reviewer.username);
    await reviewer.goto(`/reports/${reportId}?s=profile`);
    const seen = reviewer.getByRole("region", { name: "文字与数据核对" });
    await expect(seen).toContainText("已忽略 1 处提示");
    await expect(seen).toContainText("理由：11所含新建的1所，统计年报尚未更新");
    await expect(seen.getByRole("button")).toHaveCount(0);
    await reviewer.getByRole("button", { name: /提交前检查/ }).click();
    await expect(reviewer.getByRole("article", { name: "提交前检查" })).toContainText("忽略理由：11所含新建的1所，统计年报尚未更新");
  });

  test("someone else's save of the open section is announced with 查看 and 合并, and merging loses nothing", async ({ county, openNewReport, pageAs }) => {
    test.setTimeout(120_000);
    const a = await pageAs(county.editor);
    const reportId = await openNewReport(a, county);
    const b = await pageAs(county.lead);
    await a.goto(`/reports/${reportId}?s=criterion:evaluation_reform`);
    await a.getByLabel("正文").fill("填报员写的评价改革情况。");
    await saved(a);
    await b.goto(`/reports/${reportId}?s=criterion:evaluation_reform`);
    await b.getByLabel("正文").fill("审核员补充后的评价改革情况。");
    await saved(b);

    const notice = a.getByRole("status", { name: "他人修改了本部分" });
    await expect(notice).toContainText(`${county.name}审核员`, { timeout: 20_000 });
    await expect(notice).toContainText("修改了本部分");
    await a.screenshot({ path: "test-results/screens/editor-remote-notice.png" });
    await notice.getByRole("button", { name: "查看" }).click();
    await expect(a.getByRole("dialog")).toContainText("审核员补充后的评价改革情况。");
    await a.getByRole("dialog").getByRole("button", { name: "合并" }).click();
    await expect(a.getByLabel("正文")).toHaveText("审核员补充后的评价改革情况。");
    await expect(notice).toHaveCount(0);
    // A goes on from the other version: the next save is no conflict.
    await a.getByLabel("正文").click();
    await a.keyboard.press("Control+End");
    await a.keyboard.insertText("填报员又补充一句。");
    await saved(a);
    await expect(a.getByRole("dialog")).toHaveCount(0);
    await b.reload();
    await expect(b.getByLabel("正文")).toHaveText("审核员补充后的评价改革情况。填报员又补充一句。");
  });
});
