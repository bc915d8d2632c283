import "server-only";
// Import of a per-school table from an uploaded .xlsx or .csv: size checks first, then the format's reader, then
// sheet-rows.ts validates every row. All or nothing — the caller stores `rows` as the section's content (through
// the ordinary section save) only when `ok` is true.
import { AppError } from "@/lib/errors";
import type { TSchoolTable } from "@/lib/template/school-table";
import type { TSchoolTableContent } from "@/lib/schools/rows";
import { readCsvGrid } from "@/lib/schools/server/read-csv";
import { readXlsxGrid } from "@/lib/schools/server/read-xlsx";
import { rowsFromGrid, type ImportProblem } from "@/lib/schools/sheet-rows";

/** A 5,000-row .xlsx is about 230 KB and the same CSV about 500 KB; 5 MB is generous and still cheap to hold. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export type SchoolImportResult =
  | { ok: true; content: TSchoolTableContent; sheetName: string }
  | { ok: false; errors: ImportProblem[]; more: number };

export async function importSchoolSheet(
  table: TSchoolTable,
  file: { fileName: string; bytes: Uint8Array },
  now: Date = new Date(),
): Promise<SchoolImportResult> {
  const fail = (message: string): SchoolImportResult => ({ ok: false, errors: [{ line: null, message }], more: 0 });
  if (file.bytes.byteLength === 0) return fail("文件为空");
  if (file.bytes.byteLength > IMPORT_MAX_BYTES) return fail(`文件过大：不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  const name = file.fileName.toLowerCase();
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  const isXls = file.bytes[0] === 0xd0 && file.bytes[1] === 0xcf;
  const read = isZip || isXls || name.endsWith(".xlsx") || name.endsWith(".xls") ? await readXlsxGrid(file.bytes, table.maxRows) : readCsvGrid(file.bytes, table.maxRows);
  if (!read.ok) return { ok: false, errors: read.errors, more: 0 };
  const outcome = rowsFromGrid(table, read.grid);
  if (!outcome.ok) return outcome;
  const source = { fileName: file.fileName.slice(0, 200), importedAt: now.toISOString(), rowCount: outcome.rows.length };
  return { ok: true, content: { rows: outcome.rows, source }, sheetName: read.sheetName };
}

/** For routes: the problems as a coded error (422) whose rows the client lists, like the region CSV import. */
export class SchoolImportError extends AppError {
  constructor(errors: ImportProblem[], more: number) {
    const shown = more ? `（另有 ${more} 处未列出）` : "";
    super("INVALID_INPUT", `导入失败：有 ${errors.length + more} 处问题${shown}，未导入任何数据，请修改后重新导入`, undefined, errors);
  }
}
