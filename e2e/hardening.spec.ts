// The findings of the outside probe (issue 13) that only show on a production server, each against a server of its
// own on the build the webServer made (e2e/fixtures/app-server.ts), on SQLite and — with TEST_POSTGRES_URL — on
// PostgreSQL. No browser: sign-in goes through the login page's server action as the browser posts it.
//   1. Sign-in answers do not depend on which bundle built the shared auth instance: an /api route first or a
//      sign-in first, wrong passwords say 用户名或密码错误 five times, then the account is throttled; 40 parallel
//      wrong passwords are evaluated at most 5 times; a wrong current password is 当前密码不正确.
//   3. A client's own X-Forwarded-For does not move it to another address bucket.
//   4. Request bodies without Content-Length are refused at their limit while streaming, with the session and the
//      report's access checked before an upload is read; 9. HSTS under an https APP_URL only.
//   6. Three instances started together on an empty database all come up, with one set of demo data;
//      8. each warns that the development secret is in use.
//  10. Health names a read-only database and a missing files directory; a save on a read-only database says so.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "./fixtures/app-server";
import { waitForHealth } from "../scripts/wait-for-health";

const root = path.resolve(__dirname, "..");
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const SECRET = "hardening-spec-secret-0123456789-abcdef";
const PROVIDERS = process.env.TEST_POSTGRES_URL ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);
type Provider = (typeof PROVIDERS)[number];
const dataDir = mkdtempSync(path.join(process.env.E2E_DATA_DIR ?? os.tmpdir(), "hardening-"));
const MB = 1024 * 1024;
const THROTTLED = /登录失败次数过多/;

function databaseUrl(provider: Provider, name: string): string {
  if (provider === "sqlite") return `file:${path.join(dataDir, `${name}-${randomBytes(3).toString("hex")}.db`)}`;
  const u = new URL(process.env.TEST_POSTGRES_URL!);
  u.pathname = `/edu_hard_${randomBytes(5).toString("hex")}`;
  return u.toString();
}

/** Runs e2e/fixtures/hardening-db.ts against `url`; returns its JSON answer. */
function fixture<T>(url: string, args: string[], env: Record<string, string> = {}): T {
  const out = execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "e2e/fixtures/hardening-db.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: SECRET, ...env },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop() || "null") as T;
}

type Prepared = { reportId: string; criterionCode: string; qualityReportId: string; tableKey: string };

async function withDatabase(provider: Provider, name: string, body: (url: string, prep: Prepared) => Promise<void>) {
  const url = databaseUrl(provider, name);
  try {
    await body(url, fixture<Prepared>(url, ["prepare"]));
  } finally {
    if (provider === "postgresql") fixture(url, ["drop"]);
  }
}

async function serve(port: number, env: Record<string, string>, options?: { healthy?: boolean; createFilesDir?: boolean }): Promise<AppServer> {
  return startAppServer(port, { AUTH_SECRET: SECRET, DEMO: "0", FILES_DIR: path.join(dataDir, `files-${port}`), ...env }, options);
}

/** The id Next.js gave a server action, from the build's manifest (what the browser's form posts). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in the build`);
  return id;
}

type ActionAnswer = { ok: boolean; code?: string; error?: string; fieldErrors?: Record<string, string[]> };

/** Calls a server action as the browser does (POST to the page with Next-Action), returns its result. */
async function callAction(base: string, page: string, name: string, arg: unknown, headers: Record<string, string> = {}): Promise<ActionAnswer & { setCookie: string[] }> {
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { "Next-Action": actionId(name), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: base, ...headers },
    body: JSON.stringify([arg]),
  });
  const text = await res.text();
  const line = /^1:(\{.*\})$/m.exec(text);
  if (!line) throw new Error(`unexpected answer ${res.status}: ${text.slice(0, 300)}`);
  return { ...(JSON.parse(line[1]) as ActionAnswer), setCookie: res.headers.getSetCookie() };
}

const login = (base: string, username: string, password: string, headers?: Record<string, string>) =>
  callAction(base, "/login", "loginAction", { username, password }, headers);

