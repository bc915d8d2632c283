import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import { importSchoolSheet, SchoolImportError } from "@/lib/schools/server/import";
import { buildSchoolTableWorkbook, DATA_SHEET, templateHeaders } from "@/lib/schools/server/template-xlsx";
import { csvOf, generatedSchoolRow, hugeSheetZip, schoolSheetRows, xlsxOf, type SheetCell } from "@/lib/schools/testing";

const table = QUALITY_BALANCE_2017_COUNTY.tables[0];
const headers = templateHeaders(table);
const xlsx = async (rows: SheetCell[][], options?: Parameters<typeof xlsxOf>[1]) =>
  importSchoolSheet(table, { fileName: "学校.xlsx", bytes: await xlsxOf(rows, options) });
const csv = (text: string) => importSchoolSheet(table, { fileName: "学校.csv", bytes: new TextEncoder().encode(text) });

function messages(result: Awaited<ReturnType<typeof importSchoolSheet>>): string[] {
  if (result.ok) throw new Error("expected the import to be refused");
  return result.errors.map((e) => e.message);
}

describe("importSchoolSheet: a good sheet", () => {
  it("imports every row of an .xlsx built from the template headers", async () => {
    const result = await xlsx(schoolSheetRows(table, 8));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.rows).toHaveLength(8);
    expect(result.content.rows[0]).toEqual({
      name: "第1小学",
      type: "primary_school",
      stage: "primary",
      values: { pupils: 300, qualified_teachers: 15, backbone_teachers: 4, pe_art_teachers: 4, teaching_area: 1560, sports_area: 2520, equipment_value: 645000, multimedia_rooms: 8, max_class_size: null },
    });
    expect(result.content.source).toMatchObject({ fileName: "学校.xlsx", rowCount: 8 });
    expect(result.sheetName).toBe(DATA_SHEET);
  });

  it("imports the same data from a UTF-8 CSV with a BOM", async () => {
    const result = await csv(`\uFEFF${csvOf(schoolSheetRows(table, 5))}`);
    expect(result.ok && result.content.rows.map((r) => r.name)).toEqual(["第1小学", "第2小学", "第3小学", "第4中学", "第5小学"]);
  });

  it("matches headers despite spaces, full-width brackets, * markers, missing units and aliases", async () => {
    const loose = ["  学校 名称 ", "*学校类型", "学段", "在校生数", "高于规定学历教师数 (人)", "县级以上骨干教师数", "体育、艺术专任教师数", "教学及辅助用房面积（㎡）", "体育运动场馆面积", "教学仪器设备值（元）", "网络多媒体教室数（间）"];
    const result = await xlsx([loose, generatedSchoolRow(0)]);
    expect(result.ok).toBe(true);
  });

  it("takes a 九年一贯制 school as one row per stage; 学段 may be “初中部”", async () => {
    const row = generatedSchoolRow(0);
    const result = await csv(csvOf([headers, ["联合学校", "九年一贯制", "小学", ...row.slice(3)], ["联合学校", "九年一贯制学校", "初中部", ...row.slice(3)]]));
    expect(result.ok && result.content.rows.map((r) => [r.type, r.stage])).toEqual([
      ["nine_year", "primary"],
      ["nine_year", "junior"],
    ]);
  });

  it("accepts full-width digits and thousands separators in number cells, and formula results", async () => {
    const row = generatedSchoolRow(0);
    row[3] = "３００";
    row[9] = "645,000";
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("学校数据");
    sheet.addRow(headers);
    sheet.addRow(row);
    sheet.getCell("K2").value = { formula: "4*2", result: 8 };
    const result = await importSchoolSheet(table, { fileName: "a.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(result.ok && result.content.rows[0].values).toMatchObject({ pupils: 300, equipment_value: 645000, multimedia_rooms: 8 });
  });
});

describe("importSchoolSheet: refusals (nothing is imported)", () => {
  it("names missing and unknown columns", async () => {
    const wrong = headers.filter((h) => !h.startsWith("网络多媒体") && !h.startsWith("县级以上骨干")).concat("备注");
    expect(messages(await xlsx([wrong, generatedSchoolRow(0)]))).toEqual([
      "缺少列：「县级以上骨干教师数」、「网络多媒体教室数」",
      "无法识别的列：「备注」（第 K 列）。可用的列标题：学校名称、学校类型、学段、学生数、高于规定学历教师数、县级以上骨干教师数、体育艺术专任教师数、教学及辅助用房面积、体育运动场馆面积、教学仪器设备值、网络多媒体教室数、最大班额",
    ]);
  });

  it("refuses a column given twice", async () => {
    expect(messages(await xlsx([[...headers, "学生数"], generatedSchoolRow(0)]))).toEqual(["列「学生数」重复：第 D 列和第 M 列是同一项"]);
  });

  it("reports text in number cells by line and column, and imports nothing", async () => {
    const rows = schoolSheetRows(table, 10);
    rows[6][7] = "约四千平方米"; // sheet line 7
    rows[9][3] = 12.5; // line 10: pupils must be whole
    rows[9][10] = -1;
    const result = await xlsx(rows);
    expect(messages(result)).toEqual([
      "第 7 行「教学及辅助用房面积」：不是数字",
      "第 10 行「学生数」：应为整数",
      "第 10 行「网络多媒体教室数」：不能为负数",
    ]);
    expect(result.ok).toBe(false);
  });

  it("reports blank cells, unknown types and stages, duplicates and a 九年一贯制 school missing a stage", async () => {
    const r = generatedSchoolRow(0).slice(3);
    const result = await csv(
      csvOf([
        headers,
        ["", "小学", "", ...r],
        ["甲小学", "完小", "", ...r],
        ["乙学校", "九年一贯制", "", ...r],
        ["丙小学", "小学", "初中", ...r],
        ["丁小学", "小学", "", null, ...r.slice(1)],
        ["戊学校", "九年一贯制", "小学", ...r],
        ["己小学", "小学", "", ...r],
        ["己小学", "小学", "小学", ...r],
      ]),
    );
    expect(messages(result)).toEqual([
      "第 2 行「学校名称」：未填写",
      "第 3 行「学校类型」：「完小」不是可用的类型（小学、初中、九年一贯制）",
      "第 4 行「学段」：九年一贯制学校须分学段各填一行，请填写小学、初中",
      "第 5 行「学段」：小学学校没有「初中」学段",
      "第 6 行「学生数」：未填写",
      "第 7 行：「戊学校」是九年一贯制学校，缺少初中部分的数据行（每个学段单独一行）",
      "第 9 行：「己小学」（小学）与第 8 行重复",
    ]);
  });

  it("refuses merged cells with their range", async () => {
    const rows = [["某县义务教育学校资源配置情况表"], headers, generatedSchoolRow(0)];
    expect(messages(await xlsx(rows, { merge: "A1:K1" }))).toEqual([
      "工作表「学校数据」有合并单元格（A1:K1），无法判断数据属于哪所学校。请取消合并，每个单元格只填一个值",
    ]);
  });

  it("refuses an empty sheet, a header-only sheet and an empty file", async () => {
    expect(messages(await xlsx([]))).toEqual(["表格为空：工作表中没有任何数据"]);
    expect(messages(await xlsx([headers]))).toEqual(["表格中只有列标题，没有数据行"]);
    expect(messages(await importSchoolSheet(table, { fileName: "a.csv", bytes: new Uint8Array() }))).toEqual(["文件为空"]);
    expect(messages(await csv("\n\n"))).toEqual(["表格为空：文件中没有任何数据"]);
  });

  it("refuses a legacy .xls and a file that is not a spreadsheet", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(messages(await importSchoolSheet(table, { fileName: "a.xls", bytes: xls }))).toEqual(["这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入"]);
    expect(messages(await importSchoolSheet(table, { fileName: "a.xlsx", bytes: new TextEncoder().encode("PK not really") }))[0]).toContain("不是有效的 .xlsx 文件");
  });

  it("refuses more rows than the table allows", async () => {
    const small = { ...table, maxRows: 3 };
    const result = await importSchoolSheet(small, { fileName: "a.xlsx", bytes: await xlsxOf(schoolSheetRows(table, 4)) });
    expect(messages(result)).toEqual(["数据行超过 3 行的上限，未导入任何数据。请分表或删去多余的行"]);
  });

  it("refuses a 100,000-row sheet by counting value rows in the raw XML, without exceljs", async () => {
    const bytes = hugeSheetZip(100_000);
    expect(bytes.byteLength).toBeLessThan(5 * 1024 * 1024); // small enough to pass the upload size check
    expect(messages(await importSchoolSheet(table, { fileName: "全省.xlsx", bytes }))).toEqual([
      "表格过大（约 100000 行，超过 5000 行的上限），未导入任何数据。请只保留本县学校的数据行",
    ]);
  });

  it("refuses a sheet whose zip directory understates its size: the inflated bytes are bounded while reading", async () => {
    // About 22 MB of XML that the zip headers call 1 KB, with a used range of ten rows.
    const bytes = hugeSheetZip(250_000, { declaredBytes: 1024, dimension: "A1:K10" });
    expect(bytes.byteLength).toBeLessThan(5 * 1024 * 1024);
    expect(messages(await importSchoolSheet(table, { fileName: "说谎.xlsx", bytes }))).toEqual([
      "表格过大（超过 5000 行的上限），未导入任何数据。请只保留本县学校的数据行",
    ]);
  });

  it("refuses a 100,000-row sheet that declares ten rows and a small size, by counting the rows it holds", async () => {
    const bytes = hugeSheetZip(100_000, { declaredBytes: 2048, dimension: "A1:K10" });
    expect(messages(await importSchoolSheet(table, { fileName: "说谎.xlsx", bytes }))).toEqual([
      "表格过大（约 100000 行，超过 5000 行的上限），未导入任何数据。请只保留本县学校的数据行",
    ]);
  });

  it("refuses a CSV with too many lines before parsing it", async () => {
    const text = csvOf(schoolSheetRows(table, 6000));
    expect(messages(await csv(text))).toEqual(["文件约有 6000 行，超过 5000 行的上限，未导入任何数据。请只保留本县学校的数据行"]);
  });

  it("lists at most 200 problems and counts the rest", async () => {
    const rows = schoolSheetRows(table, 300).map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], "x", ...r.slice(4)]));
    const result = await csv(csvOf(rows));
    expect(result.ok === false && [result.errors.length, result.more]).toEqual([200, 100]);
    if (!result.ok) expect(new SchoolImportError(result.errors, result.more).message).toBe("导入失败：有 300 处问题（另有 100 处未列出），未导入任何数据，请修改后重新导入");
  });
});

