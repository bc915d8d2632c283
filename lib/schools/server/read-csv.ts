import "server-only";
// .csv → grid of cells for sheet-rows.ts. UTF-8 (with or without BOM) or GB18030, as Excel in China saves it. The
// line count is checked on the raw text before parsing, so an oversized file is refused without building its rows.
import { parse } from "csv-parse/sync";
import { decodeCsv } from "@/lib/regions/server/csv-import";
import type { GridRow } from "@/lib/schools/sheet-rows";
import type { GridRead } from "@/lib/schools/server/read-xlsx";

export function readCsvGrid(bytes: Uint8Array, maxRows: number): GridRead {
  const text = decodeCsv(bytes);
  if (!text.trim()) return { ok: false, errors: [{ line: null, message: "表格为空：文件中没有任何数据" }] };
  let lines = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  // Header + data rows + a few blank lines; quoted fields with line breaks only make the true count smaller.
  if (lines > maxRows + 20) {
    return { ok: false, errors: [{ line: null, message: `文件约有 ${lines} 行，超过 ${maxRows} 行的上限，未导入任何数据。请只保留本县学校的数据行` }] };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    return { ok: false, errors: [{ line, message: "CSV 格式错误（引号不配对或编码有误），请用“另存为 CSV”重新导出" }] };
  }
  const grid: GridRow[] = records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  return { ok: true, grid, sheetName: "" };
}
