import "server-only";
// Sheet 图表 of the dashboard's workbook: per chart its title, the PNG the browser drew, and below it the chart's data
// as a table (the same rows as the page's 查看数据表), so the numbers stay usable in Excel and the picture is there for
// a report or a slide. The images are checked PNGs (lib/review/dashboard/chart-export.ts); the titles and data are
// the server's own.
import type ExcelJS from "exceljs";
import type { ChartSpec } from "@/lib/review/dashboard/charts";
import { inertRow } from "@/lib/spreadsheet-text";

export type DrawnChart = { spec: ChartSpec; png: { bytes: Uint8Array; width: number; height: number } };

/** Width of a chart in the sheet, px; the height follows the image's proportions. */
const IMAGE_WIDTH = 820;
/** exceljs's default row height (15 pt) in px. */
const ROW_PX = 20;

export function addChartSheet(wb: ExcelJS.Workbook, charts: DrawnChart[]): void {
  if (!charts.length) return;
  const ws = wb.addWorksheet("图表");
  ws.getColumn(1).width = 22;
  for (let c = 2; c <= 8; c++) ws.getColumn(c).width = 14;
  let row = 1;
  for (const { spec, png } of charts) {
    const title = ws.getRow(row);
    title.getCell(1).value = spec.title;
    title.font = { bold: true, size: 13 };
    ws.getRow(row + 1).getCell(1).value = spec.description;
    ws.getRow(row + 1).font = { color: { argb: "FF475569" } };
    row += 2;
    const height = Math.round((IMAGE_WIDTH * png.height) / png.width);
    const id = wb.addImage({ buffer: Buffer.from(png.bytes) as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(id, { tl: { col: 0, row: row - 1 }, ext: { width: IMAGE_WIDTH, height } });
    row += Math.ceil(height / ROW_PX) + 1;
    const head = ws.getRow(row);
    head.values = spec.table.head;
    head.font = { bold: true };
    row++;
    for (const r of spec.table.rows) ws.getRow(row++).values = inertRow(r);
    row += 2;
  }
}
