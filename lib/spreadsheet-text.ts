// Text cells of the spreadsheets we write, made inert for CSV (OWASP "CSV injection"): a cell whose text begins
// with = + - @, a tab or a carriage return is written with a leading apostrophe. exceljs already writes it as text,
// so Excel shows it as typed — but re-saved as CSV and opened again, "=HYPERLINK(…)" would become a live formula.
// The apostrophe survives that; on import (lib/schools/sheet-rows.ts) it is taken off again, so a school named
// "-一中" round-trips. Universal: used by the server's .xlsx builders and by the import's row reader.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as it is written into a cell: prefixed with ' when a spreadsheet could take it for a formula. */
export function inertCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell's text as the person typed it: without the apostrophe inertCellText added. */
export function typedCellText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A row for exceljs with every string made inert; numbers, dates and empty cells as they are. */
export function inertRow<T>(values: T[]): (T | string)[] {
  return values.map((v) => (typeof v === "string" ? inertCellText(v) : v));
}
