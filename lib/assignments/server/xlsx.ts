import "server-only";
// The progress board as an Excel workbook (one sheet 填报进度, overdue due dates in red). Pure: it takes the rows the
// board page shows, so the file and the screen cannot disagree.
import ExcelJS from "exceljs";
import { formatDateTime } from "@/lib/dates";
import { inertRow } from "@/lib/spreadsheet-text";
import { shanghaiDay, type BoardRow } from "@/lib/assignments/status";

export async function boardWorkbook(title: string, rows: BoardRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("填报进度", { views: [{ state: "frozen", ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.columns = [{ width: 36 }, { width: 14 }, { width: 20 }, { width: 18 }, { width: 10 }, { width: 12 }, { width: 18 }, { width: 30 }];
  const header = ws.addRow(["评价项目", "主责单位", "配合单位", "填报人", "状态", "截止日期", "最近活动", "说明 / 退回意见"]);
  header.font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(
      inertRow([
        r.heading,
        r.office,
        r.partners,
        r.contributors.map((c) => c.name).join("、"),
        r.statusLabel,
        r.dueDate ? shanghaiDay(new Date(r.dueDate)) + (r.overdue ? "（已逾期）" : "") : "",
        r.lastActivityAt ? formatDateTime(r.lastActivityAt) : "",
        [r.note, r.status === "returned" && r.returnNote ? `退回：${r.returnNote}` : ""].filter(Boolean).join("；"),
      ]),
    );
    if (r.overdue) row.getCell(6).font = { color: { argb: "FFB91C1C" }, bold: true };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
