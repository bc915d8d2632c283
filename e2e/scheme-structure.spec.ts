// The scheme's structure in forms (issue 18): a 督导室 reorders items and parts by dragging from the keyboard, adds a
// 上年问题整改情况 part and a 一票否决 item that caps the grade, turns scoring on with grades, groups the items, meets the
// validator's errors at their fields, saves, and finds it all again after a reload; a county then writes on it.
import { expect, test } from "./test";
import { SHANXI_2021_COUNTY } from "../lib/template/schemes/shanxi-2021";
import { QUALITY_BALANCE_2017_COUNTY } from "../lib/template/schemes/quality-balance-2017";
import type { Locator, Page } from "@playwright/test";

const TITLE = "结构编辑测试方案（e2e）";

/** Drags the item at place `from` (1-based) one place up or down from the keyboard, as dnd-kit's keyboard sensor
 *  expects: Space lifts, an arrow moves, Space drops. Each step waits for what a screen reader is told (the live
 *  region), so a loaded machine cannot drop the item before the move has been measured. */
async function keyboardDrag(page: Page, handle: Locator, key: "ArrowUp" | "ArrowDown", from: number) {
  const to = key === "ArrowUp" ? from - 1 : from + 1;
  const told = (text: string | RegExp) => expect(page.getByRole("status").filter({ hasText: text })).toHaveCount(1);
  await handle.focus();
  await page.keyboard.press("Space");
  // dnd-kit says 已拿起 and at once 移到第 from 位 (the item is over its own place): either means it was picked up.
  await told(new RegExp(`已拿起|移到第 ${from} 位`));
  await page.keyboard.press(key);
  await told(`移到第 ${to} 位`);
  await page.keyboard.press("Space");
  await told(`放在第 ${to} 位`);
}

async function openSection(page: Page, title: string) {
  const section = page.locator("details", { has: page.locator("summary", { hasText: title }) }).first();
  if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open))) await section.locator("summary").first().click();
  return section;
}

