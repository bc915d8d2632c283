// The matrix as the browser needs it: every string already written, cells as short tuples. The page hands this to
// a client component instead of rendering ~4,600 cells as server components: the React Server Components payload
// then carries these few hundred kB of data once, not a verbose element tree beside the HTML (decision 012).
import type { Dashboard } from "@/lib/review/dashboard/types";
import { cellText, cellTitle, deltaText, shortLabel } from "@/lib/review/dashboard/text";

export const CELL_PLAIN = 0;
export const CELL_UNMET = 1;
export const CELL_MISSING = 2;
type CellState = typeof CELL_PLAIN | typeof CELL_UNMET | typeof CELL_MISSING;

/** A plain cell is its text; others are [text, state, change from last year ("" when none), hover text ("" when none)].
 *  Most cells are plain, and the payload is a few bytes per cell instead of a tuple. */
export type MatrixViewCell = string | [string, CellState, string, string];

export type MatrixView = {
  columns: { key: string; short: string; sub: string; title: string }[];
  rows: { code: string; name: string; reportId: string; cells: MatrixViewCell[] }[];
  /** Rows get room for a second line (the change) when any county has last year's report. */
  twoLines: boolean;
};

export function toMatrixView(d: Dashboard): MatrixView {
  const previousYear = d.filters.year - 1;
  return {
    columns: d.columns.map((c) => ({
      key: c.key,
      short: shortLabel(c.label),
      sub: c.target ?? (c.unit ? `（${c.unit}）` : "—"),
      title: `${c.label}${c.unit ? `（${c.unit}）` : ""}${c.target ? `；目标 ${c.target}` : ""}`,
    })),
    rows: d.rows.flatMap((row) => {
      const r = row.report;
      if (!r) return [];
      const cells = d.columns.map((c): MatrixViewCell => {
        const cell = r.cells[c.key];
        const text = cellText(cell, c.unit, c.affix);
        const state = cell?.met === false ? CELL_UNMET : text === "—" ? CELL_MISSING : CELL_PLAIN;
        const delta = deltaText(cell);
        const title = state === CELL_UNMET || cell?.previous ? cellTitle(c, cell, previousYear) : "";
        return state === CELL_PLAIN && !delta && !title ? text : [text, state, delta, title];
      });
      return [{ code: row.county.code, name: row.county.name, reportId: r.id, cells }];
    }),
    twoLines: d.hasPrevious,
  };
}
