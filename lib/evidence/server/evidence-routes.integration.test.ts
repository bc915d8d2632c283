// The evidence routes as the browser calls them (multipart upload, download, delete), on each storage driver: the
// bytes that come down are the bytes that went up, with their length, type and file name, and a delete removes the
// stored object. With S3 this is the whole path of a multi-instance deployment: route → storage → s3rver and back.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import type { FileStorage } from "@/lib/storage/storage";
import { actorFor } from "@/lib/testing/actors";
import { useDemoDb } from "@/lib/testing/demo-db";
import { allKeys, createTestStorage, TEST_STORAGES, type TestStorage } from "@/lib/testing/storage";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: null as Db | null, storage: null as FileStorage | null }));
vi.mock("@/lib/auth/server/session", () => ({ getActor: async () => state.actor }));
vi.mock("@/lib/db/client", () => ({ getDb: () => state.db }));
vi.mock("@/lib/storage", () => ({ getStorage: () => state.storage }));

const HOST = "edu.example.gov.cn";
const upload = await import("@/app/api/reports/[reportId]/evidence/route");
const evidence = await import("@/app/api/evidence/[evidenceId]/route");

describe.each(TEST_STORAGES)("evidence routes with %s storage", (driver) => {
  const t = useDemoDb("sqlite");
  let files: TestStorage;
  let reportId: string;
  beforeAll(async () => {
    files = await createTestStorage(driver);
    state.db = t.db;
    state.storage = files.storage;
    state.actor = await actorFor(t.db, "wenxi_editor");
    reportId = (await t.db.report.findFirstOrThrow({ where: { county: { name: "闻喜县" } } })).id;
  });
  afterAll(async () => {
    await files?.cleanup();
  });

  it("uploads, downloads the same bytes and deletes", async () => {
    // A 3 MB PDF: big enough that a download is several chunks.
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n% 普惠园认定文件\n"), randomBytes(3 * 1024 * 1024)]);
    const form = new FormData();
    form.set("file", new File([bytes], "普惠性幼儿园认定.pdf", { type: "application/pdf" }));
    form.set("criterionCode", "preschool");
    const posted = await upload.POST(new Request(`http://${HOST}/api/reports/${reportId}/evidence`, { method: "POST", headers: { host: HOST }, body: form }), {
      params: Promise.resolve({ reportId }),
    });
    expect(posted.status).toBe(201);
    const row = (await posted.json()) as { id: string; size: number; sha256: string };
    expect(row).toMatchObject({ size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    expect(await allKeys(files.storage)).toHaveLength(1);

    const params = { params: Promise.resolve({ evidenceId: row.id }) };
    const got = await evidence.GET(new Request(`http://${HOST}/api/evidence/${row.id}`, { headers: { host: HOST } }), params);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-length")).toBe(String(bytes.length));
    expect(got.headers.get("content-disposition")).toContain(encodeURIComponent("普惠性幼儿园认定.pdf"));
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    const deleted = await evidence.DELETE(new Request(`http://${HOST}/api/evidence/${row.id}`, { method: "DELETE", headers: { host: HOST, origin: `http://${HOST}` } }), {
      params: Promise.resolve({ evidenceId: row.id }),
    });
    expect(deleted.status).toBe(200);
    expect(await allKeys(files.storage)).toEqual([]);
    const gone = await evidence.GET(new Request(`http://${HOST}/api/evidence/${row.id}`, { headers: { host: HOST } }), params);
    expect(gone.status).toBe(404);
  });

  it("a row whose object is missing answers 404 in Chinese, not a broken download", async () => {
    const form = new FormData();
    form.set("file", new File([Buffer.from("%PDF-1.4\n丢失\n")], "丢失.pdf", { type: "application/pdf" }));
    form.set("criterionCode", "preschool");
    const posted = await upload.POST(new Request(`http://${HOST}/api/reports/${reportId}/evidence`, { method: "POST", headers: { host: HOST }, body: form }), {
      params: Promise.resolve({ reportId }),
    });
    const { id } = (await posted.json()) as { id: string };
    const stored = await t.db.evidence.findUniqueOrThrow({ where: { id } });
    await files.storage.delete(stored.storageKey); // lost outside the app (a bucket emptied by hand)
    const got = await evidence.GET(new Request(`http://${HOST}/api/evidence/${id}`, { headers: { host: HOST } }), { params: Promise.resolve({ evidenceId: id }) });
    expect(got.status).toBe(404);
    expect(await got.json()).toMatchObject({ code: "NOT_FOUND", error: expect.stringMatching(/文件/) });
  });
});
