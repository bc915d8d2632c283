// Security probes through the running app: session fixation, server actions from another origin, and script typed
// into every text field — shown back as text (no dialog, no injected element) and written literally into the
// exported Word file. Route-level CSRF, body size limits and file-name traversal are covered faster in vitest
// (lib/http/api-origin.integration.test.ts, lib/evidence/hostile-names.integration.test.ts).
import type { Page } from "@playwright/test";
import { entryText, unzip } from "../lib/docx/testing/unzip";
import { parseXml } from "../lib/docx/testing/xml";
import { DEMO, loginWithFormAs } from "./helpers";
import { expect, test } from "./test";

const COOKIE = "edu.session_token";
const PROBE = `<img src=x onerror=alert(1)><script>alert(2)</script><b id=xssprobe>粗</b>"'&amp;`;
// For fields capped at 40–60 characters.
const SHORT = `<b id=xssprobe onclick=alert(3)>粗</b>`;
const PDF = Buffer.from("%PDF-1.4\n% 佐证材料\n%%EOF\n");

/** Fails the test on any dialog (alert/confirm/prompt), i.e. on script that ran. */
function trapDialogs(page: Page): { count: () => number } {
  let n = 0;
  page.on("dialog", (d) => {
    n++;
    void d.dismiss();
  });
  return { count: () => n };
}

async function expectNoInjectedElement(page: Page) {
  await expect(page.locator("#xssprobe")).toHaveCount(0);
  await expect(page.locator("[onerror], [onclick]")).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test.describe("session", () => {
  test("a session cookie planted before sign-in is replaced at sign-in and never authenticates", async ({ page, context, browser, baseURL }) => {
    test.setTimeout(180_000);
    const domain = new URL(baseURL!).hostname;
    // A real token the attacker got by signing in and out themselves, and a made-up one.
    const attacker = await browser.newContext();
    const attackerPage = await attacker.newPage();
    await loginWithFormAs(attackerPage, "county_lead");
    const stale = (await attacker.cookies()).find((c) => c.name === COOKIE)!.value;
    await attackerPage.getByRole("button", { name: "退出登录" }).click();
    await expect(attackerPage).toHaveURL(/\/login$/);
    await attacker.close();

    for (const planted of [stale, "planted-by-attacker.c2lnbmF0dXJl"]) {
      await context.clearCookies();
      await context.addCookies([{ name: COOKIE, value: planted, domain, path: "/", httpOnly: true, sameSite: "Lax" }]);
      await page.goto("/reports");
      await expect(page).toHaveURL(/\/login$/);
      await loginWithFormAs(page, "county_editor");
      const cookie = (await context.cookies()).find((c) => c.name === COOKIE)!;
      expect(cookie.value).not.toBe(planted);
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe("Lax");
      await expect(page.getByTestId("current-user")).toContainText("县级填报员");
      await page.getByRole("button", { name: "退出登录" }).click();
      await expect(page).toHaveURL(/\/login$/);
    }
  });

  test("each sign-in gets a fresh token, and signing out ends it on the server", async ({ page, context }) => {
    test.setTimeout(120_000);
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      await loginWithFormAs(page, "county_editor");
      tokens.push((await context.cookies()).find((c) => c.name === COOKIE)!.value);
      await page.getByRole("button", { name: "退出登录" }).click();
      await expect(page).toHaveURL(/\/login$/);
    }
    expect(tokens[0]).not.toBe(tokens[1]);
    for (const token of tokens) {
      const res = await page.request.get("/api/exports/reports?year=2021&count=1", { headers: { cookie: `${COOKIE}=${token}` } });
      expect(res.status()).toBe(401);
      expect((await res.json()).error).toBe("登录已过期，请重新登录");
    }
  });
});

