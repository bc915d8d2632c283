import { describe, expect, it } from "vitest";
import { decodeCsv, parseRegionCsv, planRegionImport } from "@/lib/regions/server/csv-import";
import { DEMO_REGIONS } from "@/lib/seed/demo";
import { regionPath } from "@/lib/regions/levels";

function existing() {
  const paths = new Map<string, string>();
  const out = new Map<string, { code: string; name: string; level: string; path: string; parentCode: string | null }>();
  for (const r of DEMO_REGIONS) {
    const path = regionPath(r.parentCode ? paths.get(r.parentCode)! : null, r.code);
    paths.set(r.code, path);
    out.set(r.code, { ...r, path });
  }
  return out;
}

const PROVINCE = "/140000/";

function plan(csv: string, scope = PROVINCE) {
  const { rows, errors } = parseRegionCsv(csv);
  const p = planRegionImport(rows, existing(), scope);
  return { ...p, errors: [...errors, ...p.errors].sort((a, b) => a.line - b.line) };
}

describe("region CSV import", () => {
  it("creates a city and its counties in one file, parents first, with a header row", () => {
    const p = plan("code,name,parent_code\n140901,忻府区,140900\n140900,忻州市,140000\n");
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => [c.code, c.level, c.path])).toEqual([
      ["140900", "city", "/140000/140900/"],
      ["140901", "county", "/140000/140900/140901/"],
    ]);
  });

  it("reports every bad row by its line number and plans nothing for them", () => {
    const p = plan(
      [
        "代码,名称,上级代码",
        "140824,稷山县,140800", // fine
        "14082X,坏代码,140800", // bad code
        "140825,新绛县", // missing column
        "140826,绛县,999999", // unknown parent
        "140827,垣曲县,140823", // parent is a county
        "140824,重复,140800", // duplicate
        "140828,<script>,140800", // bad name
      ].join("\n"),
    );
    expect(p.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(p.errors[0].message).toContain("不是 6 位行政区划代码");
    expect(p.errors[1].message).toContain("应有 3 列");
    expect(p.errors[2].message).toContain("上级代码 999999 不存在");
    expect(p.errors[3].message).toContain("是县级，不能再有下级");
    expect(p.errors[4].message).toContain("与第 2 行重复");
    expect(p.errors[5].message).toContain("特殊符号");
  });

  it("refuses parents outside the admin's reach", () => {
    const p = plan("141003,侯马市,141000\n", "/140000/140800/");
    expect(p.errors[0].message).toContain("不在您的管理范围内");
  });

  it("renames existing regions, skips identical ones, refuses moves", () => {
    const p = plan("140823,闻喜县,140800\n140802,盐湖区（新）,140800\n141002,尧都区,140800\n");
    expect(p.unchanged).toBe(1);
    expect(p.renames).toEqual([{ code: "140802", name: "盐湖区（新）" }]);
    expect(p.errors[0].message).toContain("上级代码与现有记录不一致");
  });

  it("reads UTF-8 with BOM and Excel's GB18030", () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("140824,稷山县,140800")]);
    expect(decodeCsv(utf8)).toBe("140824,稷山县,140800");
    // "稷山县" in GB18030
    const gbk = new Uint8Array([...Buffer.from("140824,"), 0xf0, 0xa2, 0xc9, 0xbd, 0xcf, 0xd8, ...Buffer.from(",140800")]);
    expect(decodeCsv(gbk)).toBe("140824,稷山县,140800");
  });

  it("turns a broken quote into one clear error", () => {
    const p = plan('140824,"稷山县,140800\n');
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0].message).toContain("CSV 格式错误");
  });
});
