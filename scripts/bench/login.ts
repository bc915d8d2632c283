// A flood of wrong passwords beside autosave (issue 13, finding 15; docs/decisions/006-benchmarks.md). Each failed
// sign-in costs a password hash — scrypt, about 0.3 s of one core here — and the probe saw ~5 attempts/s raise
// autosave p95 from 56 to 311 ms. Measured, through the login page's server action as the browser posts it:
//   failed_login_ms          one wrong password on an idle server (p50 of 20, one at a time): the cost of a failure
//   failed_login_cpu_ms      the server's CPU time per wrong password in a burst of 20 at once
//   login_flood_autosave_p95_ms   autosave p95 of 50 paced editors while wrong passwords arrive at 5/s, each from
//                                 another address and account (as a distributed flood looks: none is throttled) —
//                                 beside login_flood_baseline_autosave_p95_ms, the same editors without the flood
//   login_flood_evaluated / login_flood_turned_away   how the flood's attempts were answered
//   login_p95_ms             issue 19's "login": 20 county users each signing in with the right password at a random
//                            moment of a minute (two such minutes, 40 sign-ins), timed from the click's request to the
//                            start page's HTML (/reports) received. Sign-ins that arrive within one hash of each other
//                            wait for it (lib/auth/server/password.ts lets one run at a time): that wait is the tail.
//   login_action_p95_ms      the same sign-ins, the server action alone (password check + session)
//   password_hash_ms         the cost of one scrypt verification in this process (median of 10): the part of a
//                            sign-in that is slow on purpose
// The server runs with TRUST_PROXY=1 so that X-Forwarded-For can stand for the many addresses of such a flood.
import { readFileSync } from "node:fs";
import path from "node:path";
import { verifyPassword as scryptVerify, hashPassword as scryptHash } from "better-auth/crypto";
import { percentile, runLoad, runPaced } from "./load";

type Metric = { name: string; db: "sqlite" | "postgresql"; concurrency: number; unit: string; value: number };

const root = path.resolve(import.meta.dirname, "../..");
const round = (x: number) => Math.round(x * 10) / 10;

function loginActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === "loginAction")?.[0];
  if (!id) throw new Error("no loginAction in the build");
  return id;
}

export type LoginFlood = {
  server: { url: string; cpuMs: () => number };
  save: (editor: number, i: number) => Promise<number>;
  /** Accounts whose right password is known, for the successful sign-ins. */
  accounts: { username: string; password: string }[];
};

/** A sign-in with the right password as the login form sends it, then the start page it goes to. */
async function signInAndOpen(base: string, id: string, account: { username: string; password: string }, address: string) {
  const start = performance.now();
  const res = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: base, "X-Forwarded-For": address },
    body: JSON.stringify([{ username: account.username, password: account.password }]),
  });
  const text = await res.text();
  const actionMs = performance.now() - start;
  const startPage = /"startPage":"([^"]+)"/.exec(text)?.[1];
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (!startPage || !cookie) return { ok: false, actionMs, totalMs: actionMs };
  const page = await fetch(`${base}${startPage}`, { headers: { cookie } });
  await page.text();
  return { ok: page.status === 200, actionMs, totalMs: performance.now() - start };
}

export async function benchLogin(kind: Metric["db"], { server, save, accounts }: LoginFlood): Promise<Metric[]> {
  const id = loginActionId();
  let n = 0;
  /** One wrong password from a fresh address for a fresh (unknown) account: never throttled, always hashed. */
  const attempt = async (): Promise<string> => {
    const k = n++;
    const res = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: {
        "Next-Action": id,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: server.url,
        "X-Forwarded-For": `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`,
      },
      body: JSON.stringify([{ username: `flood_${kind}_${k}`, password: "Wrong0pass" }]),
    });
    const text = await res.text();
    return /"code":"(\w+)"/.exec(text)?.[1] ?? String(res.status);
  };
  const metrics: Metric[] = [];
  const push = (name: string, concurrency: number, unit: string, value: number) => metrics.push({ name, db: kind, concurrency, unit, value: round(value) });

  await runLoad({ concurrency: 1, requests: 3, maxSeconds: 30, request: async () => ((await attempt()) === "UNAUTHENTICATED" ? 200 : 500) }); // warm-up

  // The cost of the hash itself, here, in this process (the server's is the same code on the same cores).
  const stored = await scryptHash("Bench0pass");
  const hashMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await scryptVerify({ hash: stored, password: "Bench0pass" });
    hashMs.push(performance.now() - t);
  }
  push("password_hash_ms", 1, "ms", percentile(hashMs, 50));

  // Successful sign-ins: 20 users within a minute, twice.
  const users = accounts.slice(0, 20);
  await signInAndOpen(server.url, id, users[0], "10.255.0.1"); // warm-up of the start page
  const signIns: { ok: boolean; actionMs: number; totalMs: number }[] = [];
  let seed = 20;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let window = 0; window < 2; window++) {
    await Promise.all(
      users.map(async (user, k) => {
        await new Promise((r) => setTimeout(r, random() * 60_000));
        signIns.push(await signInAndOpen(server.url, id, user, `10.254.${window}.${k}`));
      }),
    );
  }
  const good = signIns.filter((s) => s.ok);
  push("login_p95_ms", 20, "ms", percentile(good.map((s) => s.totalMs), 95));
  push("login_p50_ms", 20, "ms", percentile(good.map((s) => s.totalMs), 50));
  push("login_action_p95_ms", 20, "ms", percentile(good.map((s) => s.actionMs), 95));
  push("login_failed", 20, "count", signIns.length - good.length);
  const single = await runLoad({ concurrency: 1, requests: 20, maxSeconds: 60, request: async () => ((await attempt()) === "UNAUTHENTICATED" ? 200 : 500) });
  push("failed_login_ms", 1, "ms", percentile(single.filter((s) => s.status === 200).map((s) => s.ms), 50));
  const before = server.cpuMs();
  const burst = await Promise.all(Array.from({ length: 20 }, attempt));
  push("failed_login_cpu_ms", 20, "ms", (server.cpuMs() - before) / burst.filter((c) => c === "UNAUTHENTICATED").length);

  const SECONDS = 20;
  const EDITORS = 50;
  const baseline = await runPaced({ editors: EDITORS, seconds: SECONDS, request: save, seed: 77 });
  push("login_flood_baseline_autosave_p95_ms", EDITORS, "ms", percentile(baseline.filter((s) => s.status === 200).map((s) => s.ms), 95));

  const outcomes: string[] = [];
  let flooding = true;
  const flood = (async () => {
    const inFlight: Promise<void>[] = [];
    for (let t = performance.now(); flooding; t += 200) {
      await new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));
      inFlight.push(attempt().then((code) => void outcomes.push(code), () => void outcomes.push("error")));
    }
    await Promise.all(inFlight);
  })();
  const flooded = await runPaced({ editors: EDITORS, seconds: SECONDS, request: save, seed: 77 });
  flooding = false;
  await flood;
  push("login_flood_autosave_p95_ms", EDITORS, "ms", percentile(flooded.filter((s) => s.status === 200).map((s) => s.ms), 95));
  push("login_flood_attempts_per_s", 1, "req/s", outcomes.length / SECONDS);
  push("login_flood_evaluated", 1, "count", outcomes.filter((c) => c === "UNAUTHENTICATED").length);
  push("login_flood_turned_away", 1, "count", outcomes.filter((c) => c === "THROTTLED").length);
  push("login_flood_other_answers", 1, "count", outcomes.filter((c) => c !== "UNAUTHENTICATED" && c !== "THROTTLED").length);
  return metrics;
}
