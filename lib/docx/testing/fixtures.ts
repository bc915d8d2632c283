// View models for the layout tests: the demo report, the demo with 60-row annexes whose rows are told apart by tags
// at the start and end of their longest cell, and a long report whose last paragraph grows line by line, so that
// over the variants the 落款 lands at every place around a page break.
import { buildReportViewModel } from "@/lib/docx/view-model";
import type { IndicatorRow, ProblemRow, ReportViewModel } from "@/lib/docx/types";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

export const demoViewModel = (): ReportViewModel =>
  buildReportViewModel({ scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县" });

/** Text of about `chars` characters, without digits (so no joins change it) and without line-break rules of its own. */
export const filler = (chars: number, seed = 0) => {
  const words = "统筹推进各项工作落实责任分工加强督促检查确保取得实效持续改进提升质量";
  return Array.from({ length: chars }, (_, i) => words[(i * 7 + seed) % words.length]).join("");
};

/** Row `i`'s tags: "[R07S]" opens its longest cell and "[R07E]" closes it. */
export const rowTag = (i: number, end: "S" | "E") => `[R${String(i).padStart(2, "0")}${end}]`;

/** Problem `p` of the 60-row annex has this many measures (20 problems, 60 rows). */
export const measuresOf = (p: number) => [3, 1, 5, 2, 4][p % 5];

/** 60 indicator rows in groups of one to four (merged 评价重点), and 20 problems with 1–5 measures (60 rows). */
export function sixtyRowAnnexes(vm: ReportViewModel): ReportViewModel {
  const indicators: IndicatorRow[] = Array.from({ length: 60 }, (_, i) => ({
    criterion: `（${Math.floor(i / 3) + 1}）${filler(8 + (i % 5) * 3, i)}`,
    indicator: `${rowTag(i, "S")}${filler(6 + ((i * 11) % 40), i)}${rowTag(i, "E")}`,
    value: `${(i * 7.31).toFixed(2)}%`,
    target: "≥ 85%",
    status: i % 4 ? "达标" : "未达标",
  }));
  let row = 0;
  const problems: ProblemRow[] = Array.from({ length: 20 }, (_, p) => ({
    no: p + 1,
    problem: filler(20 + (p % 4) * 15, p),
    measures: Array.from({ length: measuresOf(p) }, () => {
      const i = row++;
      return { text: `${rowTag(i, "S")}${filler(30 + ((i * 13) % 90), i)}${rowTag(i, "E")}`, leadUnit: "县教育局", owner: "分管副局长", deadline: "2022年12月", status: "整改中" };
    }),
  }));
  return {
    ...vm,
    annexes: { indicators: { ...vm.annexes.indicators, rows: indicators }, problems: { ...vm.annexes.problems, rows: problems } },
  };
}

/**
 * The demo's text with `extraLines` more lines in the first paragraph of its last part (28 characters a line), so
 * the 落款 moves line by line over a page break; no annex rows (they only add pages after it); a 主送机关.
 */
export function longReport(extraLines: number): ReportViewModel {
  const vm = demoViewModel();
  const parts = vm.parts.map((part, i) => {
    if (i !== vm.parts.length - 1) return part;
    const at = part.blocks.findIndex((b) => b.kind === "paragraph");
    const blocks = part.blocks.map((b, k) => (k === at ? { ...b, text: `${b.text}${filler(28 * extraLines, extraLines)}` } : b));
    return { ...part, blocks };
  });
  return {
    ...vm,
    parts,
    recipient: "运城市人民政府教育督导室：",
    annexes: { indicators: { ...vm.annexes.indicators, rows: [] }, problems: { ...vm.annexes.problems, rows: [] } },
  };
}
