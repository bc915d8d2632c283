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

test("a county names its 主送机关 and downloads a PDF copy whose 签章页 names the Word file's SHA-256", async ({ page, county, openNewReport }) => {
  test.setTimeout(180_000);
  const reportId = await openNewReport(page, county);
  await page.goto(`/reports/${reportId}?s=meta`);
  await page.getByLabel("主送机关（可选）").fill("运城市人民政府教育督导室");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await page.screenshot({ path: "test-results/screens/meta-recipient.png" });

  const { readFileSync } = await import("node:fs");
  const { createHash } = await import("node:crypto");
  const { execFileSync } = await import("node:child_process");
  const [word] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Word" }).click()]);
  const sha = createHash("sha256").update(readFileSync(await word.path())).digest("hex");

  await expect(page.getByLabel("附签章页（版本页）")).toBeChecked();
  const [pdf] = await Promise.all([page.waitForEvent("download", { timeout: 150_000 }), page.getByRole("link", { name: "下载 PDF" }).click()]);
  expect(pdf.suggestedFilename()).toBe(`${county.name}-2021-自评报告.pdf`);
  const file = await pdf.path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  expect(text).toContain("运城市人民政府教育督导室：");
  expect(text).toContain("签章页（版本页）");
  expect(text).toContain(sha);
});