test("reorder, parts, groups, scoring and a veto in forms; errors at their fields; saved and written on", async ({ page, county, signInAs, pageAs }) => {
  test.setTimeout(150_000); // a whole scheme's structure, edited the way a person does it
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "admin");
  await page.goto("/admin/schemes");
  await page.getByRole("button", { name: `复制《${SHANXI_2021_COUNTY.title}》为新草稿` }).first().click();
  await expect(page).toHaveURL(/\/admin\/schemes\/drafts\/[0-9a-f-]{36}$/);
  await page.getByLabel("方案名称").fill(TITLE);
  await page.getByLabel("方案代号").fill(`structure-e2e-${Date.now() % 100000}`);

  // Items: the first goes below the second; numbers follow the list.
  const [first, second] = SHANXI_2021_COUNTY.criteria;
  await keyboardDrag(page, page.getByRole("button", { name: `拖动第 1 项评价重点「${first.title}」` }), "ArrowDown", 1);
  await expect(page.getByTestId("criterion-0").locator("summary")).toContainText(`1. ${second.title}`);
  await expect(page.getByTestId("criterion-1").locator("summary")).toContainText(`2. ${first.title}`);

  // Parts: a 上年问题整改情况 part, added at the end and dragged above 下一步工作打算.
  const parts = await openSection(page, "报告的部分");
  const n = SHANXI_2021_COUNTY.parts.length;
  await parts.getByRole("button", { name: "添加部分" }).click();
  await parts.getByTestId(`part-${n}`).getByLabel("部分类型").selectOption({ label: "上年问题整改情况" });
  await expect(parts.getByTestId(`part-${n}`).getByLabel("部分标题")).toHaveValue("上年问题整改情况");
  await parts.getByTestId(`part-${n}`).getByLabel("部分代号").fill("rectification");
  await keyboardDrag(page, parts.getByRole("button", { name: `拖动第 ${n + 1} 部分「上年问题整改情况」` }), "ArrowUp", n + 1);
  await expect(parts.getByTestId(`part-${n - 1}`).getByLabel("部分标题")).toHaveValue("上年问题整改情况");
  await expect(parts.getByTestId(`part-${n}`).getByLabel("部分标题")).toHaveValue("下一步工作打算");
  await parts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/scheme-structure-parts.png" });

  // Scoring: on, 10 points per item, two grades.
  const scoring = await openSection(page, "计分与等次");
  await scoring.getByLabel("本方案计分").check();
  await expect(page.getByTestId("validation-summary")).toHaveText(/还有 \d+ 处错误/);
  for (let i = 0; i < SHANXI_2021_COUNTY.criteria.length; i++) {
    const item = page.getByTestId(`criterion-${i}`);
    if (!(await item.evaluate((d) => (d as HTMLDetailsElement).open))) await item.locator("summary").click();
    await item.getByLabel("分值", { exact: true }).fill("10");
  }
  await scoring.getByLabel("总分").fill(String(10 * SHANXI_2021_COUNTY.criteria.length));
  await scoring.getByRole("button", { name: "添加等次" }).click();
  await scoring.getByRole("button", { name: "添加等次" }).click();
  await scoring.getByTestId("grade-0").getByLabel("等次名称").fill("优秀");
  await scoring.getByTestId("grade-0").getByLabel("等次键名").fill("excellent");
  await scoring.getByTestId("grade-0").getByLabel("最低分").fill("100");
  await scoring.getByTestId("grade-1").getByLabel("等次名称").fill("合格");
  await scoring.getByTestId("grade-1").getByLabel("等次键名").fill("pass");
  await expect(page.getByTestId("validation-summary")).toHaveText("检查通过，没有错误");

  // A veto: its empty question is an error at the question; once it is well formed, the missing 一票否决事项 part is
  // an error at the parts.
  const vetoes = await openSection(page, "一票否决");
  await vetoes.getByRole("button", { name: "添加否决事项" }).click();
  const veto = vetoes.getByTestId("veto-0");
  await expect(veto.getByRole("alert").first()).toContainText("不能为空");
  await veto.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/scheme-structure-errors.png" });
  await veto.getByLabel("否决问题").fill("是否存在挤占挪用教育经费的情况");
  await expect(parts.getByRole("alert").first()).toContainText("缺少「一票否决事项」部分");
  await veto.getByLabel("依据文件").fill("晋政办发〔2021〕1号");
  await veto.getByLabel("触发后").selectOption({ label: "等次不高于指定等次" });
  await veto.getByLabel("指定等次").selectOption({ label: "合格" });
  await parts.getByRole("button", { name: "添加部分" }).click();
  await parts.getByTestId(`part-${n + 1}`).getByLabel("部分类型").selectOption({ label: "一票否决事项" });
  await parts.getByTestId(`part-${n + 1}`).getByLabel("部分代号").fill("veto");
  await expect(page.getByTestId("validation-summary")).toHaveText("检查通过，没有错误");

  // Groups, numbered within each: the first six items and the rest; an item in no group is an error until placed.
  const groups = await openSection(page, "分组与编号");
  await groups.getByLabel("编号方式").selectOption("grouped");
  await groups.getByRole("button", { name: "添加分组" }).click();
  await groups.getByTestId("group-0").getByLabel("分组名称").fill("保障与投入");
  const boxes = groups.getByTestId("group-0").getByRole("checkbox");
  for (let i = 0; i < 6; i++) await boxes.nth(i).check();
  await expect(page.getByTestId("validation-summary")).toHaveText(/还有 \d+ 处错误/);
  await groups.getByRole("button", { name: "添加分组" }).click();
  await groups.getByTestId("group-1").getByLabel("分组名称").fill("质量与公平");
  const rest = groups.getByTestId("group-1").getByRole("checkbox");
  for (let i = 6; i < SHANXI_2021_COUNTY.criteria.length; i++) await rest.nth(i).check();
  await expect(page.getByTestId("validation-summary")).toHaveText("检查通过，没有错误");
  await expect(page.getByLabel("Word 提纲")).toContainText("上年问题整改情况");
  await expect(page.getByLabel("Word 提纲")).toContainText("保障与投入");
  await groups.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/scheme-structure.png" });

  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存", { exact: true })).toBeVisible();

  // All of it comes back after a reload.
  await page.reload();
  await expect(page.getByTestId("criterion-0").locator("summary")).toContainText(`1. ${second.title}`);
  const again = await openSection(page, "一票否决");
  await expect(again.getByTestId("veto-0").getByLabel("否决问题")).toHaveValue("是否存在挤占挪用教育经费的情况");
  await expect(again.getByTestId("veto-0").getByLabel("指定等次")).toHaveValue("pass");
  await expect(page.getByTestId("validation-summary")).toHaveText("检查通过，没有错误");

  await page.getByRole("button", { name: "查看变更并发布" }).click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText(`已发布评价方案「${TITLE}（第 1 版）」`)).toBeVisible();

  // The county's report follows the new structure: the moved item first, the new parts in the outline.
  const clerk = await pageAs(county.editor);
  await clerk.goto("/reports");
  await clerk.getByLabel("评价方案").selectOption({ label: `${TITLE}（第 1 版）` });
  await clerk.getByRole("button", { name: "创建报告" }).click();
  await expect(clerk).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const outline = clerk.getByRole("navigation", { name: "报告大纲" });
  await expect(outline).toContainText("上年问题整改情况");
  await expect(outline).toContainText("一票否决事项");
  const text = await outline.innerText();
  expect(text.indexOf(second.title)).toBeLessThan(text.indexOf(first.title));
  expect(text.indexOf("上年问题整改情况")).toBeLessThan(text.indexOf("下一步工作打算"));
});