test("a server action replayed from another origin is refused by Next.js and writes nothing", async ({ page, county, openNewReport }) => {
  test.setTimeout(120_000);
  await openNewReport(page, county);
  const panel = page.getByRole("complementary", { name: "本部分评论" });
  const form = panel.getByRole("form", { name: "发表评论" });

  // Post one comment through the page and keep the action request as the browser sent it.
  const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await form.getByLabel("评论内容").fill("第一条评论");
  await form.getByRole("button", { name: "发表评论" }).click();
  const original = await sent;
  await expect(panel.getByRole("article")).toHaveCount(1);
  const body = original.postData()!;
  const headers = {
    "next-action": original.headers()["next-action"],
    "content-type": original.headers()["content-type"],
    accept: "text/x-component",
  };

  for (const origin of ["https://evil.example", "null"]) {
    const forged = await page.request.post(original.url(), { headers: { ...headers, origin }, data: body });
    expect(forged.status(), `Origin ${origin}`).toBeGreaterThanOrEqual(400);
  }
  await page.reload();
  await expect(panel.getByRole("article")).toHaveCount(1);

  // The same replay from our own origin does go through: the refusal above is the Origin check's doing.
  const own = await page.request.post(original.url(), { headers: { ...headers, origin: new URL(page.url()).origin }, data: body });
  expect(own.status()).toBe(200);
  await page.reload();
  await expect(panel.getByRole("article")).toHaveCount(2);
});

