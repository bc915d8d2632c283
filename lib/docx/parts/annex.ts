// The annex pages (GB/T 9704 §7.4.2 and reference.md §3): each on a new page, "附件N" in 3号黑体 flush left on line 1,
// the annex title centred on line 3, then the table. Page numbers continue from the body.
import { Paragraph, type Table } from "docx";
import { STYLE } from "@/lib/docx/styles";
import { blankLine } from "@/lib/docx/parts/blocks";
import { gridTable, type Cell } from "@/lib/docx/parts/table";
import type { AnnexView, IndicatorRow, ProblemRow } from "@/lib/docx/types";

/** The label, blank line 2, the title on line 3. `newPage` is false when a section break already starts the page. */
export function annexHead(annex: AnnexView<unknown>, newPage: boolean): Paragraph[] {
  return [
    new Paragraph({ style: STYLE.annexLabel, text: annex.label, pageBreakBefore: newPage }),
    blankLine(),
    new Paragraph({ style: STYLE.title, text: annex.title }),
  ];
}

/** Widths in twips, summing to the portrait 版心 (8845). */
export const INDICATOR_COLUMNS = [
  { header: "评价重点", width: 2000 },
  { header: "指标", width: 2145 },
  // Wide enough for "≥ 6000元/生·年" on one line.
  { header: "自评值", width: 1750, centred: true },
  { header: "目标", width: 1750, centred: true },
  { header: "达标情况", width: 1200, centred: true },
];

export function indicatorAnnex(annex: AnnexView<IndicatorRow>): (Paragraph | Table)[] {
  const rows = annex.rows.map((r, i) => {
    // Consecutive indicators of one 评价重点 share a merged first cell.
    const first = i === 0 || annex.rows[i - 1].criterion !== r.criterion;
    let span = 1;
    while (first && annex.rows[i + span]?.criterion === r.criterion) span++;
    const values: Cell[] = [r.indicator, r.value, r.target, r.status].map((text) => ({ text }));
    return first
      ? { cells: [{ text: r.criterion, rowSpan: span > 1 ? span : undefined }, ...values], columns: [0, 1, 2, 3, 4] }
      : { cells: values, columns: [1, 2, 3, 4] };
  });
  return [...annexHead(annex, true), gridTable(INDICATOR_COLUMNS, rows)];
}

/** Widths in twips, summing to the landscape 版心 (12756). */
export const PROBLEM_COLUMNS = [
  { header: "序号", width: 700, centred: true },
  { header: "问题", width: 2160 },
  { header: "整改措施", width: 3896 },
  { header: "牵头单位", width: 1600 },
  { header: "责任人", width: 1700 },
  // Wide enough for "2022年12月" on one line.
  { header: "完成时限", width: 1550, centred: true },
  { header: "状态", width: 1150, centred: true },
];

export function problemAnnex(annex: AnnexView<ProblemRow>): (Paragraph | Table)[] {
  const rows = annex.rows.flatMap((p) => {
    const span = p.measures.length > 1 ? p.measures.length : undefined;
    const lead: Cell[] = [{ text: String(p.no), rowSpan: span }, { text: p.problem, rowSpan: span }];
    if (!p.measures.length) return [{ cells: [...lead, ...Array.from({ length: 5 }, () => ({ text: "" }))], columns: [0, 1, 2, 3, 4, 5, 6] }];
    return p.measures.map((m, j) => {
      const cells: Cell[] = [m.text, m.leadUnit, m.owner, m.deadline, m.status].map((text) => ({ text }));
      return j === 0 ? { cells: [...lead, ...cells], columns: [0, 1, 2, 3, 4, 5, 6] } : { cells, columns: [2, 3, 4, 5, 6] };
    });
  });
  return [...annexHead(annex, false), gridTable(PROBLEM_COLUMNS, rows)];
}
