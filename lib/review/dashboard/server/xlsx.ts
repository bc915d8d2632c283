import "server-only";
// The dashboard as an Excel workbook: sheet 概览 is the status table, sheet 指标 the counties × indicators matrix
// (numbers as numbers, unmet cells filled light red, last year's change as a cell note, header and county column
// frozen), and with the charts posted by the browser, sheet 图表 (chart-sheet.ts). Pure: it takes the dashboard the page shows, so the file and the screen cannot disagree.
import ExcelJS from "exceljs";
import type { Dashboard } from "@/lib/review/dashboard/types";
import { bucketLabel } from "@/lib/review/dashboard/buckets";
import { cellNumberFormat, cellText } from "@/lib/review/dashboard/text";
import { formatDateTime } from "@/lib/dates";
import { inertRow } from "@/lib/spreadsheet-text";
import { addChartSheet, type DrawnChart } from "@/lib/review/dashboard/server/chart-sheet";

const UNMET_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E2" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

function overview(wb: ExcelJS.Workbook, d: Dashboard) {
  const ws = wb.addWorksheet("概览", { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  ws.columns = [
    { header: "县（市、区）", width: 16 },
    { header: "所属市", width: 12 },
    { header: "状态", width: 20 },
    { header: "提交日期", width: 12 },
    { header: "提交轮次", width: 10 },
    { header: "未解决评论", width: 11 },
    { header: "完成度（%）", width: 12 },
    { header: "待处理问题", width: 11 },
    { header: "未达标指标", width: 11 },
    { header: "核定有异议", width: 11 },
  ];
  styleHeader(ws.getRow(1));
  for (const row of d.rows) {
    const r = row.report;
    ws.addRow(inertRow([
      row.county.name,
      row.city?.name ?? "",
      r ? r.statusText : bucketLabel("none", d.level),
      formatDateTime(r?.submittedAt, "date"),
      r?.round ?? null,
      r?.openComments ?? null,
      r?.completeness ?? null,
      r?.problemCount ?? null,
      r?.unmet ?? null,
      r?.disputed ?? null,
    ]));
  }
}

function matrix(wb: ExcelJS.Workbook, d: Dashboard) {
  const ws = wb.addWorksheet("指标", { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  const head = ws.addRow(["县（市、区）", ...d.columns.map((c) => (c.unit ? `${c.label}（${c.unit}）` : c.label))]);
  const targets = ws.addRow(["目标", ...d.columns.map((c) => c.target ?? "—")]);
  styleHeader(head);
  styleHeader(targets);
  targets.font = { italic: true, color: { argb: "FF475569" } };
  head.height = 48;
  ws.getColumn(1).width = 16;
  d.columns.forEach((_, i) => (ws.getColumn(i + 2).width = 12));
  for (const row of d.rows) {
    if (!row.report) continue;
    const cells = row.report.cells;
    const line = ws.addRow(inertRow([row.county.name, ...d.columns.map((c) => cells[c.key]?.value ?? cellText(cells[c.key], c.unit, c.affix))]));
    d.columns.forEach((col, i) => {
      const cell = line.getCell(i + 2);
      const value = cells[col.key];
      if (typeof cell.value === "number") cell.numFmt = cellNumberFormat(col);
      if (value?.met === false) {
        cell.fill = UNMET_FILL;
        cell.font = { color: { argb: "FF991B1B" } };
      }
      if (value?.previous) {
        const change = value.delta === null ? "" : value.delta === 0 ? "（持平）" : `（${value.delta > 0 ? "+" : ""}${value.delta}）`;
        cell.note = `${d.filters.year - 1} 年：${value.previous}${change}`;
      }
    });
  }
}

/** `charts`: the drawn charts for sheet 图表 (POST /api/review/dashboard-charts.xlsx); the plain GET export has none. */
export async function dashboardWorkbook(d: Dashboard, charts: DrawnChart[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "县级政府履行教育职责自评报告系统";
  wb.created = new Date();
  overview(wb, d);
  matrix(wb, d);
  addChartSheet(wb, charts);
  if (d.dataAsOf) {
    // Read from a standby: say how current the figures are, on screen (the page) and on paper (the sheet header).
    const note = `数据截至 ${formatDateTime(d.dataAsOf, "datetime-seconds")}`;
    wb.description = note;
    for (const ws of wb.worksheets) ws.headerFooter.oddHeader = `&R${note}`;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
