// A grid table with explicit column widths written both as w:gridCol and on every cell: WPS draws tables without
// them as one squeezed column. Fixed layout keeps the widths when a cell holds a long text.
//
// Rows never split across pages (an audit found "乡镇寄宿制学校改/造完成率" over two pages): every row is cantSplit,
// unless it is estimated taller than a page, where Word would cut it off instead. Rows merged by a rowSpan are kept
// on one page too ("keep with next" on all but the group's last row), as is the last row with a closing sentence.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { withJoins } from "@/lib/docx/joins";
import { STYLE } from "@/lib/docx/styles";
import { textWidth } from "@/lib/docx/text-width";

/**
 * `align`: text columns read from the left, numbers are right-aligned (so their digits line up: each number column
 * prints a fixed number of decimals, see vm-schools.ts), short words (达标, 是, 序号) are centred.
 */
export type Column = { header: string; width: number; align?: "left" | "number" | "centre" };
/** One cell of a body row; `rowSpan` merges it down over the rows below (their cell for the column is omitted). */
export type Cell = { text: string; rowSpan?: number };
export type Row = { cells: Cell[]; columns: number[] };

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
/** 小四 (12 pt = 240 twips a character) on 17 pt lines (styles.ts). */
const CHAR_TWIPS = 240;
const LINE_TWIPS = 340;

/** A cell that starts with a number ("12.50", "0.391*", "62.93%", "9.2㎡"); "是", "—", "无法计算" are words. */
const NUMERIC = /^[-+]?\d/;

function alignment(column: Column, text: string) {
  if (column.align === "number") return NUMERIC.test(text) ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return column.align === "centre" ? AlignmentType.CENTER : undefined;
}

function cell(text: string, width: number, options: { header?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; rowSpan?: number; span?: number; keepNext?: boolean }) {
  const paragraph = new Paragraph({
    style: options.header ? STYLE.tableHeader : STYLE.tableText,
    alignment: options.header ? undefined : options.align,
    keepNext: options.keepNext || undefined,
    text: withJoins(text),
  });
  return new TableCell({
    children: [paragraph],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    rowSpan: options.rowSpan,
    columnSpan: options.span,
  });
}

/** Lines a text takes in a cell `width` twips wide (an estimate: the same character widths as the 落款). */
export function cellLines(text: string, width: number): number {
  // Whole characters a line; line-breaking rules (no 。 at a line start…) can cost one more, hence the rounding up.
  const perLine = Math.max(1, Math.floor((width - MARGINS.left - MARGINS.right) / CHAR_TWIPS));
  return Math.max(1, Math.ceil((textWidth(text) + 0.5) / perLine));
}
const rowHeight = (lines: number) => lines * LINE_TWIPS + MARGINS.top + MARGINS.bottom;

/**
 * Each body row lists its cells left to right, skipping columns covered by a rowSpan from above, and `columns` names
 * the column of each cell. A table without body rows prints one row saying so, rather than a bare header.
 * `pageHeight` is the text block's height (twips) of the pages the table prints on; `keepWithNext` keeps the last
 * row on the page of the paragraph after the table (a closing sentence or note).
 */
export function gridTable(
  columns: Column[],
  rows: Row[],
  options: { pageHeight: number; empty?: string; keepWithNext?: boolean },
): Table {
  const widths = columns.map((c) => c.width);
  const headerHeight = rowHeight(Math.max(...columns.map((c) => cellLines(c.header, c.width))));
  // What one page holds below the repeated header row, less a line for the estimate's error: a group judged to fit
  // that does not would be split by the renderer after all.
  const room = options.pageHeight - headerHeight - LINE_TWIPS;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => cell(c.header, c.width, { header: true })),
  });
  const heights = rows.map((row) => rowHeight(Math.max(...row.cells.map((c, k) => (c.rowSpan ? 1 : cellLines(c.text, widths[row.columns[k]]))))));
  // Rows covered by a rowSpan started above: the group runs until its longest span ends.
  const groupEnd = rows.map(() => -1);
  rows.forEach((row, i) => {
    const span = Math.max(1, ...row.cells.map((c) => c.rowSpan ?? 1));
    for (let j = i; j < i + span && j < rows.length; j++) groupEnd[j] = Math.max(groupEnd[j], i + span - 1);
  });
  const groupFits = (i: number) => {
    let start = i;
    while (start > 0 && groupEnd[start - 1] >= i) start--;
    const merged = rows[start].cells.reduce((h, c, k) => (c.rowSpan ? Math.max(h, rowHeight(cellLines(c.text, widths[rows[start].columns[k]]))) : h), 0);
    const sum = heights.slice(start, groupEnd[i] + 1).reduce((a, b) => a + b, 0);
    return Math.max(sum, merged) <= room;
  };
  const body = rows.length
    ? rows.map((row, i) => {
        const last = i === rows.length - 1;
        const keepNext = (groupEnd[i] > i && groupFits(i)) || (last && options.keepWithNext === true);
        return new TableRow({
          cantSplit: heights[i] <= room,
          children: row.cells.map((c, k) => {
            const col = columns[row.columns[k]];
            return cell(c.text, col.width, { align: alignment(col, c.text), rowSpan: c.rowSpan, keepNext });
          }),
        });
      })
    : [
        new TableRow({
          cantSplit: true,
          children: [cell(options.empty ?? "（无）", widths.reduce((a, b) => a + b, 0), { align: AlignmentType.CENTER, span: columns.length, keepNext: options.keepWithNext })],
        }),
      ];
  return new Table({
    rows: [header, ...body],
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: MARGINS,
  });
}
