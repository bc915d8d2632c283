import { expect, test } from "./test";

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/login", "/api/health"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("default-src 'self'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-powered-by"]).toBeUndefined();
  }
});

test("writes from another origin are refused; script typed into a field stays text", async ({ page, county, openNewReport }) => {
  const reportId = await openNewReport(page, county);

  const forged = await page.request.put(`/api/reports/${reportId}/sections/criterion%3Aevaluation_reform`, {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { baseVersion: 0, content: { narrative: "伪造", subpoints: {}, values: {}, score: null } },
  });
  expect(forged.status()).toBe(403);

  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  const probe = `<img src=x onerror="alert(1)"><script>alert(2)</script>{{figure:no_such}}`;
  await page.goto(`/reports/${reportId}?s=criterion:evaluation_reform`);
  await page.getByLabel("正文").fill(probe);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await page.reload();
  // Shown as the text typed — the braces included: nothing in typed text is read as markup or as a figure.
  await expect(page.getByLabel("正文")).toHaveText(probe);
  await expect(page.getByLabel("正文").locator("img, script")).toHaveCount(0);
  expect(dialogs).toBe(0);
});
