// The benchmark's simulated editors: one signed-in editor per seeded county, each owning one section of that
// county's report (as colleagues split the work) and saving it through the API as the editor page does. Shared by
// the single-server parts (run.ts) and the N-instance part (instances.ts), so both send the same save.
import { createAuth } from "@/lib/auth/server/auth";
import { signIn } from "@/lib/auth/server/login";
import type { Db } from "@/lib/db/connect";
import { BENCH_PASSWORD, type BenchCounty } from "./seed-province";

/** Session cookies per county code, signed in straight against the database (no server needed). */
export async function cookiesFor(db: Db, counties: BenchCounty[], port: number): Promise<Map<string, string>> {
  process.env.APP_URL = `http://127.0.0.1:${port}`;
  const auth = createAuth(db);
  const out = new Map<string, string>();
  for (const c of counties) {
    const { setCookie } = await signIn(db, auth, { username: c.username, password: BENCH_PASSWORD }, "127.0.0.1", new Headers());
    out.set(c.code, setCookie.map((s) => s.split(";")[0]).join("; "));
  }
  return out;
}

export type Ack = { reportId: string; key: string; version: number };

export type Editors = {
  /** Editor `w` saves its section on the server at `base` (its i-th save); returns the HTTP status. */
  save: (base: string, w: number, i: number) => Promise<number>;
  /** Every acknowledged save, to check afterwards that each is in the database. */
  acks: Ack[];
  /** Saves the server did not acknowledge (no editor shares a section, so none should be refused). */
  refused: () => number;
};

export async function createEditors(db: Db, counties: BenchCounty[], cookies: Map<string, string>): Promise<Editors> {
  const keys = (await db.reportSection.findMany({ where: { reportId: counties[0].reportId }, select: { key: true } })).map((r) => r.key).filter((k) => k !== "meta");
  const sections = await db.reportSection.findMany({ where: { reportId: { in: counties.map((c) => c.reportId) } }, select: { reportId: true, key: true, version: true, content: true } });
  const state = new Map(sections.map((s) => [`${s.reportId}|${s.key}`, { version: s.version, content: JSON.parse(s.content) as Record<string, unknown> }]));
  const acks: Ack[] = [];
  let refused = 0;
  const clientOf = (w: number) => ({ county: counties[w % counties.length], key: keys[Math.floor(w / counties.length) % keys.length] });
  const save = async (base: string, w: number, i: number) => {
    const { county, key } = clientOf(w);
    const s = state.get(`${county.reportId}|${key}`)!;
    const content = { ...s.content };
    // Prose is rich text (a list of paragraphs): each save adds one paragraph, the text kept to at most 50 before it.
    const edited = (text: unknown) => (Array.isArray(text) ? [...text.slice(0, 50), { p: [`（第 ${i} 次修改）`] }] : `${String(text).slice(0, 2000)}（第 ${i} 次修改）`);
    if ("narrative" in content) content.narrative = edited(content.narrative);
    else if ("intro" in content) content.intro = edited(content.intro);
    const res = await fetch(`${base}/api/reports/${county.reportId}/sections/${encodeURIComponent(key)}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", cookie: cookies.get(county.code)!, origin: base },
      body: JSON.stringify({ baseVersion: s.version, content }),
    });
    const body = (await res.json()) as { version?: number };
    if (res.ok && body.version) {
      s.version = body.version;
      s.content = content;
      acks.push({ reportId: county.reportId, key, version: body.version });
    } else refused++;
    return res.status;
  };
  return { save, acks, refused: () => refused };
}