const count = (answers: ActionAnswer[], pattern: RegExp | string) =>
  answers.filter((a) => (typeof pattern === "string" ? a.error === pattern : pattern.test(a.error ?? ""))).length;

function note(description: string) {
  test.info().annotations.push({ type: "measured", description });
  console.log(`[hardening] ${description}`);
}

for (const provider of PROVIDERS) {
  test.describe(`sign-in on a fresh production server (${provider})`, () => {
    test.setTimeout(180_000);

    test("first request an /api route: 5× 用户名或密码错误 then throttled; 40 parallel wrong passwords evaluated at most 5 times", async () => {
      await withDatabase(provider, "login-api-first", async (url) => {
        const server = await serve(3310, { DATABASE_URL: url });
        try {
          // The first request of this server touches sign-in code from an /api route's bundle.
          expect((await fetch(`${server.url}/api/reports/x/export`)).status).toBe(401);
          const answers: ActionAnswer[] = [];
          for (let i = 1; i <= 6; i++) answers.push(await login(server.url, "wenxi_editor", `Wrong${i}pass`));
          expect(answers.slice(0, 5).map((a) => a.error)).toEqual(Array(5).fill("用户名或密码错误"));
          expect(answers[5]).toMatchObject({ ok: false, code: "THROTTLED" });
          expect(answers[5].error).toMatch(THROTTLED);
          expect((await login(server.url, "wenxi_editor", "Demo2021")).code).toBe("THROTTLED");

          const parallel = await Promise.all(Array.from({ length: 40 }, (_, i) => login(server.url, "yuncheng_reviewer", `Parallel${i}x`)));
          const evaluated = count(parallel, "用户名或密码错误");
          note(`${provider}: 40 parallel wrong passwords → ${evaluated} evaluated, ${count(parallel, THROTTLED)} throttled`);
          expect(evaluated).toBeGreaterThanOrEqual(1);
          expect(evaluated).toBeLessThanOrEqual(5);
          expect(evaluated + count(parallel, THROTTLED)).toBe(40);

          // A wrong current password is said as such, not 系统繁忙.
          const signedIn = await login(server.url, "wenxi_lead", "Demo2021");
          expect(signedIn.ok).toBe(true);
          const cookie = signedIn.setCookie.map((c) => c.split(";")[0]).join("; ");
          const change = await callAction(server.url, "/account/password", "changePasswordAction", { currentPassword: "NotMine123", newPassword: "Changed2024x", confirmPassword: "Changed2024x" }, { cookie });
          expect(change).toMatchObject({ ok: false, code: "INVALID_INPUT", error: "当前密码不正确" });
          expect(server.output()).not.toContain("action-error");
          // Last: the fixture blocks this process long enough for kept-alive connections to the server to close.
          expect(fixture<{ count: number }>(url, ["failures", "user:yuncheng_reviewer"]).count).toBeLessThanOrEqual(5);
        } finally {
          await server.stop();
        }
      });
    });

    test("first request a sign-in: the same answers; a client's own X-Forwarded-For does not escape the address limit", async () => {
      await withDatabase(provider, "login-first", async (url) => {
        const server = await serve(3311, { DATABASE_URL: url });
        try {
          const first = await login(server.url, "wenxi_editor", "Wrong1pass");
          expect(first.error).toBe("用户名或密码错误");
          expect((await fetch(`${server.url}/api/reports/x/export`)).status).toBe(401);
          const rest: ActionAnswer[] = [];
          for (let i = 2; i <= 6; i++) rest.push(await login(server.url, "wenxi_editor", `Wrong${i}pass`));
          expect(rest.slice(0, 4).map((a) => a.error)).toEqual(Array(4).fill("用户名或密码错误"));
          expect(rest[4].error).toMatch(THROTTLED);

          // Each attempt names another made-up address and another account: the attempts still come from this one
          // client, so its address limit (30 failures in 15 minutes) holds.
          const spoofed: ActionAnswer[] = [];
          for (let i = 0; i < 40 && !spoofed.some((a) => a.code === "THROTTLED"); i++) {
            spoofed.push(await login(server.url, `ghost_${i}`, "Wrong0pass", { "X-Forwarded-For": `203.0.113.${i + 1}` }));
          }
          note(`${provider}: spoofed X-Forwarded-For → throttled after ${spoofed.length} more attempts`);
          expect(spoofed.at(-1)?.code).toBe("THROTTLED");
          expect(spoofed.length).toBeLessThanOrEqual(30 - 5 + 1);
          expect(fixture<{ count: number }>(url, ["failures", "ip:203.0.113.1"]).count).toBe(0);
          expect(server.output()).not.toContain("action-error");
        } finally {
          await server.stop();
        }
      });
    });
  });
}

