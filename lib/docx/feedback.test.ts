// The 督导反馈意见书's Word file: ISO/IEC 29500 conformance (the Open XML SDK's validator, as schema.test.ts does for
// the report) and the LibreOffice render measured with poppler against the same GB/T 9704 geometry the report's
// render test checks: A4, the text block 28 mm from the left and 37 mm from the top, 22 lines a page, the 主送机关
// flush left under the title, page numbers — N — 7 mm below the text, and 自评 beside 核定 in the annex.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import validate from "@ooxml-tools/validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFeedbackDocx } from "@/lib/docx/feedback";
import { demoFeedbackViewModel } from "@/lib/docx/testing/feedback";
import { convertToPdf, lines, missingRenderTool, pageSizes, plainText, PT_PER_MM, words, type Word } from "@/lib/docx/testing/render";
import { entryText, unzip } from "@/lib/docx/testing/unzip";

const mm = (pt: number) => pt / PT_PER_MM;
const LINE_PITCH_MM = mm(579 / 20);
const ARTEFACTS = path.resolve(import.meta.dirname, "../../test-results/docx");

describe("督导反馈意见书 .docx", () => {
  it("has no schema validation errors", async () => {
    const bytes = await renderFeedbackDocx(demoFeedbackViewModel());
    const errors = await validate(new Uint8Array(bytes), "docx", "Microsoft365");
    expect(errors.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description}`)).toEqual([]);
  }, 60_000);

  it("is the same file for the same feedback, issued by the 督导室 to the county's 人民政府", async () => {
    const vm = demoFeedbackViewModel();
    const [a, b] = [await renderFeedbackDocx(vm), await renderFeedbackDocx(vm)];
    expect(a.equals(b)).toBe(true);
    // (Without the word joiners joins.ts puts between numbers and their units.)
    const doc = entryText(unzip(a), "word/document.xml").replace(/\u2060/g, "");
    for (const t of ["闻喜县人民政府：", "运城市人民政府教育督导室", "2026年12月3日", "一、主要成效", "二、存在问题", "三、整改要求", "附件：核定情况表", "学籍系统数据与自评不一致"]) expect(doc).toContain(t);
    expect(entryText(unzip(a), "docProps/core.xml")).toContain("<dc:creator>运城市人民政府教育督导室</dc:creator>");
  });
});

const missing = missingRenderTool();
describe.skipIf(missing)(`LibreOffice render of a 督导反馈意见书${missing ? `（跳过：${missing}）` : ""}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "docx-feedback-"));
  let all: Word[] = [];
  let sizes: { width: number; height: number }[] = [];
  let text = "";
  const pageWithLine = (t: string) => sizes.findIndex((_, i) => lines(all, i + 1).some((l) => l.text === t)) + 1;

  beforeAll(async () => {
    const file = path.join(dir, "feedback.docx");
    writeFileSync(file, await renderFeedbackDocx(demoFeedbackViewModel()));
    const pdf = convertToPdf(file);
    [all, sizes, text] = [words(pdf), pageSizes(pdf), plainText(pdf).replace(/\s+/g, "")];
    mkdirSync(ARTEFACTS, { recursive: true });
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(ARTEFACTS, "feedback")]);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints on A4 portrait, the text block 28 mm from the left, its first line 37 mm from the top", () => {
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const s of sizes) expect([Math.round(s.width), Math.round(s.height)]).toEqual([595, 842]);
    const annex = pageWithLine("附件");
    const body = Array.from({ length: annex - 1 }, (_, i) => i + 1);
    const left = Math.min(...body.flatMap((p) => lines(all, p).filter((l) => l.y < 700).map((l) => l.x)));
    console.info(`pages ${sizes.length}, annex from ${annex}; left ${mm(left).toFixed(2)} mm; first glyph ${mm(lines(all, 1)[0].y).toFixed(2)} mm`);
    expect(Math.abs(mm(left) - 28)).toBeLessThanOrEqual(1);
    for (const page of [1, annex]) {
      expect(mm(lines(all, page)[0].y)).toBeGreaterThanOrEqual(37);
      expect(mm(lines(all, page)[0].y)).toBeLessThan(37 + LINE_PITCH_MM);
    }
    for (const p of body) expect(lines(all, p).filter((l) => mm(l.y) < 262).length).toBeLessThanOrEqual(22);
  });

  it("puts the 主送机关 flush left after the blank line under the title, the 落款 right, and numbers the pages", () => {
    const page1 = lines(all, 1);
    const at = page1.findIndex((l) => l.text === "闻喜县人民政府：");
    expect(at).toBeGreaterThan(0);
    expect(Math.abs(mm(page1[at].x) - 28)).toBeLessThanOrEqual(0.5);
    expect(page1[at].y - page1[at - 1].y).toBeGreaterThan(1.5 * 28.95);
    const issuerPage = sizes.findIndex((_, i) => lines(all, i + 1).some((l) => l.text === "运城市人民政府教育督导室")) + 1;
    const issuer = lines(all, issuerPage).find((l) => l.text === "运城市人民政府教育督导室")!;
    // 右空二字: ends 2 characters (2 × 16 pt) in from the right edge of the 156 mm text block.
    expect(Math.abs(mm(issuer.xMax) - (28 + 156 - (2 * 16) / PT_PER_MM))).toBeLessThanOrEqual(1.5);
    const number = (page: number) => lines(all, page).find((l) => /^—\d+—$/.test(l.text))?.text;
    expect(number(1)).toBe("—1—");
    expect(number(2)).toBe("—2—");
  });

  it("prints the three parts and the 核定情况表 with 自评 beside 核定", () => {
    for (const t of ["一、主要成效", "二、存在问题", "三、整改要求", "核定情况表", "评价重点", "项目", "自评", "核定", "核定意见", "95.00%", "学籍系统数据与自评不一致", "完成时限：2027年3月31日"]) expect(text).toContain(t);
    expect(lines(all, pageWithLine("附件"))[0].text).toBe("附件");
  });
});
