// First-load JavaScript of a page: every script the HTML names, fetched and gzipped, summed in kB (what a browser with
// an empty cache downloads before the page is interactive). Used by the bench (editor, dashboard) and e2e/charts.spec.ts.
import { gzipSync } from "node:zlib";

export async function firstLoadJsKb(base: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetch(new URL(path, base), { headers: { cookie } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return Math.round((total / 1024) * 10) / 10;
}
