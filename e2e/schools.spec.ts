import { withoutJoins } from "../lib/docx/joins";
import { unzip } from "../lib/docx/testing/unzip";
import { generatedSchoolRow, xlsxOf, type SheetCell } from "../lib/schools/testing";
import { expect, test } from "./test";

const QUALITY_BALANCE_TITLE = "县域义务教育优质均衡发展督导评估自评";
// The shipped scheme is at version 2 (scheme model v2: school size and class size per school); new reports use the latest.
const QUALITY_BALANCE = `${QUALITY_BALANCE_TITLE}（第 2 版）`;
const HEADERS = [
  "学校名称",
  "学校类型",
  "学段",
  "学生数（人）",
  "高于规定学历教师数（人）",
  "县级以上骨干教师数（人）",
  "体育艺术专任教师数（人）",
  "教学及辅助用房面积（㎡）",
  "体育运动场馆面积（㎡）",
  "教学仪器设备值（元）",
  "网络多媒体教室数（间）",
];

/** 30 rows that meet every standard: 21 primary, 7 junior and one 九年一贯制 school as two rows. */
const schoolRows = (): SheetCell[][] =>
  Array.from({ length: 30 }, (_, i) => (i < 28 ? generatedSchoolRow(i) : generatedSchoolRow(i, { nineYear: i === 28 ? "primary" : "junior" })));

const xlsx = async (rows: SheetCell[][]) => Buffer.from(await xlsxOf([HEADERS, ...rows]));

test("import a 30-school table: bad rows are listed and nothing is stored; the fixed sheet gives CVs and the Word annex", async ({ page, county, signIn }, testInfo) => {
  // Created through the 新建报告 form, under the second built-in scheme.
  await signIn(page, county.editor);
  await page.goto("/");
  await expect(page).toHaveURL(/\/reports$/);
  await page.getByLabel("评价方案").selectOption({ label: QUALITY_BALANCE });
  await page.getByRole("button", { name: "创建报告" }).click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportId = page.url().split("/").pop()!;

  await page.goto(`/reports/${reportId}?s=table:school_resources`);
  await expect(page.getByRole("heading", { name: "义务教育学校资源配置情况表" })).toBeVisible();

  // Two bad rows: line 8 has text for 学生数, line 13 an unknown school type.
  const good = schoolRows();
  const bad = good.map((r) => [...r]);
  bad[6][3] = "三百";
  bad[11][1] = "高中";
  const picker = page.getByLabel("选择要导入的表格文件");
  await picker.setInputFiles({ name: "学校数据-有错.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await xlsx(bad) });
  await page.getByRole("button", { name: "导入", exact: true }).click();
  const errors = page.getByRole("list", { name: "导入错误" }).getByRole("listitem");
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText("第 8 行「学生数」");
  await expect(errors.nth(0)).toContainText("不是数字");
  await expect(errors.nth(1)).toContainText("第 13 行");
  await expect(page.getByTestId("school-row")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("import-errors.png"), fullPage: true });
  // Nothing was stored: a reload still shows an empty table.
  await page.reload();
  await expect(page.getByText("尚无学校数据：请导入表格")).toBeVisible();

  await page.getByLabel("选择要导入的表格文件").setInputFiles({ name: "学校数据.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await xlsx(good) });
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByText("已从“学校数据.xlsx”导入 30 行学校数据")).toBeVisible();
  await expect(page.getByTestId("school-row")).toHaveCount(30);
  await expect(page.getByTestId("school-table-verdict")).toHaveText(/资源配置达标/);
  const cvs = page.getByRole("table", { name: "差异系数" }).getByRole("row");
  await expect(cvs).toHaveCount(1 + 14);
  await expect(cvs.nth(1)).toContainText("小学");
  await expect(cvs.nth(1)).toContainText("达标");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // A typed change is recomputed at once and autosaved: a school with too few pupils' rooms fails.
  await page.getByLabel("第 1 行网络多媒体教室数").fill("1");
  await expect(page.getByTestId("school-row").first()).toContainText("未达标");
  await expect(page.getByTestId("school-table-verdict")).toHaveText(/未达标/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath("school-table.png"), fullPage: true });

  const res = await page.request.get(`/api/reports/${reportId}/export`);
  expect(res.status()).toBe(200);
  // The Word file joins a number to its unit with no-break characters; the text a reader sees is compared.
  const xml = withoutJoins(unzip(Buffer.from(await res.body())).get("word/document.xml")!.toString("utf8"));
  expect(xml).toContain("附件3");
  expect(xml).toContain("义务教育学校资源配置情况表差异系数计算结果");
  expect(xml).toContain("城关九年制学校");
  expect(xml).toContain("结论：资源配置未达标（1 所学校未达标）");

  const template = await page.request.get(`/api/reports/${reportId}/tables/school_resources/template`);
  expect(template.status()).toBe(200);
  expect(template.headers()["content-disposition"]).toContain("filename*=UTF-8''");
});

test("veto items: answered 是/否 with an explanation, autosaved; the city reviewer sees the triggered item first", async ({ page, county, signIn, signInAs, createReport }, testInfo) => {
  const reportId = await createReport(county, QUALITY_BALANCE_TITLE);
  await signIn(page, county.editor);
  await page.goto(`/reports/${reportId}?s=veto`);
  const items = page.getByTestId("veto-item");
  await expect(items).toHaveCount(6);
  await items.nth(0).getByLabel("否", { exact: true }).check();
  await items.nth(0).getByLabel("情况说明").fill("全县义务教育学校均免试就近入学。");
  await items.nth(2).getByLabel("是", { exact: true }).check();
  await expect(items.nth(2)).toContainText("触发一票否决");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("veto-item").nth(2).getByLabel("是", { exact: true })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath("veto.png"), fullPage: true });

  // The county is under 运城市: its reviewer reads the veto answers above everything else.
  await page.context().clearCookies();
  await signInAs(page, "city_reviewer");
  await page.goto(`/reports/${reportId}`);
  const banner = page.getByTestId("veto-banner");
  await expect(banner).toContainText("1 项回答“是”（触发否决）");
  await expect(banner).toContainText("4 项尚未回答");
  await expect(banner.getByRole("listitem").first()).toContainText("【是】是否存在重点学校或重点班");
  await page.screenshot({ path: testInfo.outputPath("veto-banner.png") });
});
