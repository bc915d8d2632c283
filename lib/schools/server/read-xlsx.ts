import "server-only";
// .xlsx → grid of cells for sheet-rows.ts. Refuses early what cannot be imported: a file or sheet too large (from
// the zip directory, before parsing), an old .xls, merged cells (a merged range hides which school a value belongs
// to, so it is refused with its range rather than guessed), and cells holding errors or formulas without a result.
import ExcelJS from "exceljs";
import type { GridRow, ImportProblem, RawCell } from "@/lib/schools/sheet-rows";
import { countValueRows, inflateEntry, isSheetPath, probeXlsx } from "@/lib/schools/server/xlsx-probe";

/** A 5,000-row sheet of the 优质均衡 table is about 1.9 MB of XML; 6× that leaves room for styles and long names. */
export const XLSX_SHEET_MAX_BYTES = 12 * 1024 * 1024;
const XLSX_TOTAL_MAX_BYTES = 40 * 1024 * 1024;
/** The sheet our template names 说明 (instructions) is never the data. */
export const INSTRUCTIONS_SHEET = "说明";

export type GridRead = { ok: true; grid: GridRow[]; sheetName: string } | { ok: false; errors: ImportProblem[] };
const refuse = (message: string): GridRead => ({ ok: false, errors: [{ line: null, message }] });
const UNPACKED_TOO_LARGE = "文件解压后过大，未导入。请删去图片和无关工作表后再导入";

export async function readXlsxGrid(bytes: Uint8Array, maxRows: number): Promise<GridRead> {
  const probe = probeXlsx(bytes);
  if (!probe.ok) {
    return refuse(probe.reason === "legacy-xls" ? "这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入" : "不是有效的 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再导入");
  }
  if (probe.totalUncompressed > XLSX_TOTAL_MAX_BYTES) return refuse(UNPACKED_TOO_LARGE);
  const tooLarge = (rows: number | null) =>
    refuse(`表格过大（${rows ? `约 ${rows} 行，` : ""}超过 ${maxRows} 行的上限），未导入任何数据。请只保留本县学校的数据行`);
  // What the directory declares refuses most oversized files at once, before anything is inflated.
  for (const sheet of probe.sheets) if (sheet.uncompressedBytes > XLSX_SHEET_MAX_BYTES) return tooLarge(sheet.dimensionRows);
  // Then what the entries really hold, inflated with a cap (the directory and the used range may lie). A declared
  // range beyond the limit may be formatted blank rows, so rows are counted by their values: +1 header, +20 for a
  // title or notes above or below the data.
  let budget = XLSX_TOTAL_MAX_BYTES;
  for (const entry of probe.entries) {
    const sheet = isSheetPath(entry.path);
    const cap = sheet ? Math.min(XLSX_SHEET_MAX_BYTES, budget) : budget;
    const xml = inflateEntry(bytes, entry, cap);
    if (xml === "too-large") return sheet && cap === XLSX_SHEET_MAX_BYTES ? tooLarge(null) : refuse(UNPACKED_TOO_LARGE);
    if (xml === null) continue;
    budget -= xml.length;
    if (sheet) {
      const rows = countValueRows(xml);
      if (rows > maxRows + 21) return tooLarge(rows);
    }
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return refuse("无法读取 .xlsx 文件，文件可能已损坏。请用 Excel 或 WPS 打开后重新保存");
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible" && ws.name.trim() !== INSTRUCTIONS_SHEET);
  if (!sheet || sheet.actualRowCount === 0) return refuse("表格为空：工作表中没有任何数据");
  if (sheet.hasMerges) {
    const ranges = sheet.model.merges.slice(0, 10).join("、");
    return refuse(`工作表「${sheet.name}」有合并单元格（${ranges}），无法判断数据属于哪所学校。请取消合并，每个单元格只填一个值`);
  }
  const grid: GridRow[] = [];
  let dataRows = 0;
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (tooMany) return;
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = rawCell(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    grid.push({ line, cells });
    // +1 for the header; sheet-rows.ts gives the exact message, this only stops copying an oversized sheet.
    if (++dataRows > maxRows + 1) tooMany = true;
  });
  return { ok: true, grid, sheetName: sheet.name };
}

function rawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return { problem: "是日期，不是数字" };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return { problem: `单元格是错误值 ${value.error}` };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === "number" || typeof result === "string") return result;
    if (result && typeof result === "object" && "error" in result) return { problem: `公式结果是错误值 ${(result as { error: string }).error}` };
    return { problem: "公式没有计算结果，请在 Excel 中“粘贴为数值”后再导入" };
  }
  if ("text" in value) return String(value.text);
  return { problem: "无法识别的单元格内容" };
}
