// First-load JavaScript of a page: every script the HTML names, fetched and gzipped, summed in kB (what a browser with
// an empty cache downloads before the page is interactive). Used by the bench (editor, dashboard) and e2e/charts.spec.ts.
import { gzipSync } from "node:zlib";

/** A fetch retried once when the socket was closed under it: after a phase without HTTP the pooled keep-alive
 *  connection may have been closed by the server just as it is reused (undici "other side closed"). */
async function fetchOnce(url: URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return fetch(url, init);
  }
}

export async function firstLoadJsKb(base: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetchOnce(new URL(path, base), { headers: { cookie } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetchOnce(new URL(src, base))).arrayBuffer())).length;
  return Math.round((total / 1024) * 10) / 10;
}
