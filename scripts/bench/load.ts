// A small load generator on loopback: N workers issue requests until a request count or a time limit is reached.
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

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}
