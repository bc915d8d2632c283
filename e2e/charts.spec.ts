// The province at a glance (issue 16 item 4): charts, the 需要我处理 queue and multi-select filters on /review, for a
// province of 120 counties (the bench's seed with varied figures, e2e/fixtures/seed.ts bigProvince), at 1366×768.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { firstLoadJsKb } from "../scripts/bench/first-load";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

test("the dashboard's first-load JS: the chart library is not part of it", async ({ page, signIn, baseURL }) => {
  await signIn(page, DEMO.province_reviewer.username);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const kb = await firstLoadJsKb(baseURL!, "/review", cookie);
  console.log(`review_first_load_js_kb=${kb}`);
  // 268.8 kB before the charts (decision 029); ECharts alone is ~170 kB gzipped, so it cannot hide in a few kB.
  expect(kb).toBeLessThan(285);
});

test("a province reviewer of 120 counties reads the charts, their tables, exports them, and filters by several statuses", async ({ page, seed, signIn }) => {
  test.setTimeout(180_000);
  const reviewer = await seed.bigProvince();
  await signIn(page, reviewer);
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "测试省辖区概览" })).toBeVisible();

  // The queue: reports waiting at the province stage, and the county's question.
  const queue = page.getByRole("list", { name: "需要我处理的事项" });
  await expect(queue).toContainText("待我审核");
  await expect(page.getByText("生均公用经费的口径是否含寄宿生补助？").first()).toBeAttached();

  // Charts are drawn (the library loads after the page) and carry a description for screen readers.
  const status = page.getByTestId("chart-status");
  await expect(status.locator("[data-ready] canvas")).toBeVisible({ timeout: 30_000 });
  await expect(status.getByRole("img")).toHaveAttribute("aria-label", /各市报告状态：基准1市：/);
  const indicator = page.locator('[data-testid^="chart-indicator-"]').first();
  await expect(indicator.locator("[data-ready] canvas")).toBeVisible();
  await expect(indicator.getByRole("img")).toHaveAttribute("aria-label", /120 个县区，目标 .+，\d+ 个未达到/);
  await expect(page.getByTestId("chart-change").locator("[data-ready]")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/charts-province-1366.png" });
  await indicator.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/charts-province-indicator-1366.png" });
  await page.getByTestId("chart-status").screenshot({ path: "test-results/screens/charts-status.png" });
  await page.getByTestId("chart-change").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/charts-change-1366.png" });

  // The data table behind a chart: 120 counties, unmet ones said in words.
  await indicator.getByText("查看数据表").click();
  const table = indicator.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(120);
  await expect(table).toContainText("未达标");

  // The matrix and the status table put a screenful of rows in the page and the rest as the box scrolls; they say
  // how many rows they have.
  const matrix = page.getByRole("table", { name: "指标一览" });
  await expect(matrix).toHaveAttribute("aria-rowcount", "121");
  expect(await matrix.locator("tbody tr[aria-rowindex]").count()).toBeLessThan(60);
  await expect(matrix.locator('tbody tr[aria-rowindex="121"]')).toHaveCount(0);
  await matrix.evaluate((t) => t.parentElement!.scrollTo(0, t.parentElement!.scrollHeight));
  await expect(matrix.locator('tbody tr[aria-rowindex="121"]')).toBeVisible();
  await expect(matrix.locator('tbody tr[aria-rowindex="2"]')).toHaveCount(0);
  await matrix.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/matrix-province-scrolled-1366.png" });
  await matrix.evaluate((t) => t.parentElement!.scrollTo(0, 0));
  await expect(matrix.locator('tbody tr[aria-rowindex="2"]')).toBeVisible();

  // PNG of one chart.
  const [png] = await Promise.all([page.waitForEvent("download"), status.getByRole("button", { name: "下载图片" }).click()]);
  expect(png.suggestedFilename()).toBe("各市报告状态.png");
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe("PNG");

  // Excel with the charts: sheet 图表 holds one image per chart drawn, with its data.
  const charts = await page.locator('[data-testid^="chart-"] [data-ready]').count();
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 Excel（含图表）" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("测试省-2021-辖区概览（含图表）.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["概览", "指标", "图表"]);
  expect(wb.getWorksheet("图表")!.getImages()).toHaveLength(charts);
  expect(wb.getWorksheet("图表")!.getCell("A1").value).toBe("各市报告状态");

  // Several statuses at once, kept in the URL; the status table shows only those.
  await page.getByTestId("filter-status").locator("summary").click();
  await page.getByRole("checkbox", { name: "退回修改" }).check();
  await page.getByRole("checkbox", { name: "审核通过" }).check();
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=returned&status=accepted|status=accepted&status=returned/);
  const statusTable = page.getByRole("table", { name: "测试省所辖县区" });
  // 120 counties, statuses in turns of six: one returned and one accepted each — 40 rows, a screenful of them shown.
  await expect(statusTable).toHaveAttribute("aria-rowcount", "41");
  await expect(page.getByTestId("filter-status").locator("summary")).toContainText("已选 2 项");
  await expect(statusTable).not.toContainText("已提交");
  await statusTable.evaluate((t) => t.parentElement!.scrollTo(0, t.parentElement!.scrollHeight));
  await expect(statusTable.locator('tbody tr[aria-rowindex="41"]')).toBeVisible();
  await expect(statusTable).not.toContainText("已提交");
});