describe("template download", () => {
  it("has the header row the import matches, drop-downs and a 说明 sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildSchoolTableWorkbook(table)) as never);
    const [data, help] = workbook.worksheets;
    expect(data.name).toBe(DATA_SHEET);
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(headers.slice(0, 4)).toEqual(["学校名称", "学校类型", "学段", "学生数（人）"]);
    expect(data.getCell("B2").dataValidation).toMatchObject({ type: "list", formulae: ['"小学,初中,九年一贯制"'] });
    expect(help.name).toBe("说明");
    const helpText = help.getSheetValues().flat().join("\n");
    expect(helpText).toContain("九年一贯制学校分学段各填一行");
    expect(helpText).toContain("生均体育运动场馆面积");
  });

  it("neutralises school names that a spreadsheet would run as a formula after re-saving as CSV, and imports them back", async () => {
    const first = await xlsx(schoolSheetRows(table, 5));
    if (!first.ok) throw new Error("setup");
    const hostile = ['=HYPERLINK("http://x.invalid","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"];
    const rows = first.content.rows.map((r, i) => ({ ...r, name: hostile[i] }));
    const bytes = await buildSchoolTableWorkbook(table, rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const names = workbook.worksheets[0].getColumn(1).values.slice(2);
    expect(names).toEqual(hostile.map((h) => `'${h}`));
    // Numbers stay numbers.
    expect(typeof workbook.worksheets[0].getCell("D2").value).toBe("number");
    const again = await importSchoolSheet(table, { fileName: "导出.xlsx", bytes });
    expect(again.ok && again.content.rows.map((r) => r.name)).toEqual(hostile.map((h) => h.trim()));
  });

  it("round-trips: an exported table imports back to the same rows; the empty template is refused as header-only", async () => {
    const first = await xlsx(schoolSheetRows(table, 12));
    if (!first.ok) throw new Error("setup");
    const again = await importSchoolSheet(table, { fileName: "导出.xlsx", bytes: await buildSchoolTableWorkbook(table, first.content.rows) });
    expect(again.ok && again.content.rows).toEqual(first.content.rows);
    const empty = await importSchoolSheet(table, { fileName: "模板.xlsx", bytes: await buildSchoolTableWorkbook(table) });
    expect(messages(empty)).toEqual(["表格中只有列标题，没有数据行"]);
  });
});
