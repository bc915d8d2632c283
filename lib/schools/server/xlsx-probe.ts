import "server-only";
// A look at an .xlsx file before anything is parsed: an .xlsx is a zip, and its central directory (at the end of the
// file) states each worksheet's uncompressed size, and the first bytes of a worksheet state its used range
// (<dimension ref="A1:K100001"/>). That refuses a 100,000-row sheet in milliseconds instead of after exceljs has
// built every row in memory, and refuses a zip bomb before it is inflated. A declared range can include formatted
// blank rows, so a large one is confirmed by counting the rows that hold a value (inflate + byte search, no parse).
// The directory can also lie — a sheet that says 1 KB and inflates to 300 MB — so before exceljs sees the file every
// entry is inflated once here with a cap on its output (inflateEntry): the inflation stops at the cap, whatever the
// directory claims, and the sheets' value rows are counted on what was actually inflated.
import { inflateRawSync, constants } from "node:zlib";

export interface ProbedSheet {
  path: string;
  uncompressedBytes: number;
  /** Last row of the declared used range, when the sheet declares one. */
  dimensionRows: number | null;
  /** Where its data starts in the file, how it is compressed (0 stored, 8 deflate) and its compressed size. */
  dataStart: number | null;
  method: number;
  compressedBytes: number;
}
/** Any entry of the zip (worksheets, shared strings, styles…), located for inflateEntry. */
export type ProbedEntry = Pick<ProbedSheet, "path" | "uncompressedBytes" | "dataStart" | "method" | "compressedBytes">;
export type Probe =
  | { ok: true; sheets: ProbedSheet[]; entries: ProbedEntry[]; totalUncompressed: number }
  | { ok: false; reason: "not-zip" | "legacy-xls" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function probeXlsx(bytes: Uint8Array): Probe {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) return { ok: false, reason: "legacy-xls" };
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) return { ok: false, reason: "not-zip" };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "not-zip" };
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const sheets: ProbedSheet[] = [];
  const entries: ProbedEntry[] = [];
  let totalUncompressed = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: "not-zip" };
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const path = buf.toString("utf8", at + 46, at + 46 + nameLength);
    // ZIP64 marks sizes as 0xFFFFFFFF: far beyond any sheet we accept, so count it as huge.
    totalUncompressed += uncompressed === 0xffffffff ? Number.MAX_SAFE_INTEGER : uncompressed;
    const dataStart = localDataStart(buf, local);
    entries.push({ path, uncompressedBytes: uncompressed, dataStart, method, compressedBytes: compressed });
    if (isSheetPath(path)) {
      const dimension = dataStart === null ? null : dimensionRows(buf, dataStart, method, compressed);
      sheets.push({ path, uncompressedBytes: uncompressed, dimensionRows: dimension, dataStart, method, compressedBytes: compressed });
    }
    at += 46 + skip;
  }
  return { ok: true, sheets, entries, totalUncompressed };
}

export const isSheetPath = (path: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(path);

/** The entry's inflated bytes, at most `maxBytes` of them: "too-large" as soon as the output would pass the cap
 *  (zlib stops there), null when the entry cannot be inflated (exceljs will then report the damage). */
export function inflateEntry(bytes: Uint8Array, entry: ProbedEntry, maxBytes: number): Buffer | "too-large" | null {
  if (entry.dataStart === null) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packed = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedBytes);
  if (entry.method === 0) return packed.length > maxBytes ? "too-large" : packed;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too-large" : null;
  }
}

function localDataStart(buf: Buffer, local: number): number | null {
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return null;
  return local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
}

/** Inflates only the first 2 KB of the sheet: the <dimension> element sits right after the root element. */
function dimensionRows(buf: Buffer, start: number, method: number, compressed: number): number | null {
  const head = buf.subarray(start, Math.min(start + Math.min(compressed || 2048, 2048), buf.length));
  let text: string;
  try {
    text = method === 0 ? head.toString("utf8") : method === 8 ? inflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8") : "";
  } catch {
    return null;
  }
  const m = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(text);
  return m ? Number(m[1] ?? 1) : null;
}

const ROW_END = Buffer.from("</row>");
const VALUE = Buffer.from("<v>");
const INLINE = Buffer.from("<is>");

/** Rows holding at least one value (a <v> or inline string), counted on a sheet's inflated XML without parsing it. */
export function countValueRows(xml: Buffer): number {
  let rows = 0;
  let start = 0;
  for (let end = xml.indexOf(ROW_END, start); end >= 0; end = xml.indexOf(ROW_END, start)) {
    const row = xml.subarray(start, end);
    if (row.indexOf(VALUE) >= 0 || row.indexOf(INLINE) >= 0) rows++;
    start = end + ROW_END.length;
  }
  return rows;
}
