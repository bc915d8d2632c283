// What the specs share besides their fixtures (e2e/test.ts): the demo accounts, the login form, a few locators.
import { expect, type Locator, type Page } from "@playwright/test";
import { ROLE_KEYS, ROLES, type Role } from "../lib/auth/roles";

export const DEMO_PASSWORD = "Demo2021";

const USERNAMES = {
  county_editor: "wenxi_editor",
  county_lead: "wenxi_lead",
  contributor: "wenxi_finance",
  city_reviewer: "yuncheng_reviewer",
  province_reviewer: "shanxi_reviewer",
  admin: "admin",
  scheme_admin: "shanxi_schemes",
} as const satisfies Record<Role, string>;

/** The demo account of each role, with the label the header shows and the page sign-in lands on. */
export const DEMO = Object.fromEntries(
  ROLE_KEYS.map((role) => [role, { username: USERNAMES[role], label: ROLES[role].label, start: ROLES[role].startPage }]),
) as { [R in Role]: { username: (typeof USERNAMES)[R]; label: string; start: string } };

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
export const SHANXI_2021 = `${SHANXI_2021_TITLE}（第 2 版）`;
