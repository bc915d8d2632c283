import { describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createRegion, deleteRegion, updateRegion } from "@/lib/regions/server/service";
import { importRegionsCsv, RegionImportError } from "@/lib/regions/server/csv-import";

const bytes = (s: string) => new TextEncoder().encode(s);

describe.each(TEST_PROVIDERS)("region tree on %s", (provider) => {
  const t = useDemoDb(provider);

  it("creates a county under a city and derives its level and path", async () => {
    const admin = await actorFor(t.db, "admin");
    const r = await createRegion(t.db, admin, { code: "140824", name: "稷山县", parentCode: "140800" });
    expect(r).toMatchObject({ level: "county", path: "/140000/140800/140824/" });
    await expect(createRegion(t.db, admin, { code: "140824", name: "再次", parentCode: "140800" })).rejects.toMatchObject({
      fieldErrors: { code: ["代码 140824 已被使用"] },
    });
    await expect(createRegion(t.db, admin, { code: "140899", name: "县下之县", parentCode: "140823" })).rejects.toMatchObject({
      message: "县级区划下不能再添加下级区划",
    });
    await expect(createRegion(t.db, admin, { code: "140898", name: "未知上级", parentCode: "149999" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("moves a county to another city and keeps reach consistent", async () => {
    const admin = await actorFor(t.db, "admin");
    await updateRegion(t.db, admin, { code: "140824", name: "稷山县", parentCode: "141000" });
    const moved = await t.db.region.findUniqueOrThrow({ where: { code: "140824" } });
    expect(moved.path).toBe("/140000/141000/140824/");
    await expect(updateRegion(t.db, admin, { code: "140824", name: "稷山县", parentCode: "140000" })).rejects.toMatchObject({
      message: "上级区划的级别不符",
    });
  });

  it("refuses to delete a region that still has counties or accounts", async () => {
    const admin = await actorFor(t.db, "admin");
    await expect(deleteRegion(t.db, admin, "140800")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(deleteRegion(t.db, admin, "140823")).rejects.toThrow(/用户账号/);
    await deleteRegion(t.db, admin, "140824");
    expect(await t.db.region.findUnique({ where: { code: "140824" } })).toBeNull();
  });

  it("imports a CSV all or nothing: one bad row stops every row, a clean file goes in whole", async () => {
    const admin = await actorFor(t.db, "admin");
    const before = await t.db.region.count();
    const bad = "code,name,parent_code\n140900,忻州市,140000\n140901,忻府区,140900\n140902,坏行,123\n";
    const error = await importRegionsCsv(t.db, admin, bytes(bad)).catch((e) => e);
    expect(error).toBeInstanceOf(RegionImportError);
    expect(error.rows).toEqual([{ line: 4, message: "上级代码“123”不是 6 位行政区划代码" }]);
    expect(await t.db.region.count()).toBe(before);

    const good = "code,name,parent_code\n140901,忻府区,140900\n140900,忻州市,140000\n140802,盐湖区,140800\n";
    await expect(importRegionsCsv(t.db, admin, bytes(good))).resolves.toEqual({ created: 2, renamed: 0, unchanged: 1 });
    expect(await t.db.region.count()).toBe(before + 2);
    expect(await t.db.auditEvent.count({ where: { action: "region.import" } })).toBe(1);
  });

  it("refuses empty and oversized files, and county users entirely", async () => {
    const admin = await actorFor(t.db, "admin");
    await expect(importRegionsCsv(t.db, admin, new Uint8Array())).rejects.toMatchObject({ message: "文件为空" });
    await expect(importRegionsCsv(t.db, admin, new Uint8Array(2 * 1024 * 1024))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const editor = await actorFor(t.db, "wenxi_editor");
    await expect(importRegionsCsv(t.db, editor, bytes("140903,原平市,140900"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
