import { expect, test } from "./test";

test("download the Word file from the editor with its Chinese name, and proof-read the print preview", async ({ page, county, signIn, createReport }) => {
  const reportId = await createReport(county);
  await signIn(page, county.editor);
  await page.goto(`/reports/${reportId}?s=criterion:evaluation_reform`);
  await page.getByLabel("正文").fill("制定深化新时代教育评价改革实施方案，逐项清理“五唯”问题。");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Word" }).click()]);
  expect(download.suggestedFilename()).toBe(`${county.name}-2021-自评报告.docx`);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(path).subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("link", { name: "打印预览" }).click();
  const body = page.getByRole("region", { name: "正文" });
  await expect(body).toContainText("二、自查情况和工作成效");
  await expect(body).toContainText("（二）深化新时代教育评价改革情况");
  await expect(body).toContainText("逐项清理“五唯”问题");
  await expect(page.getByRole("region", { name: /附件1/ })).toContainText("指标");
  await page.screenshot({ path: "test-results/screens/print-preview.png" });
});

test("a city reviewer downloads every report of the city as one zip, with progress", async ({ page, signInAs }) => {
  await signInAs(page, "city_reviewer");
  await page.goto("/reports");
  const button = page.getByRole("button", { name: /下载 2021 年全部报告/ });
  await expect(button).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toBe("运城市-2021-自评报告.zip");
  await expect(page.getByRole("status").filter({ hasText: "已完成" })).toBeVisible();
  const { readFileSync } = await import("node:fs");
  const zip = readFileSync(await download.path());
  expect(zip.subarray(0, 2).toString()).toBe("PK");
  expect(zip.includes(Buffer.from("闻喜县-2021-自评报告.docx"))).toBe(true);
  // Another city's county is not in it.
  expect(zip.includes(Buffer.from("尧都区"))).toBe(false);
});
