// The demo report rendered by LibreOffice and measured with poppler: the GB/T 9704 geometry as printed, not as
// declared. Page 1 and the first two landscape pages are kept as PNGs in test-results/docx/ for a look by eye.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { convertToPdf, lines, missingRenderTool, pageSizes, plainText, PT_PER_MM, words, type Word } from "@/lib/docx/testing/render";
import { sectionsOf } from "@/lib/report/sections";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const missing = missingRenderTool();
const mm = (pt: number) => pt / PT_PER_MM;
const LINE_PITCH_MM = mm(579 / 20);
const ARTEFACTS = path.resolve(import.meta.dirname, "../../test-results/docx");
/**
 * A line whose 28 characters are not moved by line-breaking rules: Chinese and in-line marks only (no digits or
 * Latin, whose widths differ), no brackets or quotes (an opening mark may not end a line, so the line breaks early;
 * quotes are set in the proportional hAnsi face), no mark at its end (a final 。 may hang outside the block), and
 * followed by a line that starts with a Chinese character (a quote or a number there may be pulled back whole).
 */
const PLAIN_FULL_LINE = /^[\p{Script=Han}，、；：。！？]+[\p{Script=Han}]$/u;

describe.skipIf(missing)(`LibreOffice render of the demo report${missing ? `（跳过：${missing}）` : ""}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "docx-render-"));
  let all: Word[] = [];
  let sizes: { width: number; height: number }[] = [];
  let text = "";
  let bodyPages: number[] = [];
  /** The first page with a line reading exactly `text` (words joined, as pdftotext splits at font changes). */
  const pageWithLine = (text: string) => sizes.findIndex((_, i) => lines(all, i + 1).some((l) => l.text === text)) + 1;

  beforeAll(async () => {
    const vm = buildReportViewModel({ scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县" });
    const docx = path.join(dir, "demo.docx");
    writeFileSync(docx, await renderReportDocx(vm));
    const pdf = convertToPdf(docx);
    [all, sizes, text] = [words(pdf), pageSizes(pdf), plainText(pdf).replace(/\s+/g, "")];
    const annexPage = pageWithLine("附件1");
    bodyPages = Array.from({ length: annexPage - 1 }, (_, i) => i + 1);
    mkdirSync(ARTEFACTS, { recursive: true });
    execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(ARTEFACTS, "demo-page-1")]);
    const landscape = String(pageWithLine("问题整改清单"));
    execFileSync("pdftoppm", ["-r", "60", "-png", "-f", landscape, "-l", String(Number(landscape) + 1), pdf, path.join(ARTEFACTS, "demo-landscape")]);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints on A4, portrait for the text and 附件1, landscape for 附件2", () => {
    const landscape = pageWithLine("问题整改清单");
    expect(landscape).toBeGreaterThan(pageWithLine("附件1"));
    sizes.forEach((s, i) => {
      const [w, h] = i + 1 >= landscape ? [841.89, 595.28] : [595.28, 841.89];
      expect(Math.abs(s.width - w), `page ${i + 1}`).toBeLessThanOrEqual(1);
      expect(Math.abs(s.height - h), `page ${i + 1}`).toBeLessThanOrEqual(1);
    });
    console.info(`pages: ${sizes.length} (text ${bodyPages.length}, landscape from ${landscape})`);
  });

  it("starts the text block 28 mm from the left and its first line box 37 mm from the top", () => {
    const left = Math.min(...bodyPages.slice(1).flatMap((p) => lines(all, p).filter((l) => l.y < 700).map((l) => l.x)));
    const firstGlyph = (page: number) => mm(lines(all, page)[0].y);
    console.info(`left ${mm(left).toFixed(2)} mm; first glyph p1 ${firstGlyph(1).toFixed(2)} mm, p2 ${firstGlyph(2).toFixed(2)} mm`);
    expect(Math.abs(mm(left) - 28)).toBeLessThanOrEqual(1);
    for (const page of [1, 2]) {
      expect(firstGlyph(page)).toBeGreaterThanOrEqual(37);
      expect(firstGlyph(page)).toBeLessThan(37 + LINE_PITCH_MM);
    }
  });

  it("sets 28 characters on every full line of Chinese and at most 22 lines a page", () => {
    const full = bodyPages.flatMap((p) =>
      lines(all, p).filter(
        (l, i, page) =>
          Math.abs(mm(l.x) - 28) < 1 && mm(l.xMax) > 183 && PLAIN_FULL_LINE.test(l.text) && /^\p{Script=Han}/u.test(page[i + 1]?.text ?? ""),
      ),
    );
    expect(full.length).toBeGreaterThan(50);
    expect(full.filter((l) => [...l.text].length !== 28).map((l) => l.text)).toEqual([]);
    const perPage = bodyPages.map((p) => lines(all, p).filter((l) => mm(l.y) < 262).length);
    console.info(`full lines checked: ${full.length}; lines per page: ${perPage.join(" ")}`);
    expect(Math.max(...perPage)).toBe(22);
  });

  it("numbers pages — N — 7 mm below the text block, odd right and even left, one character in", () => {
    const number = (page: number) => lines(all, page).find((l) => /^—\d+—$/.test(l.text))!;
    expect(number(1).text).toBe("—1—");
    expect(number(2).text).toBe("—2—");
    const dash = all.find((w) => w.page === 1 && w.text === "—")!;
    const centre = mm((dash.y + dash.yMax) / 2);
    console.info(`page number centre ${centre.toFixed(2)} mm from the top (text block ends at 262 mm)`);
    expect(Math.abs(centre - 269)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(mm(number(1).xMax) - (210 - 26 - 5.6))).toBeLessThanOrEqual(1);
    expect(Math.abs(mm(number(2).x) - (28 + 5.6))).toBeLessThanOrEqual(1);
    const lastPortrait = pageWithLine("问题整改清单") - 1;
    expect(number(lastPortrait).text).toBe(`—${lastPortrait}—`);
  });

  it("turns the landscape pages' numbers onto the sheet's foot, where the portrait pages have them (§10.1)", () => {
    // The landscape left edge is the sheet's foot and its top the sheet's left edge (layout.ts). So the number reads
    // downwards with its centre 28 mm from the left edge; an odd page's number ends 26 + 5.6 mm above the landscape
    // foot (the sheet's right edge, one character in), an even page's starts 28 + 5.6 mm below the top.
    const landscape = pageWithLine("问题整改清单");
    expect(sizes.length).toBeGreaterThan(landscape);
    for (let page = landscape; page <= sizes.length; page++) {
      const glyphs = all.filter((w) => w.page === page && Math.abs(mm((w.x + w.xMax) / 2) - 28) <= 1.5).sort((a, b) => a.y - b.y);
      expect(glyphs.map((w) => w.text).join(""), `page ${page}`).toBe(`—${page}—`);
      const [top, bottom] = [mm(glyphs[0].y), mm(glyphs.at(-1)!.yMax)];
      if (page % 2) expect(Math.abs(bottom - (210 - 26 - 5.6)), `page ${page} ends at ${bottom.toFixed(2)} mm`).toBeLessThanOrEqual(1);
      else expect(Math.abs(top - (28 + 5.6)), `page ${page} starts at ${top.toFixed(2)} mm`).toBeLessThanOrEqual(1);
      expect(lines(all, page).filter((l) => /—\d+—/.test(l.text)).map((l) => l.text), `page ${page}`).toEqual([]);
    }
  });

  it("prints the twelve criteria headings and both annex tables with their headers", () => {
    for (const s of sectionsOf(SHANXI_2021_COUNTY).filter((s) => s.partKind === "criteria")) expect(text).toContain(s.heading);
    for (const t of ["附件1", "指标自评表", "评价重点", "指标", "自评值", "目标", "达标情况", "未达标"]) expect(text).toContain(t);
    for (const t of ["附件2", "问题整改清单", "序号", "问题", "整改措施", "牵头单位", "责任人", "完成时限", "状态"]) expect(text).toContain(t);
    // Each annex starts a page with its label on the first line.
    for (const label of ["附件1", "附件2"]) expect(lines(all, pageWithLine(label))[0].text).toBe(label);
  });
});
