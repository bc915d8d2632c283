// A grid table with explicit column widths written both as w:gridCol and on every cell: WPS draws tables without
// them as one squeezed column. Fixed layout keeps the widths when a cell holds a long text.
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
import { STYLE } from "@/lib/docx/styles";

export type Column = { header: string; width: number; centred?: boolean };
/** One cell of a body row; `rowSpan` merges it down over the rows below (their cell for the column is omitted). */
export type Cell = { text: string; rowSpan?: number };

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

function cell(text: string, width: number, options: { header?: boolean; centred?: boolean; rowSpan?: number; span?: number }) {
  const paragraph = new Paragraph({
    style: options.header ? STYLE.tableHeader : STYLE.tableText,
    alignment: options.centred && !options.header ? AlignmentType.CENTER : undefined,
    text,
  });
  return new TableCell({
    children: [paragraph],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    rowSpan: options.rowSpan,
    columnSpan: options.span,
  });
}

/**
 * Each body row lists its cells left to right, skipping columns covered by a rowSpan from above, and `columns` names
 * the column of each cell. A table without body rows prints one row saying so, rather than a bare header.
 */
export function gridTable(columns: Column[], rows: { cells: Cell[]; columns: number[] }[], empty = "（无）"): Table {
  const widths = columns.map((c) => c.width);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => cell(c.header, c.width, { header: true })),
  });
  const body = rows.length
    ? rows.map(
        (row) =>
          new TableRow({
            children: row.cells.map((c, k) => {
              const col = columns[row.columns[k]];
              return cell(c.text, col.width, { centred: col.centred, rowSpan: c.rowSpan });
            }),
          }),
      )
    : [new TableRow({ children: [cell(empty, widths.reduce((a, b) => a + b, 0), { centred: true, span: columns.length })] })];
  return new Table({
    rows: [header, ...body],
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: MARGINS,
  });
}
