// Column widths that fit what the columns hold: a short header ("序号", "完成时限") never wraps into 序/号, a short
// value ("2022年12月", "0.391", "达标") never wraps in its cell, and the text columns (问题, 整改措施) share what is left
// by weight. The widths always sum to the text block, which is what w:gridCol and WPS need.
import { textWidth } from "@/lib/docx/text-width";
import type { Column, Row } from "@/lib/docx/parts/table";

/** 小四 characters (240 twips) plus the cell's side margins and a little room for rounding in the renderers. */
const twips = (chars: number) => Math.ceil(chars * 240 + 160 + 60);
/** Headers up to this many characters stay on one line; longer ones (an indicator's name) wrap. */
const SHORT_HEADER = 6;

export type ColumnSpec = Omit<Column, "width"> & {
  /** Share of the width left over after every column has its minimum (default: 1 for text columns, else 0). */
  weight?: number;
};

export function fitColumns(specs: ColumnSpec[], rows: Row[], total: number): Column[] {
  const widest = specs.map(() => 0);
  for (const row of rows) row.cells.forEach((c, k) => (widest[row.columns[k]] = Math.max(widest[row.columns[k]], textWidth(c.text))));
  const minimum = specs.map((s, i) => {
    const header = textWidth(s.header) <= SHORT_HEADER ? textWidth(s.header) : 2;
    // A text column wraps its content; the others hold short values that must not wrap: one character of room
    // more than the estimate, since "%" and Latin letters are wider than the half character it counts for them.
    const content = (s.align ?? "left") === "left" ? 2 : widest[i] + 1;
    return twips(Math.max(header, content));
  });
  const weights = specs.map((s) => s.weight ?? ((s.align ?? "left") === "left" ? 1 : 0));
  const used = minimum.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (used <= total && weightSum > 0) {
    widths = minimum.map((m, i) => m + Math.floor(((total - used) * weights[i]) / weightSum));
  } else {
    // Too many columns for their minimums (or nothing flexible): scale every column down or up alike.
    widths = minimum.map((m) => Math.floor((m * total) / used));
  }
  // The rounding remainder goes to the widest column, so the grid sums to the text block exactly.
  const widestColumn = widths.indexOf(Math.max(...widths));
  widths[widestColumn] += total - widths.reduce((a, b) => a + b, 0);
  return specs.map((s, i) => ({ header: s.header, align: s.align, width: widths[i] }));
}