type Streamed = { status: number; body: string; sentMb: number; ms: number; rssGrowthMb: number };

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
}

/** Sends `head`, then zeros, then `tail`, chunked (no Content-Length), until the server answers or all `totalMb` are
 *  sent; samples the server's resident memory meanwhile. */
function streamUpload(server: AppServer, target: string, headers: Record<string, string>, head: Buffer, totalMb: number, tail = ""): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const before = rssKb(server.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid))), 25);
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(MB);
    const req = http.request(`${server.url}${target}`, { method: headers.method ?? "POST", agent: false, headers: { ...headers, origin: server.url, "Transfer-Encoding": "chunked" } });
    const finish = (status: number, body: string) => {
      clearInterval(sampler);
      peak = Math.max(peak, rssKb(server.pid));
      resolve({ status, body, sentMb: Math.round((sent / MB) * 10) / 10, ms: Math.round(performance.now() - started), rssGrowthMb: Math.round((peak - before) / 1024) });
    };
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        req.destroy();
        finish(res.statusCode ?? 0, body);
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // EPIPE / ECONNRESET once past the head: the server stopped reading and closed while bytes were still in
      // flight, and the 413 it wrote was lost with the reset (the lingering-close race; seen on a loaded CI machine).
      // Reported as status 0: the size and memory checks still hold it to "refused at the limit".
      if ((error.code === "EPIPE" || error.code === "ECONNRESET") && sent > head.length) return finish(0, "");
      clearInterval(sampler);
      reject(error);
    });
    const pump = () => {
      while (!answered && sent < totalMb * MB) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end(tail);
    };
    req.write(head);
    sent += head.length;
    pump();
  });
}

const multipartTail = (boundary: string) => `\r\n--${boundary}--\r\n`;

