// The annex pages (GB/T 9704 §7.4.2 and reference.md §3): each on a new page, "附件N" in 3号黑体 flush left on line 1,
// the annex title centred on line 3, then the table. Page numbers continue from the body.
import { Paragraph, type Table } from "docx";
import { LANDSCAPE_TEXT_HEIGHT, LANDSCAPE_TEXT_WIDTH, TEXT_HEIGHT, TEXT_WIDTH } from "@/lib/docx/layout";
import { withJoins } from "@/lib/docx/joins";
import { STYLE } from "@/lib/docx/styles";
import { blankLine } from "@/lib/docx/parts/blocks";
import { fitColumns, type ColumnSpec } from "@/lib/docx/parts/columns";
import { gridTable, type Cell, type Row } from "@/lib/docx/parts/table";
import type { AnnexView, IndicatorRow, ProblemRow } from "@/lib/docx/types";
import { annexNotes } from "@/lib/docx/parts/rich";

/** The label, blank line 2, the title on line 3. `newPage` is false when a section break already starts the page. */
export function annexHead(annex: AnnexView<unknown>, newPage: boolean): Paragraph[] {
  return [
    new Paragraph({ style: STYLE.annexLabel, text: annex.label, pageBreakBefore: newPage }),
    blankLine(),
    new Paragraph({ style: STYLE.title, text: withJoins(annex.title) }),
  ];
}

export const INDICATOR_COLUMNS: ColumnSpec[] = [
  { header: "评价重点", weight: 2 },
  { header: "指标", weight: 3 },
  { header: "自评值", align: "number" },
  { header: "目标", align: "centre" },
  { header: "达标情况", align: "centre" },
];

export function indicatorAnnex(annex: AnnexView<IndicatorRow>): (Paragraph | Table)[] {
  const rows: Row[] = annex.rows.map((r, i) => {
    // Consecutive indicators of one 评价重点 share a merged first cell.
    const first = i === 0 || annex.rows[i - 1].criterion !== r.criterion;
    let span = 1;
    while (first && annex.rows[i + span]?.criterion === r.criterion) span++;
    const values: Cell[] = [r.indicator, r.value, r.target, r.status].map((text) => ({ text }));
    return first
      ? { cells: [{ text: r.criterion, rowSpan: span > 1 ? span : undefined }, ...values], columns: [0, 1, 2, 3, 4] }
      : { cells: values, columns: [1, 2, 3, 4] };
  });
  const columns = fitColumns(INDICATOR_COLUMNS, rows, TEXT_WIDTH);
  return [...annexHead(annex, true), gridTable(columns, rows, { pageHeight: TEXT_HEIGHT }), ...annexNotes(annex.notes)];
}

export const PROBLEM_COLUMNS: ColumnSpec[] = [
  { header: "序号", align: "centre" },
  { header: "问题", weight: 2 },
  { header: "整改措施", weight: 4 },
  { header: "牵头单位", weight: 1 },
  { header: "责任人", weight: 1 },
  { header: "完成时限", align: "centre" },
  { header: "状态", align: "centre" },
];

export function problemAnnex(annex: AnnexView<ProblemRow>): (Paragraph | Table)[] {
  const rows: Row[] = annex.rows.flatMap((p) => {
    const span = p.measures.length > 1 ? p.measures.length : undefined;
    const lead: Cell[] = [{ text: String(p.no), rowSpan: span }, { text: p.problem, rowSpan: span }];
    if (!p.measures.length) return [{ cells: [...lead, ...Array.from({ length: 5 }, () => ({ text: "" }))], columns: [0, 1, 2, 3, 4, 5, 6] }];
    return p.measures.map((m, j) => {
      const cells: Cell[] = [m.text, m.leadUnit, m.owner, m.deadline, m.status].map((text) => ({ text }));
      return j === 0 ? { cells: [...lead, ...cells], columns: [0, 1, 2, 3, 4, 5, 6] } : { cells, columns: [2, 3, 4, 5, 6] };
    });
  });
  const columns = fitColumns(PROBLEM_COLUMNS, rows, LANDSCAPE_TEXT_WIDTH);
  return [...annexHead(annex, false), gridTable(columns, rows, { pageHeight: LANDSCAPE_TEXT_HEIGHT })];
}