test("a per-school table in forms: placement, a standard changed, a column and an indicator added; errors at their fields", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin");
  await page.goto("/admin/schemes");
  await page.getByRole("button", { name: `复制《${QUALITY_BALANCE_2017_COUNTY.title}》为新草稿` }).first().click();
  await expect(page).toHaveURL(/\/admin\/schemes\/drafts\/[0-9a-f-]{36}$/);
  await page.getByLabel("方案代号").fill(`table-e2e-${Date.now() % 100000}`);

  const section = await openSection(page, "逐校表");
  const table = section.getByTestId("table-0");
  await table.locator("summary").first().click();
  const placedUnder = QUALITY_BALANCE_2017_COUNTY.criteria.findIndex((c) => c.table === "school_resources");
  await expect(table.getByLabel("放在评价重点")).toHaveValue(String(placedUnder));
  await expect(table.getByText("本表的标准变体随方案原样保留")).toBeVisible();

  // The 小学 standard of 生均教学及辅助用房面积 goes from 4.5 to 5.
  const area = table.getByTestId("table-0-indicator-3");
  await expect(area.getByLabel("每校指标名称")).toHaveValue("生均教学及辅助用房面积");
  await area.getByLabel("小学标准值").fill("5");

  // A column without a name is an error at the name, live.
  await table.getByRole("button", { name: "添加列" }).click();
  const columns = QUALITY_BALANCE_2017_COUNTY.tables[0].columns.length;
  const column = table.getByTestId(`table-0-column-${columns}`);
  await column.getByLabel("列键名").fill("library_books");
  await expect(column.getByRole("alert").first()).toContainText("不能为空");
  await column.getByLabel("列名称").fill("图书册数");
  await column.getByLabel("列单位").fill("册");

  // A per-school indicator over it: books per pupil, ≥ 25 / 35, not counted towards k of n.
  await table.getByRole("button", { name: "添加每校指标" }).click();
  const n = QUALITY_BALANCE_2017_COUNTY.tables[0].indicators.length;
  const books = table.getByTestId(`table-0-indicator-${n}`);
  await books.getByLabel("每校指标名称").fill("生均图书");
  await books.getByLabel("每校指标键名").fill("books_per_pupil");
  await books.getByLabel("每校指标单位").fill("册");
  await books.getByLabel("计算方法").selectOption({ label: "比值" });
  await books.getByLabel("分子").selectOption("library_books");
  await books.getByLabel("分母").selectOption("pupils");
  await books.getByLabel("判定方式").selectOption({ label: "单独判定" });
  await expect(page.getByTestId("validation-summary")).toHaveText(/还有 \d+ 处错误/);
  await books.getByLabel("小学标准值").fill("25");
  await books.getByLabel("初中标准值").fill("35");
  await expect(page.getByTestId("validation-summary")).toHaveText("检查通过，没有错误");
  await books.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/scheme-table.png" });

  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存", { exact: true })).toBeVisible();
  await page.reload();
  const again = (await openSection(page, "逐校表")).getByTestId("table-0");
  await again.locator("summary").first().click();
  await expect(again.getByTestId("table-0-indicator-3").getByLabel("小学标准值")).toHaveValue("5");
  await expect(again.getByTestId(`table-0-indicator-${n}`).getByLabel("初中标准值")).toHaveValue("35");
  await page.getByRole("button", { name: "查看变更并发布" }).click();
  await expect(page.getByRole("list", { name: "变更列表" })).toBeVisible();
});