function multipartHead(boundary: string, fields: Record<string, string>, fileName: string, firstBytes: string): Buffer {
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n${firstBytes}`);
  return Buffer.from(parts.join(""));
}

test.describe("request bodies and headers on a production server", () => {
  test.setTimeout(300_000);

  test("300 MB chunked to autosave, evidence and school-table import: refused at the limit without buffering; HSTS only under https", async ({ request }) => {
    await withDatabase("sqlite", "bodies", async (url, prep) => {
      const appUrl = "https://edu.example.gov.cn";
      // Sessions first: a fixture blocks this process for seconds, long enough for a kept-alive connection to close.
      const editor = fixture<{ cookie: string }>(url, ["cookie", "wenxi_editor"], { APP_URL: appUrl }).cookie;
      const admin = fixture<{ cookie: string }>(url, ["cookie", "admin"], { APP_URL: appUrl }).cookie;
      const server = await serve(3312, { DATABASE_URL: url, APP_URL: appUrl });
      try {
        // 9. HSTS under an https APP_URL (one year, no preload); none from the plain-http e2e server.
        const health = await fetch(`${server.url}/api/health`);
        expect.soft(health.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
        expect.soft((await request.get("/api/health")).headers()["strict-transport-security"]).toBeUndefined();

        const host = { host: "127.0.0.1:3312" };
        // Warm each route with a small request first, so that what is measured is the body, not loading the code.
        const section = `/api/reports/${prep.reportId}/sections/profile`;
        await fetch(`${server.url}${section}`, { method: "PUT", headers: { cookie: editor, origin: server.url, "content-type": "application/json" }, body: "{}" });
        await fetch(`${server.url}/api/reports/${prep.reportId}/evidence`, { method: "POST", headers: { cookie: admin, origin: server.url }, body: new FormData() });
        await fetch(`${server.url}/api/reports/${prep.qualityReportId}/tables/${prep.tableKey}/import`, { method: "POST", headers: { cookie: editor, origin: server.url }, body: new FormData() });

        const results: Record<string, Streamed> = {};
        results.autosave = await streamUpload(server, section, { method: "PUT", cookie: editor, "content-type": "application/json", ...host }, Buffer.from('{"baseVersion":1,"content":{"narrative":"'), 300, '"}}');
        const boundary = "----hardening";
        const multipart = { cookie: editor, "content-type": `multipart/form-data; boundary=${boundary}`, ...host };
        results.evidence = await streamUpload(server, `/api/reports/${prep.reportId}/evidence`, multipart, multipartHead(boundary, { criterionCode: prep.criterionCode }, "big.pdf", "%PDF-1.4\n"), 300, multipartTail(boundary));
        results.evidenceAsAdmin = await streamUpload(server, `/api/reports/${prep.reportId}/evidence`, { ...multipart, cookie: admin }, multipartHead(boundary, { criterionCode: prep.criterionCode }, "big.pdf", "%PDF-1.4\n"), 300, multipartTail(boundary));
        results.schoolImport = await streamUpload(server, `/api/reports/${prep.qualityReportId}/tables/${prep.tableKey}/import`, multipart, multipartHead(boundary, {}, "big.csv", "学校名称\n"), 300, multipartTail(boundary));
        for (const [name, r] of Object.entries(results)) note(`${name}: ${r.status} after ${r.sentMb} MB sent, ${r.ms} ms, server memory +${r.rssGrowthMb} MB — ${r.body.slice(0, 80)}`);

        // 413 with the Chinese message — or, rarely, a reset at the limit that swallowed it (status 0, see streamUpload).
        const refused = (r: Streamed, message?: string) => {
          expect.soft([0, 413]).toContain(r.status);
          if (r.status === 413 && message) expect.soft(r.body).toContain(message);
        };
        refused(results.autosave, "内容过大");
        refused(results.evidence, "文件过大");
        expect.soft([0, 403]).toContain(results.evidenceAsAdmin.status);
        refused(results.schoolImport);
        for (const [name, r] of Object.entries(results)) {
          expect.soft(r.rssGrowthMb, `${name}: server memory growth`).toBeLessThan(50);
          // Answered as soon as the limit (2, 20 or 5 MB) is passed; what is in flight on loopback is a few MB more.
          expect.soft(r.sentMb, `${name}: sent before the answer`).toBeLessThan(64);
        }
        // 403 before a byte of the upload is read.
        expect.soft(results.evidenceAsAdmin.sentMb).toBeLessThan(16);
        expect(server.output()).not.toContain("route-error");
      } finally {
        await server.stop();
      }
    });
  });
});

/** Whether this process can make a file read-only for itself: root needs the immutable attribute. */
function makeReadOnly(file: string): () => void {
  execFileSync("chmod", ["0444", file]);
  if (process.getuid?.() === 0) {
    execFileSync("chattr", ["+i", file]);
    return () => execFileSync("chattr", ["-i", file]);
  }
  return () => undefined;
}

test.describe("health on a production server", () => {
  test.setTimeout(120_000);

  test("a read-only SQLite file and a files directory that cannot be created: health says both in Chinese; a save says the database is read-only", async () => {
    await withDatabase("sqlite", "readonly", async (url, prep) => {
      const editor = fixture<{ cookie: string }>(url, ["cookie", "wenxi_editor"], { APP_URL: "http://127.0.0.1:3316" }).cookie;
      const file = url.slice("file:".length);
      const restore = makeReadOnly(file);
      // Below a regular file: no directory can be created there, not even by root.
      const blocker = path.join(dataDir, "not-a-directory");
      writeFileSync(blocker, "");
      const missing = path.join(blocker, "files");
      let server: AppServer | null = null;
      try {
        server = await serve(3316, { DATABASE_URL: url, FILES_DIR: missing }, { healthy: false, createFilesDir: false });
        const res = await fetch(`${server.url}/api/health`);
        const health = (await res.json()) as { status: string; problems?: string[] };
        note(`health: ${res.status} ${JSON.stringify(health)}`);
        expect(res.status).toBe(503);
        expect(health.status).not.toBe("ok");
        expect(health.problems?.join("\n")).toMatch(/数据库.*只读/);
        expect(health.problems?.join("\n")).toMatch(/材料目录不可写/);

        const save = await fetch(`${server.url}/api/reports/${prep.reportId}/sections/profile`, {
          method: "PUT",
          headers: { cookie: editor, origin: server.url, "content-type": "application/json" },
          body: JSON.stringify({ baseVersion: 1, content: { narrative: "县域基本情况。" } }),
        });
        const answer = (await save.json()) as { error: string };
        note(`save on a read-only database: ${save.status} ${answer.error}`);
        expect(answer.error).toMatch(/只读/);
        expect(answer.error).not.toContain("系统繁忙");
        const signIn = await login(server.url, "wenxi_lead", "Demo2021");
        expect(signIn.error).toMatch(/只读/);
      } finally {
        await server?.stop();
        restore();
      }
    });
  });
});

/** `npm start`'s script (migrations, schemes, demo data, then `next start` on the existing build). */
function startScript(port: number, env: Record<string, string>): { child: ChildProcess; output: () => string; ready: Promise<"started" | "exited">; stop: () => Promise<void> } {
  const base: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: "", ...env, PORT: String(port), APP_URL: `http://127.0.0.1:${port}`, REUSE_BUILD: "1" };
  delete base.AUTH_SECRET;
  delete base.BETTER_AUTH_SECRET;
  delete base.NODE_ENV;
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/start.ts"], {
    cwd: root,
    env: base as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const ready = Promise.race([
    exited.then(() => "exited" as const),
    waitForHealth(`http://127.0.0.1:${port}/api/health`, 150, () => child.exitCode !== null).then((ok) => (ok ? ("started" as const) : ("exited" as const))),
  ]);
  return {
    child,
    output: () => log,
    ready,
    stop: async () => {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // gone
          }
        }, 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

for (const provider of PROVIDERS) {
  test.describe(`startup (${provider})`, () => {
    test.setTimeout(240_000);

    test("three instances started together on an empty database all serve, with one set of demo data; each warns of the development secret", async () => {
      const url = databaseUrl(provider, "three");
      if (provider === "postgresql") fixture(url, ["prepare-empty"]);
      const files = path.join(dataDir, "three-files");
      mkdirSync(files, { recursive: true });
      const instances = [3313, 3314, 3315].map((port) => startScript(port, { DATABASE_URL: url, DEMO: "1", FILES_DIR: files }));
      try {
        const outcomes = await Promise.all(instances.map((i) => i.ready));
        for (const [n, i] of instances.entries()) await test.info().attach(`instance-${n + 1}.log`, { body: i.output(), contentType: "text/plain" });
        expect(outcomes, instances.map((i) => i.output()).join("\n----\n")).toEqual(["started", "started", "started"]);
        const counts = fixture<{ users: number; regions: number; reports: number; schemes: number; builtinSchemes: number }>(url, ["counts"]);
        note(`${provider}: three instances → ${JSON.stringify(counts)}`);
        // The demo accounts of lib/seed/demo.ts DEMO_USERS (with 县财政局 wenxi_finance and 方案管理员 shanxi_schemes).
        expect(counts).toMatchObject({ users: 7, regions: 7, reports: 1, schemes: counts.builtinSchemes });
        for (const i of instances) expect(i.output()).toMatch(/警告[\s\S]*AUTH_SECRET/);
      } finally {
        await Promise.all(instances.map((i) => i.stop()));
        if (provider === "postgresql") fixture(url, ["drop"]);
        else for (const suffix of ["", "-wal", "-shm"]) if (existsSync(url.slice(5) + suffix)) rmSync(url.slice(5) + suffix);
      }
    });
  });
}
