import type { Page } from "@playwright/test";
import { SHANXI_2021 } from "./helpers";
import { expect, test } from "./test";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function openSection(page: Page, name: RegExp) {
  await page.getByRole("navigation", { name: "报告大纲" }).getByRole("button", { name }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

async function saved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

test.describe("report authoring", () => {
  test("fill 基本情况 and three criteria; figures compute live; an unmet target proposes a problem; evidence; reload keeps everything", async ({ page, county, signIn }) => {
    // The longest walk through the editor (five sections, evidence, reloads): more than the default 60 s when the
    // machine is busy.
    test.setTimeout(120_000);
    // This one creates its report through the 新建报告 form; the others have theirs made for them.
    await signIn(page, county.editor);
    await page.goto("/");
    await expect(page).toHaveURL(/\/reports$/);
    await page.getByLabel("评价方案").selectOption({ label: SHANXI_2021 });
    await page.getByRole("button", { name: "创建报告" }).click();
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    const url = page.url();

    await openSection(page, /一、基本情况/);
    await page.getByLabel("正文").fill(`${county.name}位于运城市北部，下辖10镇2乡。`);
    await page.getByRole("textbox", { name: "学校（园）总数（所）", exact: true }).fill("193");
    await page.getByRole("textbox", { name: /国土面积/ }).fill("1167");
    await saved(page);

    await openSection(page, /（十）学前教育普及普惠发展情况/);
    await page.getByRole("textbox", { name: "学前三年适龄人口（人）" }).fill("10755");
    await page.getByRole("textbox", { name: "在园幼儿数（不含托班）（人）" }).fill("10736");
    await page.getByRole("textbox", { name: "在园幼儿数（含托班）（人）" }).fill("12149");
    await page.getByRole("textbox", { name: "公办园在园幼儿（人）", exact: true }).fill("6776");
    const gross = page.getByTestId("indicator-preschool_gross_enrolment_rate");
    await expect(gross.getByTestId("value")).toHaveText("99.82%");
    await expect(gross.getByTestId("status")).toHaveText("达标");
    const share = page.getByTestId("indicator-public_kindergarten_share");
    await expect(share.getByTestId("value")).toHaveText("55.77%");
    await expect(share.getByTestId("status")).toHaveText("达标");
    // Bad figures are refused at the field and never saved.
    const kindergartens = page.getByRole("textbox", { name: "公办幼儿园（所）", exact: true });
    await kindergartens.fill("五十六");
    await expect(page.getByText("请输入数字", { exact: true })).toBeVisible();
    // …and held back from saving: nothing the box cannot read reaches the server.
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "error");
    await kindergartens.fill("-3");
    await expect(page.getByText("不能为负数", { exact: true })).toBeVisible();
    await kindergartens.fill("56");
    const grossText = page.getByRole("textbox", { name: /学前三年毛入园率完成情况/ });
    await grossText.fill("全县学前三年毛入园率达到");
    await grossText.press("End");
    await page.getByTestId("field-criterion-preschool--sub-gross_enrolment").getByRole("button", { name: "插入数据" }).click();
    await page.getByRole("combobox", { name: /搜索数据/ }).fill("毛入园");
    await page.getByRole("dialog", { name: "插入数据" }).getByRole("option", { name: /^学前三年毛入园率/ }).click();
    await expect(grossText).toHaveText("全县学前三年毛入园率达到99.82%");
    await page.getByLabel("上传佐证材料").setInputFiles({ name: "普惠性幼儿园认定文件.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByRole("link", { name: "普惠性幼儿园认定文件.pdf" })).toBeVisible();
    await saved(page);
    await page.screenshot({ path: "test-results/screens/editor-preschool.png", fullPage: true });

    await openSection(page, /（七）规范民办义务教育发展情况/);
    await page.getByRole("textbox", { name: "义务教育阶段在校生（人）", exact: true }).fill("35556");
    await page.getByRole("textbox", { name: "民办义务教育阶段在校生（人）", exact: true }).fill("6132");
    const priv = page.getByTestId("indicator-private_compulsory_share");
    await expect(priv.getByTestId("value")).toHaveText("17.25%");
    await expect(priv.getByTestId("status")).toHaveText("未达标");
    await saved(page);

    await openSection(page, /（一）全面加强党对教育工作的领导情况/);
    await page.getByRole("textbox", { name: /建立健全工作机制情况/ }).fill("成立县委教育工作领导小组，定期研究教育工作。");
    await saved(page);

    await openSection(page, /三、存在问题和改进措施/);
    await expect(page.getByText(/民办义务教育在校生占比.*为 17.25%，未达标/)).toBeVisible();
    await page.getByRole("button", { name: "列为问题" }).click();
    const problem = page.getByRole("listitem", { name: "问题 1" });
    await expect(problem.getByRole("textbox", { name: "问题" })).toHaveValue(/民办义务教育在校生占比为17.25%/);
    await problem.getByRole("textbox", { name: "措施内容" }).fill("逐校明确处置方式和时限，2023年将占比降至5%以内。");
    await problem.getByLabel("牵头单位").fill("县教育局");
    await problem.getByLabel("完成时限").fill("2023-08");
    await saved(page);
    await page.screenshot({ path: "test-results/screens/editor-problems.png", fullPage: true });

    await page.goto(url + "?s=criterion:preschool");
    await expect(page.getByTestId("indicator-preschool_gross_enrolment_rate").getByTestId("value")).toHaveText("99.82%");
    await expect(page.getByRole("textbox", { name: "公办幼儿园（所）", exact: true })).toHaveValue("56");
    await expect(page.getByRole("link", { name: "普惠性幼儿园认定文件.pdf" })).toBeVisible();
    await openSection(page, /三、存在问题和改进措施/);
    await expect(page.getByRole("listitem", { name: "问题 1" }).getByLabel("牵头单位")).toHaveValue("县教育局");
    await openSection(page, /一、基本情况/);
    await expect(page.getByRole("textbox", { name: "学校（园）总数（所）", exact: true })).toHaveValue("193");

    // 提交前检查 lists what is missing, with links to the fields.
    await page.getByRole("button", { name: /提交前检查/ }).click();
    await expect(page.getByRole("heading", { name: "提交前检查" })).toBeVisible();
    await page.getByRole("button", { name: /深化新时代教育评价改革情况：正文尚未填写/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: /（二）深化新时代教育评价改革情况/ })).toBeVisible();
    await expect(page.getByLabel("正文")).toBeFocused();

    // History: the saves are listed and can be compared.
    await page.goto(url + "/history");
    await expect(page.getByRole("list", { name: "保存记录" })).toContainText("（十）学前教育普及普惠发展情况");
  });

  test("two people editing one section end in a conflict dialog, not a lost edit", async ({ county, pageAs, createReport }) => {
    const url = `/reports/${await createReport(county)}`;
    const a = await pageAs(county.editor);
    const b = await pageAs(county.lead);
    await b.goto("/");
    await expect(b).toHaveURL(/\/reports$/);
    await b.goto(url + "?s=criterion:evaluation_reform");
    await a.goto(url + "?s=criterion:evaluation_reform");
    await a.getByLabel("正文").fill("填报员写的评价改革情况。");
    await saved(a);
    await b.getByLabel("正文").fill("审核员同时写的另一段。");
    const dialog = b.getByRole("dialog");
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(dialog.getByRole("region", { name: "我的版本" })).toContainText("审核员同时写的另一段。");
    await expect(dialog.getByRole("region", { name: "已保存的版本" })).toContainText("填报员写的评价改革情况。");
    await b.screenshot({ path: "test-results/screens/editor-conflict.png" });
    await dialog.getByRole("button", { name: "保留我的版本" }).click();
    await saved(b);
    await a.reload();
    await expect(a.getByLabel("正文")).toHaveText("审核员同时写的另一段。");
    // Nothing was lost: the other text is in the history.
    await a.goto(url + "/history");
    await expect(a.getByRole("list", { name: "保存记录" }).getByRole("link")).toHaveCount(3);
  });

  test("typing offline and coming back keeps the text; a reload before the save keeps it too", async ({ page, context, county, signIn, createReport }) => {
    const url = `/reports/${await createReport(county)}`;
    await signIn(page, county.editor);
    await page.goto(url + "?s=criterion:supervision_reform");
    await expect(page.getByLabel("正文")).toBeVisible();
    await context.setOffline(true);
    await page.getByLabel("正文").fill("断网时写下的督导改革情况。");
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
    await expect(page.getByTestId("save-status")).toContainText("离线");
    await context.setOffline(false);
    await saved(page);

    await page.getByLabel("正文").fill("刷新前来不及保存的文字。");
    await page.reload();
    await expect(page.getByLabel("正文")).toHaveText("刷新前来不及保存的文字。");
    await saved(page);
    await page.reload();
    await expect(page.getByLabel("正文")).toHaveText("刷新前来不及保存的文字。");
  });

  test("the outline works with the keyboard alone", async ({ page, county, openNewReport }) => {
    await openNewReport(page, county);
    const outline = page.getByRole("navigation", { name: "报告大纲" });
    await outline.getByRole("button", { name: /标题与引言/ }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: /一、基本情况/ })).toBeVisible();
  });
});
