// An instance with DATABASE_REPLICA_URL (docs/decisions/023-pgbouncer-and-replica.md): a reviewer's dashboard is read
// from a real hot standby (lib/testing/standby.ts) and says how current it is; health names the standby as in use.
// PostgreSQL only, and only where a replication role is set up (.ci/run creates one; CI requires it).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "./fixtures/app-server";
import { freePort } from "../lib/testing/pgbouncer";
import { standbyUnavailable, startStandby, type Standby } from "../lib/testing/standby";

const root = path.resolve(__dirname, "..");
const SECRET = "replica-spec-secret-0123456789-abcdefgh";
const unavailable = standbyUnavailable();

function fixture<T>(url: string, args: string[], env: Record<string, string> = {}): T {
  const out = execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "e2e/fixtures/hardening-db.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: SECRET, ...env },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop() || "null") as T;
}

test.describe("dashboard from a hot standby", () => {
  test.skip(unavailable !== null, unavailable ?? "");
  test.setTimeout(180_000);

  test("the reviewer's dashboard is read from the standby and says 数据截至 HH:MM:SS; health names the standby", async ({ browser }) => {
    const u = new URL(process.env.TEST_POSTGRES_URL!);
    u.pathname = `/edu_replica_${randomBytes(5).toString("hex")}`;
    const url = u.toString();
    fixture(url, ["prepare"]);
    let standby: Standby | null = null;
    let server: AppServer | null = null;
    try {
      standby = await startStandby();
      const port = await freePort();
      server = await startAppServer(port, {
        DATABASE_URL: url,
        DATABASE_REPLICA_URL: standby.through(url),
        AUTH_SECRET: SECRET,
        DEMO: "0",
        FILES_DIR: mkdtempSync(path.join(os.tmpdir(), "replica-files-")),
      });
      // The standby replays the database the fixture made once it has streamed that far.
      await expect
        .poll(async () => ((await (await fetch(`${server!.url}/api/health`)).json()) as { replica: { inUse: boolean } | null }).replica?.inUse, { timeout: 30_000 })
        .toBe(true);

      const { cookie } = fixture<{ cookie: string }>(url, ["cookie", "yuncheng_reviewer"], { APP_URL: server.url });
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
      await context.addCookies(cookie.split("; ").map((pair) => {
        const [name, ...rest] = pair.split("=");
        return { name, value: rest.join("="), url: server!.url };
      }));
      const page = await context.newPage();
      await page.goto(`${server.url}/review`);
      await expect(page.getByRole("heading", { name: "运城市辖区概览" })).toBeVisible();
      const asOf = page.getByText(/数据截至 \d{2}:\d{2}:\d{2}/);
      await expect(asOf).toBeVisible();
      await expect(page.getByRole("link", { name: "闻喜县" }).first()).toBeVisible();
      await page.screenshot({ path: test.info().outputPath("dashboard-from-standby.png") });
      await context.close();
    } finally {
      await server?.stop();
      standby?.stop();
      fixture(url, ["drop"]);
    }
  });
});
