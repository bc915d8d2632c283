// The specs' `test`: Playwright's, extended with fixtures that seed in the worker's own process and sign in without
// the login form (the idea of formbricks' playwright/lib/fixtures.ts and epic-stack's tests/playwright-utils.ts).
//   county       a fresh county of 运城市 with its editor and lead, made for the test that asks for it
//   newCounty()  another one, for tests that need two
//   signIn()     a session for a user, its cookies put into a page's browser context
//   signInAs()   the same for a demo account, then its start page (the app must send it there)
//   pageAs()     a page in a browser context of its own, signed in; the context is closed after the test
//   createReport(), openNewReport(), fillReport()   reports, through the same services as the editor's clicks
// Only the specs about signing in (auth.spec.ts, the lockout in admin.spec.ts, the session probes) use the form.
import path from "node:path";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { loadSeed } from "./fixtures/server";
import type { County, Seed } from "./fixtures/seed";
import { DEMO, SHANXI_2021_TITLE } from "./helpers";

export { expect };
export type { County };

type Fixtures = {
  county: County;
  newCounty: () => Promise<County>;
  signIn: (target: Page | BrowserContext, username: string) => Promise<void>;
  signInAs: (page: Page, role: keyof typeof DEMO) => Promise<void>;
  pageAs: (username: string) => Promise<Page>;
  /** A report of the county, created by its editor under the scheme titled `schemeTitle`; returns its id. */
  createReport: (county: County, schemeTitle?: string) => Promise<string>;
  /** Signs `page` in as the county's editor, creates the county's report and opens it in the editor. */
  openNewReport: (page: Page, county: County, schemeTitle?: string) => Promise<string>;
  /** Fills a report with the demo report's content, as `username` (e2e/fixtures/seed.ts). */
  fillReport: (reportId: string, username: string) => Promise<void>;
};

/** The database the webServer serves (e2e/playwright.config.ts). */
const databaseUrl = () => `file:${path.join(process.env.E2E_DATA_DIR!, "e2e.db")}`;

// Each fixture hands its value to the test through `provide` (Playwright's docs call it `use`, which the React hooks
// lint rule would take for React's use()).
export const test = base.extend<Fixtures, { seed: Seed }>({
  seed: [
    async ({}, provide) => {
      const seed = await loadSeed().openSeed(databaseUrl());
      await provide(seed);
      await seed.close();
    },
    { scope: "worker" },
  ],

  newCounty: async ({ seed }, provide) => {
    await provide(() => seed.createCounty());
  },

  county: async ({ seed }, provide) => {
    await provide(await seed.createCounty());
  },

  signIn: async ({ seed, baseURL }, provide) => {
    await provide(async (target, username) => {
      const context = "context" in target ? target.context() : target;
      const cookies = await seed.sessionCookies(username);
      await context.addCookies(cookies.map((c) => ({ ...c, url: baseURL!, httpOnly: true, sameSite: "Lax" as const })));
    });
  },

  signInAs: async ({ signIn }, provide) => {
    await provide(async (page, role) => {
      await signIn(page, DEMO[role].username);
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`${DEMO[role].start}$`));
    });
  },

  pageAs: async ({ browser, signIn }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (username) => {
      const context = await browser.newContext();
      contexts.push(context);
      await signIn(context, username);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },

  createReport: async ({ seed }, provide) => {
    await provide((county, schemeTitle = SHANXI_2021_TITLE) => seed.createReport(county.editor, schemeTitle));
  },

  openNewReport: async ({ signIn, createReport }, provide) => {
    await provide(async (page, county, schemeTitle) => {
      await signIn(page, county.editor);
      const reportId = await createReport(county, schemeTitle);
      await page.goto(`/reports/${reportId}`);
      return reportId;
    });
  },

  fillReport: async ({ seed }, provide) => {
    await provide((reportId, username) => seed.fillReport(reportId, username));
  },
});
