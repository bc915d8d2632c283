// Test and benchmark helpers: generated school rows and the sheets a county would upload, built with exceljs.
import ExcelJS from "exceljs";
import { crc32, deflateRawSync } from "node:zlib";
import type { TSchoolTable } from "@/lib/template/school-table";
import { templateHeaders } from "@/lib/schools/server/template-xlsx";

export type SheetCell = string | number | null;

/** A plausible 优质均衡 row for school i (deterministic): name, type label, stage label and the 8 raw figures.
 *  `nineYear` makes it one of the two rows of a 九年一贯制 school (its primary or its junior part). */
export function generatedSchoolRow(i: number, options: { nineYear?: "primary" | "junior" } = {}): SheetCell[] {
  const junior = options.nineYear ? options.nineYear === "junior" : i % 4 === 3;
  const pupils = 300 + ((i * 37) % 1200);
  const p = pupils / 100;
  return [
    options.nineYear ? "城关九年制学校" : `第${i + 1}${junior ? "中学" : "小学"}`,
    options.nineYear ? "九年一贯制" : junior ? "初中" : "小学",
    junior ? "初中" : "小学",
    pupils,
    Math.ceil(p * (junior ? 6 : 5)),
    Math.ceil(p * 1.2),
    Math.ceil(p * 1.1),
    Math.round(pupils * (junior ? 6.5 : 5.2) * 100) / 100,
    Math.round(pupils * (junior ? 11 : 8.4) * 100) / 100,
    pupils * (junior ? 2700 : 2150),
    Math.ceil(p * 2.6),
  ];
}

export async function xlsxOf(rows: SheetCell[][], options: { sheetName?: string; merge?: string } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? "学校数据");
  for (const row of rows) sheet.addRow(row);
  if (options.merge) sheet.mergeCells(options.merge);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function csvOf(rows: SheetCell[][]): string {
  return rows.map((r) => r.map((c) => (c === null ? "" : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(",")).join("\n");
}

/** Header row plus `count` generated schools, as the template writes them. */
export const schoolSheetRows = (table: TSchoolTable, count: number): SheetCell[][] => [
  templateHeaders(table),
  ...Array.from({ length: count }, (_, i) => generatedSchoolRow(i)),
];

/** A bare .xlsx-shaped zip holding one worksheet of `rows` rows, without going through exceljs: writing a
 *  100,000-row sheet with exceljs takes over a minute, deflating its XML takes well under a second. A hostile file
 *  lies: `declaredBytes` is the uncompressed size its zip headers state, `dimension` the used range it declares. */
export function hugeSheetZip(rows: number, lies: { declaredBytes?: number; dimension?: string } = {}): Uint8Array {
  const body: string[] = [];
  for (let r = 2; r <= rows + 1; r++) body.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>第${r}小学</t></is></c><c r="D${r}"><v>500</v></c></row>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${lies.dimension ?? `A1:K${rows + 1}`}"/><sheetData>${body.join("")}</sheetData></worksheet>`;
  return zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.from(xml, "utf8"), declaredBytes: lies.declaredBytes }]);
}

function zipOf(entries: { name: string; data: Buffer; declaredBytes?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredBytes } of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declaredBytes ?? data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declaredBytes ?? data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
