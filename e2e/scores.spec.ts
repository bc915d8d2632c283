// A scored scheme, as a county fills it (issue 15): the shipped 2023 scored excerpt (two items, 2 + 1 分, step 0.1,
// 宁夏 grades, three answers that cap the grade at 良好). The item scores add up live in the editor, a score above
// 满分 is refused with the reason and never saved (not even the valid "2" typed on the way to "2.5"), the total and
// the grade show in the editor and in the Word file's 自评得分表.
import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { entryText, unzip } from "../lib/docx/testing/unzip";
import { parseXml } from "../lib/docx/testing/xml";
import { withoutJoins } from "../lib/docx/joins";
import { COUNTY_DUTY_2023_SCORED } from "../lib/template/schemes/county-duty-2023-scored";
import { expect, test } from "./test";

const C1 = "criterion:c1_main_responsibility";
const C2 = "criterion:c2_management";

async function saved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

async function storedScore(page: Page, reportId: string, key: string): Promise<unknown> {
  const res = await page.request.get(`/api/reports/${reportId}/sections/${encodeURIComponent(key)}?content=1`);
  expect(res.status()).toBe(200);
  return (await res.json()).content?.score ?? null;
}

test("a scored scheme: scores add up live, a score above 满分 is refused, total and grade in the editor and in the Word file", async ({ page, county, openNewReport }, testInfo) => {
  test.setTimeout(180_000);
  const reportId = await openNewReport(page, county, COUNTY_DUTY_2023_SCORED.title);

  await page.goto(`/reports/${reportId}?s=${encodeURIComponent(C1)}`);
  const field = page.getByTestId("score-field");
  await expect(field.getByRole("heading")).toHaveText("自评得分（满分 2 分，按 0.1 分计）");
  const score = field.getByLabel("得分", { exact: true });
  await expect(page.getByTestId("score-total")).toHaveText("0");
  await expect(page.getByTestId("score-grade")).toHaveText("待评（还有 2 项未评分）");

  // Above 满分, typed key by key: refused at the box, the total does not take it, and nothing goes to the server.
  await score.pressSequentially("2.5");
  await expect(field.getByRole("alert")).toHaveText("自评得分不能超过满分 2 分");
  await expect(score).toHaveValue("2.5");
  await expect(page.getByTestId("score-total")).toHaveText("0");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "error");
  await page.screenshot({ path: testInfo.outputPath("score-refused.png") });
  await page.waitForTimeout(2_500);
  expect(await storedScore(page, reportId, C1)).toBeNull();

  // Off the step, then a valid score with the reason for the deduction.
  await score.fill("1.85");
  await expect(field.getByRole("alert")).toHaveText("得分应为 0.1 分的整数倍（按 0.1 分递减计分）");
  await score.fill("1.8");
  await expect(field.getByRole("alert")).toHaveCount(0);
  await expect(page.getByTestId("score-total")).toHaveText("1.8");
  await field.getByLabel(/评分依据/).fill("年度为民办实事项目中一项未按进度完成，扣 0.2 分。");
  await saved(page);
  expect(await storedScore(page, reportId, C1)).toBe(1.8);

  await page.goto(`/reports/${reportId}?s=${encodeURIComponent(C2)}`);
  await page.getByTestId("score-field").getByLabel("得分", { exact: true }).fill("1");
  await expect(page.getByTestId("score-total")).toHaveText("2.8");
  // 2.8 / 3 = 93.3 %: 优秀 once the three capping questions are answered.
  await expect(page.getByTestId("score-grade")).toContainText("待");
  await saved(page);

  await page.goto(`/reports/${reportId}?s=caps`);
  const items = page.getByTestId("veto-item");
  await expect(items).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await items.nth(i).getByLabel("否", { exact: true }).check();
    await items.nth(i).getByLabel("情况说明").fill("经排查，无此情形。");
  }
  await saved(page);

  await page.goto(`/reports/${reportId}?s=self_score`);
  const sheet = page.getByTestId("score-sheet");
  const table = sheet.getByRole("table", { name: "自评得分表" });
  await expect(table).toContainText("主体责任");
  await expect(table).toContainText("管理体制");
  await expect(sheet.getByTestId("sheet-total")).toHaveText("2.8");
  await expect(sheet.getByTestId("sheet-sentence")).toHaveText("自评总得分为 2.8 分（满分 3 分），自评等次为优秀。");
  await page.screenshot({ path: testInfo.outputPath("score-sheet.png") });

  // The outline carries the total for everyone; a capping answer of 是 would hold the grade at 良好.
  await page.goto(`/reports/${reportId}?s=caps`);
  await items.nth(1).getByLabel("是", { exact: true }).check();
  await items.nth(1).getByLabel("情况说明").fill("2022年发生一起校园安全责任事故，已依法处理。");
  await saved(page);
  await page.goto(`/reports/${reportId}?s=self_score`);
  await expect(sheet.getByTestId("sheet-sentence")).toContainText("自评等次为良好");

  // The Word file: the total sentence in the text, and the 自评得分表 annex with every item, 满分 and 得分.
  const res = await page.request.get(`/api/reports/${reportId}/export`);
  expect(res.status()).toBe(200);
  const docx = Buffer.from(await res.body());
  // Kept beside the screenshots, to render (libreoffice --headless --convert-to pdf) and look at.
  writeFileSync(testInfo.outputPath("scored.docx"), docx);
  const paragraphs = parseXml(entryText(unzip(docx), "word/document.xml")).paragraphs.map(withoutJoins);
  const text = paragraphs.join("\n");
  expect(text).toContain("自评总得分为 2.8 分（满分 3 分），自评等次为良好。");
  expect(text).toContain("自评得分表");
  // Each capping question with its answer and 情况说明, in the text under its part.
  expect(text).toContain("1.当年度行政区域内是否存在教师、学生在D级危房内学习、工作和生活的情况：否。经排查，无此情形。");
  expect(text).toContain("2.近2年是否发生重大以上校园安全责任事故：是。2022年发生一起校园安全责任事故，已依法处理。");
  expect(text).toContain("年度为民办实事项目中一项未按进度完成，扣 0.2 分。");
  expect(text).toContain("自评等次：良好。");
  expect(text).toMatch(/近2年是否发生重大以上校园安全责任事故.*回答为“是”，按方案规定等次最高为良好。/);
  for (const cell of ["合计", "1.8", "2.8"]) expect(paragraphs).toContain(cell);
  expect(paragraphs.some((p) => p.endsWith("主体责任"))).toBe(true);
});
