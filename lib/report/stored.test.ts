// Stored content decodes through the section's schema: a row saved before a field existed still reads, with the
// field's default, and a corrupt row names its section.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { CONTENT_VERSION } from "@/lib/report/migrate";
import { decodeSection } from "@/lib/report/stored";

const meta = { kind: "meta", heading: "标题与引言", key: "meta" } as const;

describe("decodeSection", () => {
  it("reads a 标题与引言 saved before 主送机关 existed, with an empty 主送机关", () => {
    const old = JSON.stringify({ title: "某县自评报告", issuer: "某县人民政府办公室", date: "2021-11-10", preamble: "现将有关情况报告如下：" });
    // The row is also of content format 1 (plain-text preamble): it comes up to the current format as one paragraph.
    expect(decodeSection(meta, old)).toEqual({ v: CONTENT_VERSION, title: "某县自评报告", issuer: "某县人民政府办公室", recipient: "", date: "2021-11-10", preamble: [{ p: ["现将有关情况报告如下："] }] });
  });

  it("keeps a 主送机关 that was saved", () => {
    const row = JSON.stringify({ title: "", issuer: "", recipient: "运城市人民政府教育督导室", date: "", preamble: "" });
    expect(decodeSection(meta, row)).toMatchObject({ recipient: "运城市人民政府教育督导室" });
  });

  it("names the section of a row that does not decode", () => {
    expect(() => decodeSection(meta, JSON.stringify({ title: 1 }))).toThrow(AppError);
    expect(() => decodeSection(meta, "{")).toThrow(/「标题与引言」已保存的内容无法读取/);
  });
});
