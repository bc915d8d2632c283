// The annexes of a per-school table, on landscape pages after 附件2: the school table (identity, pupils, each derived
// indicator, indicators met, verdict) and the 差异系数 table. Widths fit their contents and sum to the landscape 版心.
import type { Paragraph, Table } from "docx";
import { LANDSCAPE_TEXT_HEIGHT, LANDSCAPE_TEXT_WIDTH } from "@/lib/docx/layout";
import { annexHead } from "@/lib/docx/parts/annex";
import { bodyParagraph } from "@/lib/docx/parts/blocks";
import { fitColumns, type ColumnSpec } from "@/lib/docx/parts/columns";
import { gridTable, type Cell, type Column, type Row } from "@/lib/docx/parts/table";
import { BELOW_MARK, type SchoolTableAnnexes } from "@/lib/docx/vm-schools";

const FIXED: ColumnSpec[] = [
  { header: "序号", align: "centre" },
  { header: "学校名称", weight: 3 },
  { header: "学段", align: "centre" },
  { header: "学生数（人）", align: "number" },
];
const TAIL: ColumnSpec[] = [
  { header: "达标项数", align: "centre" },
  { header: "结果", align: "centre" },
];

/** The indicator columns (long headers that wrap, short numbers) share the width with the school's name. */
export function schoolColumns(indicators: string[], rows: Row[] = []): Column[] {
  const middle = indicators.map((header): ColumnSpec => ({ header, align: "number", weight: 2 }));
  return fitColumns([...FIXED, ...middle, ...TAIL], rows, LANDSCAPE_TEXT_WIDTH);
}

const CV_SPECS: ColumnSpec[] = [
  { header: "学段", align: "centre" },
  { header: "指标", weight: 1 },
  { header: "学校数（所）", align: "number" },
  { header: "学生数（人）", align: "number" },
  { header: "全县值", align: "number" },
  { header: "差异系数", align: "number" },
  { header: "上限", align: "number" },
  { header: "结果", align: "centre" },
];
export const cvColumns = (rows: Row[] = []): Column[] => fitColumns(CV_SPECS, rows, LANDSCAPE_TEXT_WIDTH);

export function schoolTableAnnex(annex: SchoolTableAnnexes): (Paragraph | Table)[] {
  const width = 4 + annex.indicators.length + 2;
  const all = Array.from({ length: width }, (_, i) => i);
  const schoolRows: Row[] = annex.schools.rows.map((r) => {
    const cells: Cell[] = [String(r.no), r.name, r.stage, r.pupils, ...r.values, r.met, r.status].map((text) => ({ text }));
    return { cells, columns: all };
  });
  const cvRows: Row[] = annex.cvs.rows.map((r) => ({
    cells: [r.stage, r.indicator, r.schools, r.pupils, r.mean, r.cv, r.max, r.status].map((text) => ({ text })),
    columns: CV_SPECS.map((_, i) => i),
  }));
  const page = { pageHeight: LANDSCAPE_TEXT_HEIGHT, keepWithNext: true };
  return [
    ...annexHead(annex.schools, true),
    gridTable(schoolColumns(annex.indicators, schoolRows), schoolRows, { ...page, empty: "（尚未填写学校数据）" }),
    bodyParagraph(`注：标“${BELOW_MARK}”的数值未达到该学段标准；九年一贯制学校按小学、初中分行统计。`),
    ...annexHead(annex.cvs, true),
    gridTable(cvColumns(cvRows), cvRows, page),
    bodyParagraph(annex.verdict),
  ];
}
