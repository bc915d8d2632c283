// Layout rules as LibreOffice prints them (one soffice start for all files): no table row split over two pages in
// 60-row annexes, the 落款 never alone on a page of a long report, the 主送机关 in its GB/T 9704 place, the title set
// at a full 22 pt a character, and numbers kept with their units. PNGs of a few pages go to test-results/docx/.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "@/lib/docx/pack";
import { entryText, unzip } from "@/lib/docx/testing/unzip";
import { convertAll, lines, missingRenderTool, PT_PER_MM, words, type Word } from "@/lib/docx/testing/render";
import { demoViewModel, longReport, measuresOf, rowTag, sixtyRowAnnexes } from "@/lib/docx/testing/fixtures";
import type { ReportViewModel } from "@/lib/docx/types";

const missing = missingRenderTool();
const mm = (pt: number) => pt / PT_PER_MM;
const ARTEFACTS = path.resolve(import.meta.dirname, "../../test-results/docx");
/** Extra lines at the end of the long report: the variants move the 落款 over every position around a page break. */
const TAILS = Array.from({ length: 14 }, (_, i) => i);
const ISSUER = "闻喜县人民政府办公室";
const DATE = "2021年11月10日";
/** A line that starts with a unit or a date character (the "数字\n单位" check of issue 17). */
const UNIT_START = /^(?:[年月日所个人名元万亿倍项次件台套册间班座户家条份批节门届期周天岁]|平方米|分钟|小时)/u;

type Rendered = { pdf: string; all: Word[]; pages: number[] };

const textOf = (r: Rendered, page: number) => lines(r.all, page).map((l) => l.text).join("");
/** The one page of `pages` on which `tag` is printed; throws when it is on none or several. */
function pageOf(r: Rendered, tag: string, pages = r.pages): number {
  const found = pages.filter((p) => textOf(r, p).includes(tag));
  if (found.length !== 1) throw new Error(`${tag} found on pages [${found.join(", ")}]`);
  return found[0];
}

/** The first page with a line reading exactly `text` (an annex's label or title, not its mention in 附件说明). */
const pageWithLine = (r: Rendered, text: string) => r.pages.find((p) => lines(r.all, p).some((l) => l.text === text))!;

