// Playwright against a production build (`npm start` path) on a fresh SQLite database with the demo data.
import { existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3211);
export const baseURL = `http://127.0.0.1:${port}`;

// Set once in the main process; workers inherit them, so every test talks about the same database, and the sessions
// the fixtures sign (e2e/fixtures/sessions.ts) carry the secret the servers check.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `edu-e2e-${Date.now()}`);
process.env.AUTH_SECRET ??= "e2e-only-secret-0123456789-abcdefghijklmnop";
mkdirSync(process.env.E2E_DATA_DIR, { recursive: true });

const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: ".",
  outputDir: "../test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    viewport: { width: 1366, height: 768 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 } } }],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/start.ts",
    cwd: "..",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: `file:${path.join(process.env.E2E_DATA_DIR, "e2e.db")}`,
      PORT: String(port),
      APP_URL: baseURL,
      DEMO: "1",
      AUTH_SECRET: process.env.AUTH_SECRET,
      // A server in UTC must still print Beijing time (e2e/times.spec.ts).
      TZ: "UTC",
      FILES_DIR: path.join(process.env.E2E_DATA_DIR, "files"),
      NEXT_TELEMETRY_DISABLED: "1",
      // The test runner resolves "server-only" with React's server condition (package.json test:e2e) so that specs
      // and fixtures can use server modules; the app's own server must not inherit that.
      NODE_OPTIONS: "",
    },
  },
});
