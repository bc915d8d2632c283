// Two load models on loopback (docs/decisions/006-benchmarks.md, 010-autosave-latency.md):
//   runLoad   closed loop: N workers, each fires its next request the moment the previous one returns. It measures
//             saturation — the server's throughput and the queue in front of it — not what N people experience.
//   runPaced  open loop: N simulated editors, each with its own schedule of saves every 2–5 s (the editor saves
//             1.5 s after the last keystroke, AUTOSAVE_DELAY_MS in components/report/autosave-machine.ts, so one
//             person's saves are at least that far apart). The schedule does not slow down when the server does,
//             and latency is counted from the moment the save was due, including time spent waiting for the
//             editor's previous save to return (the editor sends one save at a time), so a slow server cannot hide
//             its queue ("coordinated omission").
export type Sample = { ms: number; status: number };

export async function runLoad(opts: {
  concurrency: number;
  requests: number;
  maxSeconds: number;
  request: (worker: number, i: number) => Promise<number>;
}): Promise<Sample[]> {
  const samples: Sample[] = [];
  const deadline = Date.now() + opts.maxSeconds * 1000;
  let issued = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, worker) => {
      let i = 0;
      while (issued < opts.requests && Date.now() < deadline) {
        issued++;
        const start = performance.now();
        const status = await opts.request(worker, i++).catch(() => 0);
        samples.push({ ms: performance.now() - start, status });
      }
    }),
  );
  return samples;
}

/** Seconds between one editor's saves: uniform in [min, max], so editors drift apart instead of saving in step. */
export const PACED_INTERVAL_S = { min: 2, max: 5 } as const;

export async function runPaced(opts: {
  editors: number;
  seconds: number;
  request: (editor: number, i: number) => Promise<number>;
  /** Deterministic jitter, so two runs offer the same load. */
  seed?: number;
}): Promise<Sample[]> {
  const random = mulberry32(opts.seed ?? 1);
  const gap = () => (PACED_INTERVAL_S.min + random() * (PACED_INTERVAL_S.max - PACED_INTERVAL_S.min)) * 1000;
  const samples: Sample[] = [];
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));
  await Promise.all(
    Array.from({ length: opts.editors }, async (_, editor) => {
      // Editors start at random points of their first interval, as people do not all stop typing at once.
      // `due` is when the editor's oldest unsaved change became due for saving; the schedule of changes is fixed
      // in advance and does not wait for the server.
      let due = t0 + random() * PACED_INTERVAL_S.max * 1000;
      for (let i = 0; due < end; i++) {
        await sleepUntil(due);
        const oldest = due;
        // Every change due by now goes out in this one save (changes made while the previous save was in flight
        // are merged, as in the editor); its wait counts from the oldest of them.
        const sent = performance.now();
        while (due <= sent) due += gap();
        const status = await opts.request(editor, i).catch(() => 0);
        samples.push({ ms: performance.now() - oldest, status });
      }
    }),
  );
  return samples;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
