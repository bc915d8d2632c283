// Path traversal through the upload's file name, end to end through the route handlers (multipart upload, then
// download): whatever the name, the bytes are stored under a generated key inside FILES_DIR, the shown name has
// no path, and the download's Content-Disposition is one valid header line.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { LocalFileStorage } from "@/lib/storage/local";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: null as Db | null, storage: null as unknown }));
vi.mock("@/lib/auth/server/session", () => ({ getActor: async () => state.actor }));
vi.mock("@/lib/db/client", () => ({ getDb: () => state.db }));
vi.mock("@/lib/storage", () => ({ getStorage: () => state.storage }));

const { POST: upload } = await import("@/app/api/reports/[reportId]/evidence/route");
const { GET: download } = await import("@/app/api/evidence/[evidenceId]/route");

const HOST = "edu.example.gov.cn";
const pdf = new Uint8Array([...Buffer.from("%PDF-1.4\n% 佐证\n"), ...new Uint8Array(32)]);
const NAMES = [
  "../../etc/passwd.pdf",
  "..\\..\\x.pdf",
  "/etc/passwd.pdf",
  "C:\\Windows\\System32\\drivers\\etc\\hosts.pdf",
  "a\u0000b.pdf",
  "%2e%2e%2f%2e%2e%2fx.pdf",
  "....//....//x.pdf",
  "x.pdf\r\nSet-Cookie: a=b.pdf",
  'a";filename=evil.exe;.pdf',
  "\u202Efdp.exe.pdf",
  `${"长".repeat(5000)}.pdf`,
];

describe.each(TEST_PROVIDERS)("hostile evidence file names on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let root: string;
  let reportId: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "edu-files-root-"));
    state.db = t.db;
    state.storage = new LocalFileStorage(path.join(root, "files"));
    state.actor = await actorFor(t.db, "wenxi_editor");
    const scheme = await t.db.scheme.findFirstOrThrow();
    reportId = await createReport(t.db, state.actor, { schemeId: scheme.id, copyFromId: null });
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
  });

  it.each(NAMES.map((n) => [JSON.stringify(n).slice(0, 60), n]))("%s is stored under a generated key and downloads safely", async (_label, name) => {
    const form = new FormData();
    form.set("file", new File([pdf], name, { type: "application/pdf" }));
    form.set("criterionCode", "preschool");
    const res = await upload(new Request(`http://${HOST}/api/reports/${reportId}/evidence`, { method: "POST", headers: { host: HOST }, body: form }), {
      params: Promise.resolve({ reportId }),
    });
    expect(res.status).toBe(201);
    const { id, fileName } = (await res.json()) as { id: string; fileName: string };
    const row = await t.db.evidence.findUniqueOrThrow({ where: { id } });
    // The key is ours: never derived from the name.
    expect(row.storageKey).toBe(`evidence/${reportId}/${id}`);
    expect(fileName).toBe(row.fileName);
    expect(fileName).not.toMatch(/[\\/\u0000-\u001f]/);
    expect(fileName.endsWith(".pdf")).toBe(true);
    expect(fileName.length).toBeLessThanOrEqual(120);
    // Every stored file sits under FILES_DIR/evidence/<report>/ and nowhere else.
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(root, f)).isFile());
    expect(files.every((f) => f.startsWith(path.join("files", "evidence", reportId) + path.sep))).toBe(true);

    const got = await download(new Request(`http://${HOST}/api/evidence/${id}`, { headers: { host: HOST } }), { params: Promise.resolve({ evidenceId: id }) });
    expect(got.status).toBe(200);
    const cd = got.headers.get("content-disposition")!;
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!'()*._~-]+$/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe(fileName);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
  });

  it("a right-to-left override (U+202E) is not stored: the name is shown as invoicefdp.exe.pdf", async () => {
    const form = new FormData();
    form.set("file", new File([pdf], "invoice\u202Efdp.exe.pdf", { type: "application/pdf" }));
    form.set("criterionCode", "preschool");
    const res = await upload(new Request(`http://${HOST}/api/reports/${reportId}/evidence`, { method: "POST", headers: { host: HOST }, body: form }), {
      params: Promise.resolve({ reportId }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await t.db.evidence.findUniqueOrThrow({ where: { id } })).fileName).toBe("invoicefdp.exe.pdf");
  });

  it("a wrong type under a hostile name is refused in Chinese and nothing is stored", async () => {
    const before = await t.db.evidence.count();
    const listed = readdirSync(root, { recursive: true }).length;
    for (const [name, bytes] of [
      ["../../index.html.pdf", Buffer.from("<html><script>alert(1)</script>")],
      ["..\\run.exe", Buffer.from("MZ\x90\x00")],
      ["../../etc/passwd", pdf],
    ] as const) {
      const form = new FormData();
      form.set("file", new File([bytes], name));
      form.set("criterionCode", "preschool");
      const res = await upload(new Request(`http://${HOST}/api/reports/${reportId}/evidence`, { method: "POST", headers: { host: HOST }, body: form }), {
        params: Promise.resolve({ reportId }),
      });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toMatch(/^不支持的文件类型或文件内容与扩展名不符/);
    }
    expect(await t.db.evidence.count()).toBe(before);
    expect(readdirSync(root, { recursive: true }).length).toBe(listed);
  });
});
