// CSRF: every state-changing route handler under app/api — found on disk, so a route added later is covered
// without editing this file — refuses a write from another site with 403 and a Chinese message, before reading the
// session or the body, and nothing is written (rows counted, files listed). The same request from our own origin
// is not refused for its origin (it may fail for other reasons), which shows the 403 is the Origin check's doing.
// Oversized bodies are refused before they are parsed (413, Chinese), for every route that reads one.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { copySchemeToDraft } from "@/lib/schemes/server/drafts";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { addEvidence } from "@/lib/evidence/server/service";
import { LocalFileStorage } from "@/lib/storage/local";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";

// The handlers' collaborators: the session is whoever the test says, the database and the files are the test's.
const state = vi.hoisted(() => ({
  actor: null as Actor | null,
  db: null as Db | null,
  storage: null as unknown,
  sessionReads: 0,
}));
vi.mock("@/lib/auth/server/session", () => ({
  getActor: async () => {
    state.sessionReads++;
    return state.actor;
  },
}));
vi.mock("@/lib/db/client", () => ({ getDb: () => state.db }));
vi.mock("@/lib/storage", () => ({ getStorage: () => state.storage }));

const ROOT = path.resolve(import.meta.dirname, "../..");
const API = path.join(ROOT, "app/api");
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const HOST = "edu.example.gov.cn";

type RouteFile = { file: string; url: string; params: string[]; source: string };

