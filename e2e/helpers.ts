import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo2021";

export const DEMO = {
  county_editor: { username: "wenxi_editor", label: "县级填报员", start: "/reports" },
  county_lead: { username: "wenxi_lead", label: "县级审核员", start: "/reports" },
  city_reviewer: { username: "yuncheng_reviewer", label: "市级督导", start: "/review" },
  province_reviewer: { username: "shanxi_reviewer", label: "省级督导", start: "/review" },
  admin: { username: "admin", label: "系统管理员", start: "/admin/users" },
} as const;

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function loginAs(page: Page, role: keyof typeof DEMO) {
  await login(page, DEMO[role].username);
  await expect(page).toHaveURL(new RegExp(`${DEMO[role].start}$`));
}

/** The message at the top of a form (Next.js keeps its own empty role="alert" route announcer on every page). */
export function formAlert(page: Page): Locator {
  return page.locator('form [role="alert"]').first();
}

export type County = { code: string; name: string; editor: string; lead: string; password: string };

/** A fresh county with its own editor and lead (see e2e/fixtures/create-county.ts). */
export function createCounty(): County {
  const root = path.resolve(__dirname, "..");
  const out = execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "e2e/fixtures/create-county.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(process.env.E2E_DATA_DIR!, "e2e.db")}` },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!) as County;
}

/** Fills a report with the demo report's content, as `username` (see e2e/fixtures/fill-report.ts). */
export function fillReport(reportId: string, username: string): void {
  const root = path.resolve(__dirname, "..");
  execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "e2e/fixtures/fill-report.ts", reportId, username], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(process.env.E2E_DATA_DIR!, "e2e.db")}` },
    encoding: "utf8",
  });
}

/** The built-in scheme's option label in the 新建报告 form. */
export const SHANXI_2021 = "2021年对县级政府履行教育职责的评价方案（第 1 版）";

/** Signs in as the county's editor and creates its report under the built-in scheme; returns the report id. */
export async function createReportAs(page: Page, county: County): Promise<string> {
  await login(page, county.editor, county.password);
  await expect(page).toHaveURL(/\/reports$/);
  await page.getByLabel("评价方案").selectOption({ label: SHANXI_2021 });
  await page.getByRole("button", { name: "创建报告" }).click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}
