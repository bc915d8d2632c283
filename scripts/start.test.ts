// `npm start` and the development secret: under an https APP_URL (a real deployment) it refuses to start without
// AUTH_SECRET, before touching the database or building; the warning on plain http is checked where the server
// really starts (e2e/hardening.spec.ts, three instances).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "edu-start-"));
// Were it to get as far as building, it must not touch a build another run is serving from.
const DIST = ".next-start-test";
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(root, DIST), { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const base: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: "", PORT: "3319", DEMO: "0", NEXT_DIST_DIR: DIST, ...env };
  delete base.AUTH_SECRET;
  delete base.BETTER_AUTH_SECRET;
  if (env.AUTH_SECRET) base.AUTH_SECRET = env.AUTH_SECRET;
  return spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/start.ts"], {
    cwd: root,
    env: base as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("npm start without AUTH_SECRET", () => {
  it("refuses to start under an https APP_URL, in Chinese, before creating the database", () => {
    const db = path.join(dir, "refused.db");
    const run = start({ APP_URL: "https://edu.example.gov.cn", DATABASE_URL: `file:${db}` });
    expect(run.signal).toBeNull(); // it exited by itself, it was not killed by the timeout
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("未设置 AUTH_SECRET");
    expect(run.stderr).toContain("https://edu.example.gov.cn");
    expect(existsSync(db)).toBe(false);
  });
});
