// A flood of wrong passwords beside autosave (issue 13, finding 15; docs/decisions/006-benchmarks.md). Each failed
// sign-in costs a password hash — scrypt, about 0.3 s of one core here — and the probe saw ~5 attempts/s raise
// autosave p95 from 56 to 311 ms. Measured, through the login page's server action as the browser posts it:
//   failed_login_ms          one wrong password on an idle server (p50 of 20, one at a time): the cost of a failure
//   failed_login_cpu_ms      the server's CPU time per wrong password in a burst of 20 at once
//   login_flood_autosave_p95_ms   autosave p95 of 50 paced editors while wrong passwords arrive at 5/s, each from
//                                 another address and account (as a distributed flood looks: none is throttled) —
//                                 beside login_flood_baseline_autosave_p95_ms, the same editors without the flood
//   login_flood_evaluated / login_flood_turned_away   how the flood's attempts were answered
// The server runs with TRUST_PROXY=1 so that X-Forwarded-For can stand for the many addresses of such a flood.
import { readFileSync } from "node:fs";
import path from "node:path";
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
};

export async function benchLogin(kind: Metric["db"], { server, save }: LoginFlood): Promise<Metric[]> {
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
