// Schemes without JSON (issue 18): an administrator copies the shipped 2021 Shanxi scheme, makes it the 2023 scheme
// in forms, adds an item with two inputs and a percent indicator (≥ 95%), previews it as the county sees it, meets a
// validator error at the target field, publishes; a county then writes a 2023 report on it.
import { expect, test } from "./test";
import { SHANXI_2021_COUNTY } from "../lib/template/schemes/shanxi-2021";

const TITLE = "山西省2023年县级政府履行教育职责评价方案（e2e）";

test("copy the 2021 scheme, edit it in forms for 2023, preview, publish; a county writes on it", async ({ page, county, signInAs, pageAs }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "admin");
  await page.goto("/admin/schemes");
  await page.getByRole("button", { name: `复制《${SHANXI_2021_COUNTY.title}》为新草稿` }).first().click();
  await expect(page).toHaveURL(/\/admin\/schemes\/drafts\/[0-9a-f-]{36}$/);

  await page.getByLabel("方案名称").fill(TITLE);
  await page.getByLabel("方案代号").fill(`shanxi-2023-e2e-${Date.now() % 100000}`);
  await page.getByLabel("年度").fill("2023");

  const n = SHANXI_2021_COUNTY.criteria.length;
  await page.getByRole("button", { name: "添加评价重点" }).click();
  const item = page.getByTestId(`criterion-${n}`);
  await item.getByLabel("评价内容").fill("课后服务覆盖情况");
  await item.getByLabel("评价要点").fill("义务教育学校课后服务全覆盖。");
  await item.getByRole("button", { name: "添加数据项" }).click();
  await item.getByRole("button", { name: "添加数据项" }).click();
  for (const [i, key, label] of [[0, "after_school_served", "提供课后服务的学校数"], [1, "after_school_total", "义务教育学校数"]] as const) {
    const row = item.getByTestId(`input-${n}-${i}`);
    await row.getByLabel("键名").fill(key);
    await row.getByLabel("数据名称").fill(label);
    await row.getByLabel("单位").fill("所");
  }
  await item.getByRole("button", { name: "添加指标" }).click();
  const indicator = item.getByTestId(`indicator-editor-${n}-0`);
  await indicator.getByLabel("指标键名").fill("after_school_rate");
  await indicator.getByLabel("指标名称").fill("课后服务覆盖率");
  await indicator.getByLabel("小数位数").fill("1");
  await indicator.getByLabel("计算方法").selectOption({ label: "百分比" });
  await indicator.getByLabel("分子").selectOption("after_school_served");
  await indicator.getByLabel("分母").selectOption("after_school_total");
  await indicator.getByLabel("目标", { exact: true }).selectOption({ label: "不低于" });
  await indicator.getByLabel("目标值").fill("95");
  await expect(page.getByTestId("validation-summary")).toHaveText("检查通过，没有错误");

  // The county's form for the new item, computing from sample values.
  await item.getByRole("button", { name: "预览" }).click();
  const preview = page.getByLabel("县级填报预览");
  await preview.locator("#preview-after_school_served").fill("19");
  await preview.locator("#preview-after_school_total").fill("20");
  await expect(preview.getByTestId("indicator-after_school_rate").getByTestId("value")).toHaveText("95%");
  await expect(preview.getByTestId("indicator-after_school_rate").getByTestId("status")).toHaveText("达标");
  await expect(page.getByLabel("Word 提纲")).toContainText("课后服务覆盖情况");
  await page.screenshot({ path: "test-results/screens/scheme-editor.png" });

  // An empty target is an error at the target field itself, live; filling it in clears it.
  await indicator.getByLabel("目标值").fill("");
  await expect(indicator.getByTestId(`criteria.${n}.indicators.0-target`).getByRole("alert")).toBeVisible();
  await expect(page.getByTestId("validation-summary")).toHaveText(/还有 1 处错误/);
  await page.screenshot({ path: "test-results/screens/scheme-editor-error.png" });
  await indicator.getByLabel("目标值").fill("95");
  await expect(page.getByTestId("validation-summary")).toHaveText("检查通过，没有错误");

  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible();
  await page.getByRole("button", { name: "查看变更并发布" }).click();
  const changes = page.getByRole("list", { name: "变更列表" });
  await expect(changes).toContainText(`新增评价重点评价重点 ${n + 1}「课后服务覆盖情况」`);
  await expect(page.getByText("受影响的进行中报告：0 份")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/scheme-publish.png" });
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText(`已发布评价方案「${TITLE}（第 1 版）」`)).toBeVisible();

  const clerk = await pageAs(county.editor);
  await clerk.goto("/reports");
  await clerk.getByLabel("评价方案").selectOption({ label: `${TITLE}（第 1 版）` });
  await clerk.getByRole("button", { name: "创建报告" }).click();
  await expect(clerk).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  await clerk.getByRole("navigation", { name: "报告大纲" }).getByRole("button", { name: /课后服务覆盖情况/ }).click();
  await clerk.getByRole("textbox", { name: "提供课后服务的学校数（所）" }).fill("18");
  await clerk.getByRole("textbox", { name: "义务教育学校数（所）" }).fill("20");
  await expect(clerk.getByTestId("indicator-after_school_rate").getByTestId("value")).toHaveText("90%");
  await expect(clerk.getByTestId("indicator-after_school_rate").getByTestId("status")).toHaveText("未达标");
});