test("script in every report field and an evidence name is shown as text and written literally into the Word file", async ({ page, county, openNewReport }) => {
  test.setTimeout(180_000);
  const reportId = await openNewReport(page, county);
  const dialogs = trapDialogs(page);

  // Every narrative and short field of the report, through the autosave route.
  const save = async (key: string, content: unknown) => {
    const url = `/api/reports/${reportId}/sections/${encodeURIComponent(key)}`;
    let res = await page.request.put(url, { data: { baseVersion: 0, content } });
    if (res.status() === 409) res = await page.request.put(url, { data: { baseVersion: (await res.json()).conflict.version, content } });
    expect(res.status(), `${key}: ${await res.text()}`).toBe(200);
  };
  await save("meta", { title: `${SHORT}自评报告`, issuer: SHORT, date: "2021-11-10", preamble: PROBE });
  await save("profile", { narrative: `基本情况${PROBE}`, subpoints: {}, values: {}, score: null });
  await save("criterion:evaluation_reform", { narrative: `评价改革${PROBE}`, subpoints: {}, values: {}, score: null });
  await save("problems", {
    intro: `问题引言${PROBE}`,
    items: [
      {
        id: "p1",
        title: `问题${SHORT}`,
        detail: `问题详情${PROBE}`,
        criterionCode: "evaluation_reform",
        indicatorKey: null,
        source: "self",
        measures: [{ id: "m1", text: `措施${PROBE}`, leadUnit: SHORT, partnerUnits: SHORT, owner: SHORT, deadline: "2022-06", status: "整改中" }],
      },
    ],
  });
  await save("next_steps", {
    intro: `打算引言${PROBE}`,
    items: [{ id: "n1", heading: `打算${SHORT}`, body: `打算正文${PROBE}` }],
    commitments: [],
  });

  // Evidence under a hostile file name: the path goes, the rest is shown as text.
  const upload = await page.request.post(`/api/reports/${reportId}/evidence`, {
    multipart: { criterionCode: "evaluation_reform", file: { name: "../../<img src=x onerror=alert(5)>.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(upload.status()).toBe(201);
  const evidenceName = (await upload.json()).fileName as string;
  expect(evidenceName).toBe("img src=x onerror=alert(5).pdf"); // the path and < > removed, the rest kept as text

  // The print preview shows every field; the editor shows the evidence name; nothing is injected anywhere.
  await page.goto(`/reports/${reportId}/preview`);
  const preview = page.locator("body");
  for (const text of [`${SHORT}自评报告`, `基本情况${PROBE}`, `评价改革${PROBE}`, `问题详情${PROBE}`, `措施${PROBE}`, `打算正文${PROBE}`, `问题${SHORT}`, `打算${SHORT}`]) {
    await expect(preview).toContainText(text);
  }
  await expectNoInjectedElement(page);
  await page.goto(`/reports/${reportId}?s=problems`);
  await expect(page.getByRole("navigation", { name: "报告大纲" })).toBeVisible();
  await expectNoInjectedElement(page);
  await page.goto(`/reports/${reportId}?s=criterion:evaluation_reform`);
  await expect(page.getByText(evidenceName)).toBeVisible();
  await expect(page.getByLabel("正文")).toHaveText(`评价改革${PROBE}`);
  await expectNoInjectedElement(page);
  expect(dialogs.count()).toBe(0);

  // The Word file: every field is there as literal text, escaped in the XML.
  const res = await page.request.get(`/api/reports/${reportId}/export`);
  expect(res.status()).toBe(200);
  const documentXml = entryText(unzip(Buffer.from(await res.body())), "word/document.xml");
  expect(documentXml).not.toContain("<script");
  expect(documentXml).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  const printed = parseXml(documentXml).paragraphs.join("\n");
  for (const text of [PROBE, `基本情况${PROBE}`, `评价改革${PROBE}`, `问题引言${PROBE}`, `问题详情${PROBE}`, `措施${PROBE}`, `打算引言${PROBE}`, `打算正文${PROBE}`, `问题${SHORT}`, `打算${SHORT}`, SHORT]) {
    expect(printed).toContain(text);
  }
});

test("script in a display name and a comment stays text, in the page and the Word comments; a region name with markup is refused", async ({ page, county, openNewReport, pageAs }) => {
  test.setTimeout(180_000);
  const reportId = await openNewReport(page, county);
  const dialogs = trapDialogs(page);

  const admin = await pageAs(DEMO.admin.username);
  const adminDialogs = trapDialogs(admin);
  await admin.goto("/");
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await admin.goto("/admin/users/new");
  const username = `xss_${county.code}`;
  await admin.getByLabel("用户名").fill(username);
  await admin.getByLabel("姓名").fill(SHORT);
  await admin.getByLabel("角色").selectOption("city_reviewer");
  await admin.getByLabel("所属区划").selectOption({ label: "运城市（140800）" });
  await admin.getByLabel("初始密码").fill("Xss2021probe");
  await admin.getByRole("button", { name: "创建用户" }).click();
  await expect(admin.getByText("用户已创建")).toBeVisible();
  await admin.goto(`/admin/users?q=${username}`);
  await expect(admin.getByRole("table")).toContainText(SHORT);
  await expectNoInjectedElement(admin);

  await admin.goto("/admin/regions");
  const add = admin.getByRole("form", { name: "添加行政区划" });
  await add.getByLabel("上级区划").selectOption({ label: "临汾市（141000）" });
  await add.getByLabel("行政区划代码").fill("141099");
  await add.getByLabel("名称").fill(`<img src=x onerror=alert(4)>县`);
  await add.getByRole("button", { name: "添加" }).click();
  await expect(add.getByText("名称不能包含特殊符号")).toBeVisible();
  await expectNoInjectedElement(admin);
  expect(adminDialogs.count()).toBe(0);
  await admin.context().close();

  // The reviewer named with script comments with script.
  const reviewer = await pageAs(username);
  const reviewerDialogs = trapDialogs(reviewer);
  await reviewer.goto("/");
  await expect(reviewer).toHaveURL(/\/review$/);
  await expect(reviewer.getByTestId("current-user")).toContainText(SHORT);
  await reviewer.goto(`/reports/${reportId}?s=criterion:evaluation_reform`);
  const panel = reviewer.getByRole("complementary", { name: "本部分评论" });
  await panel.getByRole("form", { name: "发表评论" }).getByLabel("评论内容").fill(`评论${PROBE}`);
  await panel.getByRole("form", { name: "发表评论" }).getByRole("button", { name: "发表评论" }).click();
  await expect(panel.getByRole("article").first()).toContainText(`评论${PROBE}`);
  await expect(panel.getByRole("article").first()).toContainText(SHORT);
  await expectNoInjectedElement(reviewer);
  expect(reviewerDialogs.count()).toBe(0);

  const res = await reviewer.request.get(`/api/reports/${reportId}/export?comments=1`);
  expect(res.status()).toBe(200);
  const commentsXml = entryText(unzip(Buffer.from(await res.body())), "word/comments.xml");
  expect(commentsXml).not.toContain("<script");
  expect(parseXml(commentsXml).paragraphs.join("\n")).toContain(`评论${PROBE}`);
  const authors = [...commentsXml.matchAll(/w:author="([^"]*)"/g)].map((m) => parseXml(`<w:p><w:t>${m[1]}</w:t></w:p>`).paragraphs[0]);
  expect(authors).toContain(`${SHORT}（市级督导）`);

  // The county editor sees the thread and its author as text.
  await page.goto(`/reports/${reportId}?s=criterion:evaluation_reform`);
  await expect(page.getByRole("complementary", { name: "本部分评论" }).getByRole("article").first()).toContainText(`评论${PROBE}`);
  await expectNoInjectedElement(page);
  expect(dialogs.count()).toBe(0);
});
