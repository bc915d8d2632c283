// What the specs share besides their fixtures (e2e/test.ts): the demo accounts, the login form, a few locators.
import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo2021";

export const DEMO = {
  county_editor: { username: "wenxi_editor", label: "县级填报员", start: "/reports" },
  county_lead: { username: "wenxi_lead", label: "县级审核员", start: "/reports" },
  city_reviewer: { username: "yuncheng_reviewer", label: "市级督导", start: "/review" },
  province_reviewer: { username: "shanxi_reviewer", label: "省级督导", start: "/review" },
  admin: { username: "admin", label: "系统管理员", start: "/admin/users" },
} as const;

/** Signs in through the login form, as a person does. Only specs about signing in need it; others use signIn. */
export async function loginWithForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** The login form as a demo account, which lands on its start page. */
export async function loginWithFormAs(page: Page, role: keyof typeof DEMO) {
  await loginWithForm(page, DEMO[role].username);
  await expect(page).toHaveURL(new RegExp(`${DEMO[role].start}$`));
}

/** The message at the top of a form (Next.js keeps its own empty role="alert" route announcer on every page). */
export function formAlert(page: Page): Locator {
  return page.locator('form [role="alert"]').first();
}

/** The built-in scheme's title, and its option label in the 新建报告 form. */
export const SHANXI_2021_TITLE = "2021年对县级政府履行教育职责的评价方案";
export const SHANXI_2021 = `${SHANXI_2021_TITLE}（第 1 版）`;
