import { describe, expect, it } from "vitest";
import { breakTitle, TITLE_LINE_CHARS } from "@/lib/docx/title-break";

const len = (s: string) => [...s].length;

describe("breakTitle", () => {
  it("keeps a title that fits on one line", () => {
    expect(breakTitle("闻喜县自评报告")).toEqual(["闻喜县自评报告"]);
    expect(breakTitle("  ")).toEqual([]);
  });

  it("breaks the demo title at a word boundary, longer line on top", () => {
    const lines = breakTitle("闻喜县人民政府办公室关于履行教育职责评价工作的自评报告", { keep: ["闻喜县人民政府办公室"] });
    expect(lines).toEqual(["闻喜县人民政府办公室关于履行教育职责", "评价工作的自评报告"]);
  });

  it("never breaks where the line merely fills up, nor inside a kept name or a term", () => {
    const title = "运城市盐湖区人民政府关于2021年度履行教育职责情况的自查报告";
    const lines = breakTitle(title, { keep: ["运城市盐湖区人民政府"] });
    expect(lines.join("")).toBe(title);
    expect(lines.every((l) => len(l) <= TITLE_LINE_CHARS)).toBe(true);
    expect(lines.some((l) => l.includes("运城市盐湖区人民政府"))).toBe(true);
    expect(lines.some((l) => l.includes("自查报告"))).toBe(true);
    expect(lines.some((l) => /^(的|工作|报告|情况)/.test(l))).toBe(false);
    expect(lines.some((l) => /(关于|履行)$/.test(l))).toBe(false);
  });

  it("does not leave a book-title mark at a line end or a closing mark at a line start", () => {
    const lines = breakTitle("山西省人民政府教育督导委员会关于印发《2021年对市县级政府履行教育职责的评价方案》的通知");
    expect(lines.join("")).toContain("《2021年");
    expect(lines.some((l) => /[《（]$/.test(l) || /^[》）]/.test(l))).toBe(false);
    expect(lines.every((l) => len(l) <= TITLE_LINE_CHARS)).toBe(true);
  });

  it("falls back to filling lines when no acceptable break exists", () => {
    // One "word" to the segmenter: no boundary inside it.
    const unbreakable = "A".repeat(45);
    expect(breakTitle(unbreakable).map(len)).toEqual([20, 20, 5]);
  });
});
