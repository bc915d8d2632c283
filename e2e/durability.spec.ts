// Concurrency and durability of autosave through the real HTTP API of a production server (the build the webServer
// made), each test on a database of its own: SQLite always, PostgreSQL too when TEST_POSTGRES_URL is set.
//   1. 200 editors save the 16 sections of one report at once: every 200 is stored with the acknowledged version
//      and content, every refusal was answered (409 with the newer version), and nothing else was written.
//   2. A save storm, SIGKILL of the Node process that serves it, restart on the same database: the database is
//      intact (integrity_check, versions = latest revisions, no gaps) and no acknowledged save is lost.
// The checks read the database directly, from this process (e2e/fixtures/durability-db.ts); no browser is needed.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { listenerPids, startAppServer, type AppServer } from "./fixtures/app-server";
import { markedContent, putSection, type Ack, type CheckInput, type Prepared, type Section } from "./fixtures/save-storm";
import { loadDurabilityDb } from "./fixtures/server";

const PROVIDERS = process.env.TEST_POSTGRES_URL ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);
type Provider = (typeof PROVIDERS)[number];

const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "edu-durability-"));

function databaseUrl(provider: Provider, name: string): string {
  if (provider === "sqlite") {
    mkdirSync(path.join(dataDir, "durability"), { recursive: true });
    return `file:${path.join(dataDir, "durability", `${name}.db`)}`;
  }
  const u = new URL(process.env.TEST_POSTGRES_URL!);
  u.pathname = `/edu_dur_${randomBytes(5).toString("hex")}`;
  return u.toString();
}

const check = (url: string, input: CheckInput) => loadDurabilityDb().checkDurabilityDb(url, input);

/** What happened, in the report (annotation) and in the log (the list reporter prints a test's stdout). */
function note(provider: Provider, description: string) {
  test.info().annotations.push({ type: provider, description });
  console.log(`[durability ${provider}] ${description}`);
}