/** The text of handler `method` in a route file: from its export to the next export. */
function handlerSource(file: string, method: string): string {
  const start = file.search(new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${method}\\b`));
  const next = file.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? file.slice(start) : file.slice(start, start + 1 + next);
}

function routeFiles(dir = API): RouteFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    if (!/^route\.(ts|tsx|js)$/.test(e.name)) return [];
    const rel = path.relative(API, path.dirname(full)).split(path.sep);
    const params = rel.flatMap((s) => (/^\[(\.\.\.)?(\w+)\]$/.exec(s) ? [/^\[(?:\.\.\.)?(\w+)\]$/.exec(s)![1]] : []));
    return [{ file: full, url: `/api/${rel.join("/")}`, params, source: readFileSync(full, "utf8") }];
  });
}

const ROUTES = routeFiles();
const pdf = new Uint8Array([...Buffer.from("%PDF-1.4\n"), ...new Uint8Array(64)]);

describe.each(TEST_PROVIDERS)("API writes on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let dir: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "edu-origin-"));
    state.db = t.db;
    state.storage = new LocalFileStorage(dir);
    state.actor = await actorFor(t.db, "wenxi_editor");
    const scheme = await t.db.scheme.findFirstOrThrow();
    ids.schemeId = scheme.id;
    ids.reportId = await createReport(t.db, state.actor, { schemeId: scheme.id, copyFromId: null });
    ids.evidenceId = (
      await addEvidence(t.db, state.storage as LocalFileStorage, state.actor, { reportId: ids.reportId, criterionCode: "preschool", fileName: "a.pdf", bytes: pdf })
    ).id;
    ids.key = "profile";
    // A scheme draft of the province, for the 方案管理员's Excel upload (lib/schemes/server/drafts.ts).
    ids.draftId = (await copySchemeToDraft(t.db, await actorFor(t.db, "admin"), { schemeId: scheme.id })).id;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => ({
    audit: await t.db.auditEvent.count(),
    revisions: await t.db.sectionRevision.count(),
    sections: await t.db.reportSection.findMany({ select: { key: true, version: true }, orderBy: { key: "asc" } }),
    evidence: await t.db.evidence.count(),
    reports: await t.db.report.count(),
    schemes: await t.db.scheme.count(),
    comments: await t.db.comment.count(),
    files: readdirSync(dir, { recursive: true }).sort(),
  });

  /** A plausible body for each method, so a refusal cannot be blamed on a missing body. */
  function request(method: string, url: string, headers: Record<string, string>): Request {
    const init: RequestInit = { method, headers: { host: HOST, ...headers } };
    if (method === "POST") {
      const form = new FormData();
      form.set("file", new File([pdf], "a.pdf", { type: "application/pdf" }));
      form.set("criterionCode", "preschool");
      init.body = form;
    } else if (method !== "DELETE") {
      (init.headers as Record<string, string>)["content-type"] = "application/json";
      init.body = JSON.stringify({ baseVersion: 0, content: { narrative: "伪造", subpoints: {}, values: {}, score: null } });
    }
    return new Request(`http://${HOST}${url}`, init);
  }

  // Each handler with the source of its own function (a file may hold a multipart POST and a JSON PUT).
  const handlers = ROUTES.flatMap((r) => WRITE_METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(r.source)).map((m) => ({ ...r, source: handlerSource(r.source, m), method: m })));
  /** Who may use a handler: reviewers' uploads (report:review, e.g. their annotated Word file) or the county's. */
  const uploaderOf = (h: { source: string }) => (/report:review/.test(h.source) ? "yuncheng_reviewer" : /getDraftAccess/.test(h.source) ? "admin" : "wenxi_editor");

  it("finds the write routes on disk (autosave, evidence upload and delete at least)", () => {
    const found = handlers.map((h) => `${h.method} ${h.url}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "PUT /api/reports/[reportId]/sections/[key]",
        "POST /api/reports/[reportId]/evidence",
        "DELETE /api/evidence/[evidenceId]",
      ]),
    );
  });

  const FOREIGN: [string, Record<string, string>][] = [
    ["another site's Origin", { origin: "https://evil.example" }],
    ["a look-alike host", { origin: `https://${HOST}.evil.example` }],
    ["our host on another port", { origin: `https://${HOST}:8443` }],
    ["an opaque Origin (sandboxed frame)", { origin: "null" }],
    ["no Origin but Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["no Origin but Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
  ];

  it.each(FOREIGN)("every write route refuses %s with 403, before the session, and writes nothing", async (_what, headers) => {
    for (const h of handlers) {
      const mod = (await import(h.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      const url = h.params.reduce((u, p) => u.replace(`[${p}]`, ids[p] ?? "x"), h.url);
      const params = Promise.resolve(Object.fromEntries(h.params.map((p) => [p, ids[p] ?? "x"])));
      const before = await snapshot();
      const reads = state.sessionReads;
      const res = await mod[h.method](request(h.method, url, headers), { params });
      expect(res.status, `${h.method} ${h.url}`).toBe(403);
      expect(await res.json()).toEqual({ error: "请求来源不被允许" });
      expect(state.sessionReads, `${h.method} ${h.url} read the session`).toBe(reads);
      expect(await snapshot()).toEqual(before);
    }
  });

  it("the same requests from our own origin pass the Origin check", async () => {
    for (const h of handlers) {
      const mod = (await import(h.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      const url = h.params.reduce((u, p) => u.replace(`[${p}]`, ids[p] ?? "x"), h.url);
      const params = Promise.resolve(Object.fromEntries(h.params.map((p) => [p, ids[p] ?? "x"])));
      for (const headers of [{ origin: `http://${HOST}`, "sec-fetch-site": "same-origin" }, {}] as Record<string, string>[]) {
        const res = await mod[h.method](request(h.method, url, headers), { params });
        const body = res.headers.get("content-type")?.includes("json") ? await res.json() : {};
        expect(body.error ?? "", `${h.method} ${h.url}`).not.toBe("请求来源不被允许");
        expect(res.status, `${h.method} ${h.url}: ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    }
  });

  it("every route that reads a JSON body refuses an oversized one with 413 in Chinese, whatever Content-Length says", async () => {
    const jsonRoutes = handlers.filter((h) => /readJson\(/.test(h.source));
    expect(jsonRoutes.length).toBeGreaterThan(0);
    const huge = JSON.stringify({ baseVersion: 0, content: { narrative: "字".repeat(3 * 1024 * 1024) } });
    for (const h of jsonRoutes) {
      const mod = (await import(h.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      const url = h.params.reduce((u, p) => u.replace(`[${p}]`, ids[p] ?? "x"), h.url);
      const params = () => Promise.resolve(Object.fromEntries(h.params.map((p) => [p, ids[p] ?? "x"])));
      const before = await snapshot();
      for (const lie of [false, true]) {
        const headers: Record<string, string> = { host: HOST, "content-type": "application/json" };
        // A client may also understate the length; the text read is measured too.
        if (lie) headers["content-length"] = "10";
        const res = await mod[h.method](new Request(`http://${HOST}${url}`, { method: h.method, headers, body: huge }), { params: params() });
        expect(res.status, `${h.method} ${h.url}`).toBe(413);
        expect((await res.json()).error).toMatch(/^内容过大（超过 \d+ KB），未保存$/);
      }
      expect(await snapshot()).toEqual(before);
    }
  });

  it("every multipart upload route refuses an oversized file with 413 in Chinese before storing it", async () => {
    const uploadRoutes = handlers.filter((h) => /formData\(/.test(h.source));
    expect(uploadRoutes.length).toBeGreaterThan(0);
    for (const h of uploadRoutes) {
      state.actor = await actorFor(t.db, uploaderOf(h));
      const mod = (await import(h.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      const url = h.params.reduce((u, p) => u.replace(`[${p}]`, ids[p] ?? "x"), h.url);
      const before = await snapshot();
      const form = new FormData();
      const big = new Uint8Array(21 * 1024 * 1024);
      big.set(pdf);
      form.set("file", new File([big], "大.pdf", { type: "application/pdf" }));
      form.set("criterionCode", "preschool");
      const req = new Request(`http://${HOST}${url}`, { method: h.method, headers: { host: HOST }, body: form });
      // undici computes no Content-Length for a FormData body: let the route see the real size, as a browser sends it.
      const sized = new Request(req, { headers: { host: HOST, "content-type": req.headers.get("content-type")!, "content-length": String(big.length + 1024) } });
      const res = await mod[h.method](sized, { params: Promise.resolve(Object.fromEntries(h.params.map((p) => [p, ids[p] ?? "x"]))) });
      expect(res.status, `${h.method} ${h.url}`).toBe(413);
      expect((await res.json()).error).toMatch(/文件过大/);
      expect(await snapshot()).toEqual(before);
    }
    state.actor = await actorFor(t.db, "wenxi_editor");
  });

  /** A body of `totalMb` megabytes without Content-Length, counting how much of it the handler pulled. */
  function streamed(head: string, totalMb: number) {
    const chunk = new Uint8Array(1024 * 1024);
    let pulled = 0;
    let sent = 0;
    // highWaterMark 0: nothing is pulled until the handler reads, so `pulled` is what the handler read.
    const body = new ReadableStream<Uint8Array>(
      {
      pull(controller) {
        if (sent === 0) {
          const first = new TextEncoder().encode(head);
          sent += first.length;
          pulled += first.length;
          return controller.enqueue(first);
        }
        if (sent >= totalMb * chunk.length) return controller.close();
        sent += chunk.length;
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
      },
      { highWaterMark: 0 },
    );
    return { body, pulled: () => pulled };
  }

  it("every route that reads a body stops reading at its limit when no Content-Length is sent (413, Chinese)", async () => {
    const routes = handlers.filter((h) => /readJson\(|formData\(/.test(h.source));
    expect(routes.length).toBeGreaterThanOrEqual(3);
    state.actor = await actorFor(t.db, "wenxi_editor");
    const qualityScheme = await t.db.scheme.findFirstOrThrow({ where: { code: QUALITY_BALANCE_2017_COUNTY.code } });
    const qualityReport = await createReport(t.db, state.actor, { schemeId: qualityScheme.id, copyFromId: null });
    const editor = state.actor;
    for (const h of routes) {
      state.actor = uploaderOf(h) === "wenxi_editor" ? editor : await actorFor(t.db, uploaderOf(h));
      const mod = (await import(h.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      const values: Record<string, string> = { ...ids, ...(h.params.includes("tableKey") ? { reportId: qualityReport, tableKey: QUALITY_BALANCE_2017_COUNTY.tables[0].key } : {}) };
      const url = h.params.reduce((u, p) => u.replace(`[${p}]`, values[p] ?? "x"), h.url);
      const json = /readJson\(/.test(h.source);
      const boundary = "----limit";
      const head = json
        ? '{"baseVersion":0,"content":{"narrative":"'
        : `--${boundary}\r\nContent-Disposition: form-data; name="criterionCode"\r\n\r\npreschool\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n%PDF-1.4\n`;
      const { body, pulled } = streamed(head, 64);
      const headers = { host: HOST, "content-type": json ? "application/json" : `multipart/form-data; boundary=${boundary}` };
      const before = await snapshot();
      const res = await mod[h.method](new Request(`http://${HOST}${url}`, { method: h.method, headers, body, duplex: "half" } as RequestInit), {
        params: Promise.resolve(Object.fromEntries(h.params.map((p) => [p, values[p] ?? "x"]))),
      });
      const answer = (await res.json()) as { error: string };
      expect(res.status, `${h.method} ${h.url}: ${answer.error}`).toBe(413);
      expect(answer.error).toMatch(/过大/);
      // The largest limit is 20 MB; a chunk or two past it may be in the pipe.
      expect(pulled() / 1024 / 1024, `${h.method} ${h.url} read MB`).toBeLessThan(23);
      expect(await snapshot()).toEqual(before);
    }
  });

  it("an upload by someone who may not change the report is refused before a byte of it is read", async () => {
    const routes = handlers.filter((h) => /formData\(/.test(h.source));
    for (const username of ["yuncheng_reviewer", "wenxi_editor", "admin"]) {
      state.actor = await actorFor(t.db, username);
      for (const h of routes.filter((r) => uploaderOf(r) !== username)) {
        const mod = (await import(h.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
        const url = h.params.reduce((u, p) => u.replace(`[${p}]`, ids[p] ?? "x"), h.url);
        const { body, pulled } = streamed("--b\r\n", 64);
        const res = await mod[h.method](
          new Request(`http://${HOST}${url}`, { method: h.method, headers: { host: HOST, "content-type": "multipart/form-data; boundary=b" }, body, duplex: "half" } as RequestInit),
          { params: Promise.resolve(Object.fromEntries(h.params.map((p) => [p, ids[p] ?? "x"]))) },
        );
        expect([403, 404], `${username} ${h.method} ${h.url}`).toContain(res.status);
        expect(pulled(), `${username} ${h.method} ${h.url} read the upload`).toBe(0);
      }
    }
    state.actor = await actorFor(t.db, "wenxi_editor");
  });

  it("a % in a path parameter (already decoded by Next.js) is a 4xx, never a 500", async () => {
    state.actor = await actorFor(t.db, "wenxi_editor");
    const all = ROUTES.flatMap((r) => (["GET", ...WRITE_METHODS] as const).filter((m) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(r.source)).map((m) => ({ ...r, method: m })));
    const withKey = all.filter((h) => h.params.some((p) => p === "key" || p === "tableKey"));
    expect(withKey.length).toBeGreaterThanOrEqual(3);
    for (const h of withKey) {
      const mod = (await import(h.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      const values: Record<string, string> = { ...ids, key: "100%", tableKey: "%E4%zz%" };
      const url = h.params.reduce((u, p) => u.replace(`[${p}]`, encodeURIComponent(values[p] ?? "x")), h.url);
      const req = h.method === "GET" ? new Request(`http://${HOST}${url}`, { headers: { host: HOST } }) : request(h.method, url, { origin: `http://${HOST}` });
      const res = await mod[h.method](req, { params: Promise.resolve(Object.fromEntries(h.params.map((p) => [p, values[p] ?? "x"]))) });
      expect(res.status, `${h.method} ${h.url}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${h.method} ${h.url}`).toBeLessThan(500);
    }
  });
});
