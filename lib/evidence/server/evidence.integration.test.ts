import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { addEvidence, deleteEvidence, getEvidenceForDownload, listEvidence } from "@/lib/evidence/server/service";
import { cleanFileName } from "@/lib/evidence/file-name";
import type { FileStorage } from "@/lib/storage/storage";
import { createTestStorage, TEST_STORAGES, type TestStorage } from "@/lib/testing/storage";
import { createUser } from "@/lib/users/server/service";

const pdf = new Uint8Array([...Buffer.from("%PDF-1.4\n% 佐证材料\n"), ...new Uint8Array(100)]);

const cases = TEST_PROVIDERS.flatMap((provider) => TEST_STORAGES.map((driver) => [provider, driver] as const));

describe.each(cases)("evidence on %s, files in %s storage", (provider, driver) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let files: TestStorage;
  let storage: FileStorage;
  let reportId: string;
  beforeAll(async () => {
    files = await createTestStorage(driver);
    storage = files.storage;
    const editor = await actorFor(t.db, "wenxi_editor");
    const scheme = await t.db.scheme.findFirstOrThrow();
    reportId = await createReport(t.db, editor, { schemeId: scheme.id, copyFromId: null });
  });
  afterAll(async () => {
    await files?.cleanup();
  });

  it("stores a PDF with its sha256 and lists it with the criterion", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const row = await addEvidence(t.db, storage, editor, { reportId, criterionCode: "preschool", fileName: "../../etc/普惠园认定.pdf", bytes: pdf });
    expect(row.fileName).toBe("普惠园认定.pdf");
    expect(row.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(row.mimeType).toBe("application/pdf");
    const list = await listEvidence(t.db, editor, reportId);
    expect(list.map((e) => e.criterionCode)).toEqual(["preschool"]);
    const stream = await storage.get(row.storageKey);
    const chunks: Buffer[] = [];
    for await (const c of stream!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(Buffer.from(pdf))).toBe(true);
  });

  it("refuses mislabelled, unknown, empty and oversized files with nothing stored", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const before = await t.db.evidence.count();
    const add = (fileName: string, bytes: Uint8Array) => addEvidence(t.db, storage, editor, { reportId, criterionCode: "preschool", fileName, bytes });
    await expect(add("报告.pdf", Buffer.from("<html><script>alert(1)</script></html>"))).rejects.toMatchObject({ message: expect.stringContaining("不支持的文件类型") });
    await expect(add("setup.exe", Buffer.from("MZ\x90\x00"))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(add("照片.docx", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(add("空.pdf", new Uint8Array())).rejects.toMatchObject({ message: "文件为空" });
    await expect(add("大.pdf", new Uint8Array(20 * 1024 * 1024 + 1))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(addEvidence(t.db, storage, editor, { reportId, criterionCode: "nope", fileName: "a.pdf", bytes: pdf })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.evidence.count()).toBe(before);
  });

  it("lets readers of the report download, and nobody else", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const [row] = await listEvidence(t.db, editor, reportId);
    await expect(getEvidenceForDownload(t.db, await actorFor(t.db, "yuncheng_reviewer"), row.id)).resolves.toMatchObject({ id: row.id });
    const admin = await actorFor(t.db, "admin");
    await createUser(t.db, admin, { username: "yaodu_editor", name: "尧都填报", role: "county_editor", regionCode: "141002", password: "Yaodu2021x" });
    await expect(getEvidenceForDownload(t.db, await actorFor(t.db, "yaodu_editor"), row.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteEvidence(t.db, storage, await actorFor(t.db, "yuncheng_reviewer"), row.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteEvidence(t.db, storage, editor, row.id);
    expect(await storage.get(row.storageKey)).toBeNull();
  });

  it("cleans file names and refuses storage keys that leave the root", async () => {
    expect(cleanFileName("C:\\Users\\张\\表<1>.xlsx")).toBe("表1.xlsx");
    expect(cleanFileName("....")).toBe("未命名文件");
    await expect(storage.put("../escape", pdf)).rejects.toThrow(/invalid storage key/);
  });
});