/** "3 × 500 系统繁忙，请稍后重试" for each distinct error answer. */
function summary(errors: string[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
  return counts.size ? ` (${[...counts].map(([e, n]) => `${n} × ${e}`).join("; ")})` : "";
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** A prepared database and a server on it; the server is stopped and a PostgreSQL database dropped afterwards. */
async function withDatabase(provider: Provider, name: string, editors: number, body: (ctx: { url: string; prep: Prepared; env: Record<string, string> }) => Promise<void>) {
  const url = databaseUrl(provider, name);
  // The sessions are signed in this process (lib/server/env reads AUTH_SECRET once): the server must share its secret.
  const env = { DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET!, DEMO: "0", FILES_DIR: path.join(dataDir, "durability", "files") };
  const { prepareDurabilityDb, dropDurabilityDb } = loadDurabilityDb();
  try {
    const prep: Prepared = await prepareDurabilityDb(url, editors);
    await body({ url, prep, env });
  } finally {
    if (provider === "postgresql") await dropDurabilityDb(url);
  }
}

for (const provider of PROVIDERS) {
  test.describe(`autosave under load on ${provider}`, () => {
    test.setTimeout(180_000);

    test("200 editors saving one report at once: acknowledged saves stored, refused ones told and not stored", async () => {
      await withDatabase(provider, "concurrent", 200, async ({ url, prep, env }) => {
        const server = await startAppServer(await freePort(), env);
        try {
          const base = prep.sections;
          const acks: Ack[] = [];
          const rejected: string[] = [];
          const wrong: string[] = [];
          const errors: string[] = [];
          // Editor i works on section i mod 16, so about 12 people race for each section. On a conflict an editor
          // keeps their own text and saves again on the newer version, as the conflict dialog's 保留我的 does.
          await Promise.all(
            prep.editors.map(async (editor, i) => {
              const section = base[i % base.length];
              let version = section.version;
              for (let attempt = 1; attempt <= 3; attempt++) {
                const marker = `e${i}a${attempt}`;
                const answer = await putSection(server.url, prep.reportId, section.key, editor.cookie, version, markedContent(section, marker));
                if (answer.kind === "ack") {
                  if (answer.version !== version + 1) wrong.push(`${marker}: acknowledged as v${answer.version} on base v${version}`);
                  acks.push({ key: section.key, version: answer.version, userId: editor.userId, marker });
                  return;
                }
                if (answer.kind === "conflict") {
                  rejected.push(marker);
                  if (answer.version <= version) wrong.push(`${marker}: 409 names v${answer.version}, not newer than v${version}`);
                  version = answer.version;
                  continue;
                }
                if (answer.kind === "refused" && /[\u4e00-\u9fff]/.test(answer.message)) {
                  // Told in Chinese that it was not saved (the browser keeps the draft and retries): allowed, and
                  // the check below proves it was indeed not stored. Counted, so that it shows in the report.
                  rejected.push(marker);
                  errors.push(`${answer.status} ${answer.message.replace(/（错误编号 \w+）/, "")}`);
                  continue; // and retries on the same version, as the browser's autosave does
                }
                wrong.push(`${marker}: ${answer.kind === "refused" ? `${answer.status} ${answer.message}` : `no answer (${answer.reason})`}`);
                return;
              }
            }),
          );
          expect(wrong).toEqual([]);
          expect(acks.length + rejected.length).toBeGreaterThanOrEqual(200);
          // The first save to reach each section was on the current version, so every section moved (unless that
          // save was turned away with an error, which the annotation then lists).
          if (!errors.length) expect(new Set(acks.map((a) => a.key)).size).toBe(base.length);
          expect(rejected.length).toBeGreaterThan(0);

          const result = await check(url, { reportId: prep.reportId, base, acks, rejected, inFlight: [], exact: true });
          expect(result.problems).toEqual([]);
          expect(result.revisions).toBe(base.reduce((n, s) => n + s.version, 0) + acks.length);
          for (const s of result.sections) {
            expect(s.version, s.key).toBe(base.find((b) => b.key === s.key)!.version + acks.filter((a) => a.key === s.key).length);
          }
          note(provider, `${acks.length} saves acknowledged, ${rejected.length - errors.length} refused with 409, ${errors.length} with another error${summary(errors)}`);
        } finally {
          await server.stop();
          await test.info().attach("server.log", { body: server.output(), contentType: "text/plain" });
        }
      });
    });

    test("SIGKILL of the serving process during a save storm loses no acknowledged save", async () => {
      await withDatabase(provider, "sigkill", 48, async ({ url, prep, env }) => {
        const port = await freePort();
        let server: AppServer | null = await startAppServer(port, env);
        try {
          // The pid we are about to kill is the one that accepts the connections (not a wrapper around it).
          const listeners = listenerPids(port);
          if (listeners) expect(listeners).toEqual([server.pid]);

          const base = prep.sections;
          const acks: Ack[] = [];
          const rejected: string[] = [];
          const inFlight = new Set<string>();
          const refused: string[] = [];
          const errors: string[] = [];
          let killed = false;
          const target = server;
          const storm = Promise.all(
            prep.editors.map(async (editor, i) => {
              const section = base[i % base.length];
              let version = section.version;
              for (let n = 0; !killed; n++) {
                const marker = `k${i}n${n}`;
                inFlight.add(marker);
                const answer = await putSection(target.url, prep.reportId, section.key, editor.cookie, version, markedContent(section, marker));
                if (answer.kind === "no-answer") return; // the server died with this save unanswered: it stays in flight
                inFlight.delete(marker);
                if (answer.kind === "ack") {
                  acks.push({ key: section.key, version: answer.version, userId: editor.userId, marker });
                  version = answer.version;
                } else if (answer.kind === "conflict") {
                  rejected.push(marker);
                  version = answer.version;
                } else {
                  // Told it was not saved; must then not be stored. Anything but a Chinese message is a failure.
                  rejected.push(marker);
                  if (/[\u4e00-\u9fff]/.test(answer.message)) errors.push(`${answer.status} ${answer.message.replace(/（错误编号 \w+）/, "")}`);
                  else refused.push(`${marker}: ${answer.status} ${answer.message}`);
                }
              }
            }),
          );
          // Kill once the storm is well under way (100 acknowledged saves, or 20 s on a slow machine), mid-flight.
          const deadline = Date.now() + 20_000;
          while (acks.length < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
          const inFlightAtKill = inFlight.size;
          const acksAtKill = acks.length;
          await target.kill();
          killed = true;
          await storm;
          expect(target.child.signalCode).toBe("SIGKILL");
          if (listeners) expect(listenerPids(port)).toEqual([]);
          expect(acksAtKill).toBeGreaterThanOrEqual(20);
          expect(inFlightAtKill).toBeGreaterThan(0);
          expect(refused).toEqual([]);
          if (provider === "sqlite") expect(existsSync(`${url.slice("file:".length)}-wal`)).toBe(true); // recovery will replay the WAL
          server = null;

          server = await startAppServer(port, env);
          const input: CheckInput = { reportId: prep.reportId, base, acks, rejected, inFlight: [...inFlight], exact: false };
          const result = await check(url, input);
          expect(result.problems).toEqual([]);

          // And the restarted server takes saves again, on the versions the database now holds.
          const editor = prep.editors[0];
          for (const s of result.sections as Section[]) {
            const answer = await putSection(server.url, prep.reportId, s.key, editor.cookie, s.version, markedContent(base.find((b) => b.key === s.key)!, `after-${s.key}`));
            expect(answer, s.key).toEqual({ kind: "ack", version: s.version + 1 });
          }
          const committedUnanswered = result.revisions - base.reduce((n, b) => n + b.version, 0) - acks.length;
          note(
            provider,
            `killed after ${acksAtKill} acknowledged saves with ${inFlightAtKill} in flight; ${acks.length} acknowledged in all, all present; ${committedUnanswered} of ${inFlight.size} unanswered ones were committed; ${errors.length} refused with an error other than 409${summary(errors)}`,
          );
        } finally {
          await server?.stop();
          if (server) await test.info().attach("server.log", { body: server.output(), contentType: "text/plain" });
        }
      });
    });
  });
}
