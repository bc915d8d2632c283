import { readFileSync } from "node:fs";
import type { Locator } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, test } from "./test";

test("a city reviewer scans the region: status table, indicator matrix with unmet targets, filters, Excel export", async ({ page, county: fresh, signInAs }) => {
  // `fresh`: a county of 运城市 without a report; other specs add theirs beside it
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signInAs(page, "city_reviewer");
  await expect(page.getByRole("heading", { name: "运城市辖区概览" })).toBeVisible();

  // Status table: the demo's 闻喜县 report (a draft), the counties without a report as 未开始.
  const table = page.getByRole("table", { name: "运城市所辖县区" });
  const wenxi = table.getByRole("row").filter({ hasText: "闻喜县" });
  await expect(wenxi).toContainText("草稿");
  await expect(wenxi.getByRole("link", { name: "闻喜县" })).toHaveAttribute("href", /\/reports\/[0-9a-f-]{36}$/);
  await expect(table.getByRole("row").filter({ hasText: fresh.name })).toContainText("未开始");
  await expect(page.getByText("尧都区")).toHaveCount(0);
  await expect(page.getByTestId("count-draft")).toContainText(/[1-9]/);

  // Matrix: 民办义务教育在校生占比 17.25% against ≤ 5% is highlighted; the header keeps the full name in its title.
  const matrix = page.getByRole("table", { name: "指标一览" });
  await expect(matrix.getByRole("columnheader", { name: /民办义务教育在校生占比/ })).toHaveAttribute("title", /民办义务教育在校生占比（%）；目标 ≤ 5%/);
  const unmet = matrix.getByRole("row").filter({ hasText: "闻喜县" }).locator("td[data-unmet]");
  await expect(unmet).toHaveCount(1);
  await expect(unmet).toContainText("17.25");
  // Filled (Tailwind's colours are lab(), so compare with a cell that meets its target rather than with a value).
  const fill = (cell: Locator) => cell.evaluate((el) => getComputedStyle(el).backgroundColor);
  const met = matrix.getByRole("row").filter({ hasText: "闻喜县" }).locator("td:not([data-unmet]):not([data-missing])").first();
  expect(await fill(unmet)).not.toBe(await fill(met));
  await page.screenshot({ path: "test-results/screens/review-dashboard.png", fullPage: true });

  // Filter by status through the tiles: 未开始 leaves 闻喜县 out; the URL keeps the filter.
  await page.getByTestId("count-none").click();
  await expect(page).toHaveURL(/status=none/);
  await expect(table.getByRole("row").filter({ hasText: "闻喜县" })).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: fresh.name })).toBeVisible();
  // …and through the form, where several statuses can be ticked (decision 029): 未提交 instead of 未开始.
  await page.getByTestId("filter-status").locator("summary").click();
  await page.getByRole("checkbox", { name: "未开始" }).uncheck();
  await page.getByRole("checkbox", { name: "未提交" }).check();
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=draft/);
  await expect(page).not.toHaveURL(/status=none/);
  await expect(table).toContainText("闻喜县");
  await expect(table.getByRole("row").filter({ hasText: fresh.name })).toHaveCount(0);

  // The export repeats the view's filters.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(download.suggestedFilename()).toBe("运城市-2021-辖区概览.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["概览", "指标"]);
  const counties = wb.getWorksheet("概览")!.getColumn(1).values.slice(2);
  expect(counties).toContain("闻喜县");
  expect(counties).not.toContain(fresh.name);

  // The batch Word download is offered for the year on view.
  await expect(page.getByRole("button", { name: /下载 2021 年全部报告/ })).toBeVisible();
});