describe.skipIf(missing)(`layout rules in LibreOffice${missing ? `（跳过：${missing}）` : ""}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "docx-layout-"));
  const rendered = new Map<string, Rendered>();
  /** Per problem of the 60-row annex: whether the builder keeps its rows together (all but the last keep with next). */
  let keptTogether: boolean[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const files: [string, ReportViewModel][] = [
      ["demo", demoViewModel()],
      ["sixty", sixtyRowAnnexes(demoViewModel())],
      ...TAILS.map((n): [string, ReportViewModel] => [`long-${n}`, longReport(n)]),
    ];
    const paths: string[] = [];
    for (const [name, vm] of files) {
      const file = path.join(dir, `${name}.docx`);
      const docx = await renderReportDocx(vm);
      writeFileSync(file, docx);
      paths.push(file);
      if (name === "sixty") {
        const xml = entryText(unzip(docx), "word/document.xml");
        const rows = xml.slice(xml.lastIndexOf("<w:tbl>")).split("<w:tr>").slice(2);
        let row = 0;
        keptTogether = Array.from({ length: 20 }, (_, p) => {
          const group = rows.slice(row, (row += measuresOf(p)));
          return group.length > 1 && group.slice(0, -1).every((r) => r.includes("<w:keepNext/>"));
        });
      }
    }
    const pdfs = convertAll(paths);
    files.forEach(([name], i) => {
      const all = words(pdfs[i]);
      rendered.set(name, { pdf: pdfs[i], all, pages: [...new Set(all.map((w) => w.page))].sort((a, b) => a - b) });
    });
    mkdirSync(ARTEFACTS, { recursive: true });
    const sixty = rendered.get("sixty")!;
    const first = pageWithLine(sixty, "附件1");
    execFileSync("pdftoppm", ["-r", "60", "-png", "-f", String(first), "-l", String(sixty.pages.at(-1)), sixty.pdf, path.join(ARTEFACTS, "sixty")]);
  }, 400_000);

  it("splits no row of a 60-row annex across pages, portrait or landscape", () => {
    const r = rendered.get("sixty")!;
    const landscape = pageWithLine(r, "问题整改清单");
    const split: string[] = [];
    // Both annexes number their rows 00–59: each is searched on its own pages.
    for (const pages of [r.pages.filter((p) => p >= pageWithLine(r, "附件1") && p < landscape), r.pages.filter((p) => p >= landscape)]) {
      for (let i = 0; i < 60; i++) {
        const [start, end] = [pageOf(r, rowTag(i, "S"), pages), pageOf(r, rowTag(i, "E"), pages)];
        if (start !== end) split.push(`${rowTag(i, "S")} on page ${start}, ${rowTag(i, "E")} on page ${end}`);
      }
    }
    console.info(`60-row annexes: pages ${pageWithLine(r, "附件1")}–${r.pages.at(-1)}`);
    expect(split).toEqual([]);
  });

  it("keeps the rows of one problem (merged 序号 and 问题) on one page when the builder judged that they fit", () => {
    const r = rendered.get("sixty")!;
    const pages = r.pages.filter((p) => p >= pageWithLine(r, "问题整改清单"));
    // Rows are numbered on through the annex, measuresOf(p) for problem p.
    let row = 0;
    const apart: string[] = [];
    for (let p = 0; p < 20; p++) {
      const count = measuresOf(p);
      const on = new Set(Array.from({ length: count }, (_, k) => pageOf(r, rowTag(row + k, "S"), pages)));
      if (keptTogether[p] && on.size > 1) apart.push(`问题 ${p + 1}: pages ${[...on].join(", ")}`);
      row += count;
    }
    console.info(`problems kept together: ${keptTogether.filter(Boolean).length} of ${keptTogether.filter((_, p) => measuresOf(p) > 1).length}`);
    expect(keptTogether.filter(Boolean).length).toBeGreaterThan(3);
    expect(apart).toEqual([]);
  });

  it("never leaves the 落款 alone: at least two lines of text above it on its page, in every variant", () => {
    const alone: string[] = [];
    for (const n of TAILS) {
      const r = rendered.get(`long-${n}`)!;
      const page = r.pages.find((p) => lines(r.all, p).some((l) => l.text === ISSUER))!;
      const onPage = lines(r.all, page).filter((l) => mm(l.y) < 262 && !/^—\d+—$/.test(l.text));
      const closing = onPage.findIndex((l) => l.text.startsWith("附件："));
      const above = closing < 0 ? 0 : closing;
      // The date sits on the same page as the issuer, right below it.
      expect(onPage.at(-1)?.text, `variant ${n}`).toBe(DATE);
      if (above < 2) alone.push(`variant ${n}: page ${page} has ${above} line(s) of text above the 落款`);
    }
    expect(alone).toEqual([]);
  });

  it("prints the 主送机关 flush left on the line after the blank line below the title", () => {
    const r = rendered.get("long-0")!;
    const page1 = lines(r.all, 1);
    const at = page1.findIndex((l) => l.text === "运城市人民政府教育督导室：");
    expect(at).toBe(2); // two title lines, then (the blank line prints nothing) the 主送机关
    expect(Math.abs(mm(page1[at].x) - 28)).toBeLessThanOrEqual(0.5);
    // Blank line: one 28.95 pt line between the title's last line and the 主送机关.
    const gap = page1[at].y - page1[at - 1].y;
    expect(gap).toBeGreaterThan(1.5 * 28.95);
  });

  it("sets the title at 22 pt a character (no inherited −0.25 pt)", () => {
    const r = rendered.get("demo")!;
    const title = r.all.filter((w) => w.page === 1 && Math.round(w.y) === lines(r.all, 1)[0].y);
    const glyphs = title.map((w) => ({ ...w, n: [...w.text].length })).filter((w) => w.n > 1);
    const advances = glyphs.map((w) => (w.xMax - w.x) / w.n);
    console.info(`title glyph advance: ${advances.map((a) => a.toFixed(3)).join(", ")} pt`);
    for (const a of advances) expect(Math.abs(a - 22)).toBeLessThanOrEqual(0.05);
  });

  // LibreOffice 7.4 breaks a line between Latin digits and a Chinese character whatever is between them: U+2060,
  // U+00A0, U+FEFF, U+200D, U+202F, w:noLineBreaksBefore/After in settings.xml, a w:hint="eastAsia" run and a QUOTE
  // field were each tried (decision 019). The Word file carries the joins (joins.test.ts checks them); this test
  // states LibreOffice's breaks so that a LibreOffice that honours them turns it red — then make it a plain `it`.
  it.fails("keeps numbers with their units and dates together (fails on LibreOffice 7.4: see above)", () => {
    const broken: string[] = [];
    for (const r of rendered.values()) {
      for (const p of r.pages) {
        const ls = lines(r.all, p);
        ls.forEach((l, i) => {
          if (i > 0 && UNIT_START.test(l.text) && /\d$/.test(ls[i - 1].text)) broken.push(`${ls[i - 1].text.slice(-6)} / ${l.text.slice(0, 6)}`);
        });
      }
    }
    console.info(`number–unit breaks in LibreOffice: ${broken.length}`);
    expect(broken).toEqual([]);
  });
});
