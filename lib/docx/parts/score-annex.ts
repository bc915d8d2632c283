// 自评得分表 on a portrait page after 附件1: each item with 分值, 自评得分 and 评分依据, group subtotals and the total in
// bold-free rows of their own (subtotal and total rows are labelled, not styled, so WPS and Word print them alike),
// then the grade and result lines. Widths sum to the portrait 版心 (8845 twips).
import type { Paragraph, Table } from "docx";
import { annexHead } from "@/lib/docx/parts/annex";
import { bodyParagraph } from "@/lib/docx/parts/blocks";
import { gridTable, type Column } from "@/lib/docx/parts/table";
import type { ScoreAnnex } from "@/lib/docx/vm-scores";

export const SCORE_COLUMNS: Column[] = [
  { header: "评价内容", width: 3245 },
  { header: "分值", width: 900, centred: true },
  { header: "自评得分", width: 1100, centred: true },
  { header: "评分依据", width: 3600 },
];

export function scoreAnnexParagraphs(annex: ScoreAnnex): (Paragraph | Table)[] {
  const rows = annex.rows.map((r) => ({ cells: [r.item, r.max, r.score, r.basis].map((text) => ({ text })), columns: [0, 1, 2, 3] }));
  return [...annexHead(annex, true), ...(rows.length ? [gridTable(SCORE_COLUMNS, rows)] : []), ...annex.notes.map((n) => bodyParagraph(n))];
}
