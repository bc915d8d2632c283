// The annexes of a per-school table, on landscape pages after 附件2: the school table (identity, pupils, each derived
// indicator, indicators met, verdict) and the 差异系数 table. Widths are explicit and sum to the landscape 版心.
import type { Paragraph, Table } from "docx";
import { LANDSCAPE_TEXT_WIDTH } from "@/lib/docx/layout";
import { annexHead } from "@/lib/docx/parts/annex";
import { bodyParagraph } from "@/lib/docx/parts/blocks";
import { gridTable, type Cell, type Column } from "@/lib/docx/parts/table";
import { BELOW_MARK, type SchoolTableAnnexes } from "@/lib/docx/vm-schools";

const FIXED = [
  { header: "序号", width: 560, centred: true },
  { header: "学校名称", width: 1760 },
  { header: "学段", width: 640, centred: true },
  { header: "学生数（人）", width: 960, centred: true },
];
const TAIL = [
  { header: "达标项数", width: 700, centred: true },
  { header: "结果", width: 900, centred: true },
];

/** The indicator columns share what the fixed ones leave; the last one takes the rounding remainder. */
export function schoolColumns(indicators: string[]): Column[] {
  const fixed = [...FIXED, ...TAIL].reduce((n, c) => n + c.width, 0);
  const each = Math.floor((LANDSCAPE_TEXT_WIDTH - fixed) / Math.max(1, indicators.length));
  const last = LANDSCAPE_TEXT_WIDTH - fixed - each * (indicators.length - 1);
  const middle = indicators.map((header, i) => ({ header, width: i === indicators.length - 1 ? last : each, centred: true }));
  return [...FIXED, ...middle, ...TAIL];
}

/** Widths in twips, summing to the landscape 版心 (12756). */
export const CV_COLUMNS: Column[] = [
  { header: "学段", width: 900, centred: true },
  { header: "指标", width: 4556 },
  { header: "学校数（所）", width: 1000, centred: true },
  { header: "学生数（人）", width: 1200, centred: true },
  { header: "全县值", width: 1400, centred: true },
  { header: "差异系数", width: 1300, centred: true },
  { header: "上限", width: 1200, centred: true },
  { header: "结果", width: 1200, centred: true },
];

export function schoolTableAnnex(annex: SchoolTableAnnexes): (Paragraph | Table)[] {
  const columns = schoolColumns(annex.indicators);
  const all = columns.map((_, i) => i);
  const schoolRows = annex.schools.rows.map((r) => {
    const cells: Cell[] = [String(r.no), r.name, r.stage, r.pupils, ...r.values, r.met, r.status].map((text) => ({ text }));
    return { cells, columns: all };
  });
  const cvRows = annex.cvs.rows.map((r) => ({
    cells: [r.stage, r.indicator, r.schools, r.pupils, r.mean, r.cv, r.max, r.status].map((text) => ({ text })),
    columns: CV_COLUMNS.map((_, i) => i),
  }));
  return [
    ...annexHead(annex.schools, true),
    gridTable(columns, schoolRows, "（尚未填写学校数据）"),
    bodyParagraph(`注：标“${BELOW_MARK}”的数值未达到该学段标准；九年一贯制学校按小学、初中分行统计。`),
    ...annexHead(annex.cvs, true),
    gridTable(CV_COLUMNS, cvRows),
    bodyParagraph(annex.verdict),
  ];
}
