// 自评得分表 on a portrait page after 附件1: each item with 分值, 自评得分 and 评分依据, group subtotals and the total in
// rows of their own (labelled, not styled, so WPS and Word print them alike), then the grade and result lines.
// Widths fit their contents and sum to the portrait 版心; the score columns are number columns (right-aligned, so the
// decimals line up), a word such as 未评分 is centred.
import type { Paragraph, Table } from "docx";
import { TEXT_HEIGHT, TEXT_WIDTH } from "@/lib/docx/layout";
import { annexHead } from "@/lib/docx/parts/annex";
import { bodyParagraph } from "@/lib/docx/parts/blocks";
import { fitColumns, type ColumnSpec } from "@/lib/docx/parts/columns";
import { gridTable, type Row } from "@/lib/docx/parts/table";
import type { ScoreAnnex } from "@/lib/docx/vm-scores";

export const SCORE_COLUMNS: ColumnSpec[] = [
  { header: "评价内容", weight: 3 },
  { header: "分值", align: "number" },
  { header: "自评得分", align: "number" },
  { header: "评分依据", weight: 4 },
];

export function scoreAnnexParagraphs(annex: ScoreAnnex): (Paragraph | Table)[] {
  const rows: Row[] = annex.rows.map((r) => ({ cells: [r.item, r.max, r.score, r.basis].map((text) => ({ text })), columns: [0, 1, 2, 3] }));
  const notes = annex.notes.map((n) => bodyParagraph(n));
  return [
    ...annexHead(annex, true),
    gridTable(fitColumns(SCORE_COLUMNS, rows, TEXT_WIDTH), rows, { pageHeight: TEXT_HEIGHT, keepWithNext: notes.length > 0, empty: "（本方案未设分值）" }),
    ...notes,
  ];
}
