// How a column header typed in Excel is compared with a scheme's label: clerks add spaces, use full-width brackets,
// mark required columns with "*", and append the unit ("学生数（人）"). Validation uses the same function so that two
// columns whose headers would be confused on import are refused when the scheme is saved.

/** NFKC (full-width → half-width), no whitespace, no "*" markers, lower-case Latin letters. */
export function normaliseHeader(text: string): string {
  return text.normalize("NFKC").replace(/[\s*＊]/g, "").toLowerCase();
}

/** The header as our template writes it: the label, then the unit in full-width brackets when there is one. */
export function headerWithUnit(label: string, unit: string): string {
  return unit ? `${label}（${unit}）` : label;
}
