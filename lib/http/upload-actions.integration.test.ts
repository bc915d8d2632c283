// The two admin uploads that are server actions (scheme JSON, region CSV): an oversized file, a wrong type, an
// empty file or bytes that are not what the name says are each refused with a clear Chinese message, and nothing
// is stored. (The evidence upload route is covered in lib/http/api-origin.integration.test.ts.)
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { SCHEME_MAX_BYTES } from "@/lib/schemes/server/service";
import { CSV_MAX_BYTES } from "@/lib/regions/schemas";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: null as Db | null }));
vi.mock("@/lib/auth/server/session", () => ({ getActor: async () => state.actor }));
vi.mock("@/lib/db/client", () => ({ getDb: () => state.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { uploadSchemeAction } = await import("@/app/(app)/admin/schemes/actions");
const { importRegionsAction } = await import("@/app/(app)/admin/regions/actions");

const formWith = (file?: File) => {
  const fd = new FormData();
  if (file) fd.set("file", file);
  return fd;
};
const HAN = /\p{Script=Han}/u;

describe.each(TEST_PROVIDERS)("admin uploads on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  beforeAll(async () => {
    state.db = t.db;
    state.actor = await actorFor(t.db, "admin");
  });

  /** Each file is refused with exactly its message (a string is the whole message). */
  async function expectRefusals(upload: (form: FormData) => Promise<{ ok: boolean; error?: string }>, cases: [File | undefined, string | RegExp][]) {
    for (const [file, message] of cases) {
      const result = await upload(formWith(file));
      expect(result.ok, file?.name).toBe(false);
      expect(result.error).toMatch(typeof message === "string" ? new RegExp(`^${message}$`) : message);
    }
  }

  it("scheme upload refuses oversized, wrong-type, empty and non-JSON files and stores nothing", async () => {
    const before = await t.db.scheme.count();
    const audit = await t.db.auditEvent.count();
    const cases: [File | undefined, string | RegExp][] = [
      [undefined, "请选择评价方案 JSON 文件"],
      [new File([], "空.json"), "文件为空"],
      [new File([new Uint8Array(SCHEME_MAX_BYTES + 1).fill(0x20)], "大.json"), "文件过大：评价方案 JSON 不能超过 512 KB"],
      [new File(["{}"], "scheme.exe"), "请上传 .json 文件"],
      [new File(["{}"], "scheme.json.html"), "请上传 .json 文件"],
      [new File(["<html><script>alert(1)</script></html>"], "../../scheme.json"), HAN],
      [new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff])], "scheme.json"), HAN],
      [new File(['{"code":"x","title":"<script>"}'], "scheme.json"), HAN],
    ];
    await expectRefusals(uploadSchemeAction, cases);
    expect(await t.db.scheme.count()).toBe(before);
    expect(await t.db.auditEvent.count()).toBe(audit);
  });

  it("region CSV import refuses oversized, wrong-type, empty and binary files and stores nothing", async () => {
    const before = await t.db.region.count();
    const audit = await t.db.auditEvent.count();
    const row = "code,name,parentCode\n141099,测试县,141000\n";
    const cases: [File | undefined, string | RegExp][] = [
      [undefined, "请选择 CSV 文件"],
      [new File([], "空.csv"), "文件为空"],
      [new File([row, "#".repeat(CSV_MAX_BYTES)], "大.csv"), "文件过大：CSV 不能超过 1 MB"],
      [new File([row], "regions.xlsx"), "请上传 .csv 文件"],
      [new File([row], "regions.csv.exe"), "请上传 .csv 文件"],
      [new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0, 0x0a])], "regions.csv"), HAN],
      [new File(["code,name,parentCode\n141099,<img src=x onerror=alert(1)>,141000\n"], "../../regions.csv"), HAN],
    ];
    await expectRefusals(importRegionsAction, cases);
    expect(await t.db.region.count()).toBe(before);
    expect(await t.db.auditEvent.count()).toBe(audit);
  });

  it("a non-admin cannot upload at all, even a valid file", async () => {
    state.actor = await actorFor(t.db, "wenxi_editor");
    try {
      const result = await importRegionsAction(formWith(new File(["code,name,parentCode\n141098,测试县,141000\n"], "regions.csv")));
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", error: "您没有执行此操作的权限" });
    } finally {
      state.actor = await actorFor(t.db, "admin");
    }
  });
});
