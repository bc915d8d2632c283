import "server-only";
// The download a county fills in: a data sheet whose header row is exactly what the import matches (label + unit),
// drop-down lists for 学校类型 and 学段, and a 说明 sheet explaining every column and the 九年一贯制 two-row rule.
// Given rows, it also exports the current table, so a county can download, edit in Excel and re-import.
import ExcelJS from "exceljs";
import { headerWithUnit } from "@/lib/template/headers";
import type { TSchoolTable } from "@/lib/template/school-table";
import { INSTRUCTIONS_SHEET } from "@/lib/schools/server/read-xlsx";
import { schoolTypeOf, stageOf, type TSchoolRow } from "@/lib/schools/rows";
import { inertRow } from "@/lib/spreadsheet-text";

export const DATA_SHEET = "学校数据";

export function templateHeaders(table: TSchoolTable): string[] {
  return [table.nameLabel, table.typeLabel, table.stageLabel, ...table.attributes.map((a) => a.label), ...table.columns.map((c) => headerWithUnit(c.label, c.unit))];
}

/** Excel limits a list validation's inline text to 255 characters; type and stage lists are far shorter. */
const list = (values: string[]) => `"${values.join(",")}"`;

export async function buildSchoolTableWorkbook(table: TSchoolTable, rows: readonly TSchoolRow[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "县级政府履行教育职责自评报告系统";
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = templateHeaders(table);
  sheet.addRow(headers).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 28 : Math.max(12, headers[i].length * 2 + 2)));
  for (const row of rows) {
    const type = schoolTypeOf(table, row.type);
    const attrs = table.attributes.map((a) => {
      const v = row.attrs?.[a.key];
      return a.kind === "flag" ? (v === true ? "是" : v === false ? "否" : null) : (a.options.find((o) => o.key === v)?.label ?? null);
    });
    sheet.addRow(inertRow([row.name, type?.label ?? "", stageOf(table, row.stage)?.label ?? "", ...attrs, ...table.columns.map((c) => row.values[c.key] ?? null)]));
  }
  const last = Math.max(rows.length + 1, 500);
  const types = list(table.schoolTypes.map((t) => t.label));
  const stages = list(table.stages.map((s) => s.label));
  for (let r = 2; r <= last; r++) {
    sheet.getCell(r, 2).dataValidation = { type: "list", allowBlank: true, formulae: [types] };
    sheet.getCell(r, 3).dataValidation = { type: "list", allowBlank: true, formulae: [stages] };
    table.attributes.forEach((a, k) => {
      sheet.getCell(r, 4 + k).dataValidation = { type: "list", allowBlank: true, formulae: [list(a.kind === "flag" ? ["是", "否"] : a.options.map((o) => o.label))] };
    });
  }

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 30 }, { width: 80 }];
  help.addRow([table.title]).font = { bold: true, size: 14 };
  help.addRow([]);
  const multi = table.schoolTypes.filter((t) => t.stages.length > 1).map((t) => t.label);
  const notes = [
    `在「${DATA_SHEET}」工作表中每所学校填一行，第一行的列标题不要修改，也不要插入标题行或合并单元格。`,
    ...(multi.length ? [`${multi.join("、")}学校分学段各填一行：学校名称相同，「${table.stageLabel}」分别填写各学段（如“小学”“初中”），各行只填本学段的学生数和资源数据。`] : []),
    `「${table.typeLabel}」可填：${table.schoolTypes.map((t) => t.label).join("、")}；「${table.stageLabel}」可填：${table.stages.map((s) => s.label).join("、")}（只有一个学段的学校可不填）。`,
    "数字列只填数字，不要填单位、文字或公式；整数列不能填小数；没有的填 0。",
    `最多 ${table.maxRows} 行。导入时任何一行有误，都不会导入任何数据，系统会列出出错的行和列。`,
    ...(table.guidance ? [table.guidance] : []),
  ];
  notes.forEach((text, i) => help.addRow([`${i + 1}.`, text]));
  help.addRow([]);
  help.addRow(["列标题", "说明"]).font = { bold: true };
  help.addRow([table.nameLabel, "学校全称，与教育事业统计报表一致"]);
  help.addRow([table.typeLabel, table.schoolTypes.map((t) => t.label).join("、")]);
  help.addRow([table.stageLabel, table.stages.map((s) => s.label).join("、")]);
  for (const a of table.attributes) help.addRow([a.label, [a.kind === "flag" ? "填“是”或“否”" : `可填：${a.options.map((o) => o.label).join("、")}`, a.hint].filter(Boolean).join("；")]);
  for (const c of table.columns) {
    const kind = c.kind === "integer" ? "整数" : "数字，可有小数";
    help.addRow([headerWithUnit(c.label, c.unit), [kind, c.hint].filter(Boolean).join("；")]);
  }
  help.addRow([]);
  help.addRow(["计算的指标", "标准（" + table.stages.map((s) => s.label).join(" / ") + "）"]).font = { bold: true };
  for (const ind of table.indicators) {
    const bound = ind.bound === "max" ? "不高于 " : "";
    const variants = ind.variants.map((v) => v.note ?? (v.exempt ? "部分学校不作要求" : `部分学校：${table.stages.map((s) => v.standards?.[s.key] ?? "—").join(" / ")}`));
    help.addRow([ind.label, [`${bound}${table.stages.map((s) => `${ind.standards[s.key]}${ind.unit}`).join(" / ")}`, ...variants].join("；")]);
  }
  help.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
