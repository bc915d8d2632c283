// Signing in through the login form, as a person does: this spec types into it on purpose (the others sign in with
// the signIn fixture, e2e/test.ts).
import { expect, test } from "@playwright/test";
import { DEMO, formAlert, loginWithForm, loginWithFormAs } from "./helpers";

test.describe("sign-in", () => {
  for (const [role, demo] of Object.entries(DEMO)) {
    test(`${demo.label} lands on the start page`, async ({ page }) => {
      await loginWithForm(page, demo.username);
      await expect(page).toHaveURL(new RegExp(`${demo.start}$`));
      await expect(page.getByTestId("current-user")).toContainText(demo.label);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await page.screenshot({ path: `test-results/screens/start-${role}.png`, fullPage: true });
    });
  }

  test("a wrong password gets a Chinese error and an empty password field", async ({ page }) => {
    await loginWithForm(page, "wenxi_editor", "not-the-password1");
    await expect(formAlert(page)).toHaveText("用户名或密码错误");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("密码")).toHaveValue("");
  });

  test("empty and overlong input is refused with field messages, and the server keeps serving", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入用户名")).toBeVisible();
    await expect(page.getByText("请输入密码")).toBeVisible();
    await page.getByLabel("用户名").fill("x".repeat(5000));
    await page.getByLabel("密码").fill("p".repeat(5000));
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("用户名或密码错误").first()).toBeVisible();
    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(200);
    await loginWithFormAs(page, "county_editor");
  });

  test("pages need a session; unknown routes answer in Chinese", async ({ page }) => {
    for (const path of ["/reports", "/county", "/review", "/admin/users", "/admin/regions", "/account/password"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login$/);
    }
    await loginWithFormAs(page, "county_editor");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "页面不存在或您无权访问" })).toBeVisible();
  });

  test("logout ends the session on the server, not only in the browser", async ({ page, context }) => {
    await loginWithFormAs(page, "city_reviewer");
    const cookies = await context.cookies();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/review");
    await expect(page).toHaveURL(/\/login$/);
    // Replaying the old cookie does not bring the session back.
    await context.addCookies(cookies);
    await page.goto("/review");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a city reviewer sees its own counties only", async ({ page }) => {
    await loginWithFormAs(page, "city_reviewer");
    const table = page.getByRole("table", { name: "运城市所辖县区" });
    await expect(table).toContainText("闻喜县");
    await expect(table).toContainText("盐湖区");
    await expect(page.getByText("尧都区")).toHaveCount(0);
    await page.getByPlaceholder("按县（市、区）名称筛选").fill("闻喜");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByText("盐湖区")).toHaveCount(0);
    await expect(table.getByText("闻喜县")).toBeVisible();
  });
});
