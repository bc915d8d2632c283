import "server-only";
// An uploaded Word file → the XML parts the importers read, refusing what is not a Word document before anything
// is parsed. The zip is read with the capped reader the school-table import already uses (lib/schools/server/
// xlsx-probe.ts, Node's zlib): the directory's sizes are checked first, then each part is inflated with a cap on its
// output, so a zip bomb stops at the cap whatever its directory claims. An OLE compound file (D0 CF 11 E0) is either
// an encrypted .docx (Word keeps a password-protected file as EncryptionInfo + EncryptedPackage streams), told
// apart by those stream names, or an old .doc / WPS .wps, which LibreOffice converts when the server has it.
import { AppError, invalid } from "@/lib/errors";
import { inflateEntry, probeXlsx, type ProbedEntry } from "@/lib/schools/server/xlsx-probe";
import { convertWithLibreOffice, pdfRenderer } from "@/lib/pdf/server/libreoffice";

/** A 60-page report is about 1 MB as .docx, most of it images; 20 MB leaves room for a photo-heavy one. */
export const WORD_MAX_BYTES = 20 * 1024 * 1024;
/** The XML parts read here: a 60-page document.xml is ~2 MB; 30 MB of XML in all is far beyond any report. */
const PART_MAX_BYTES = 30 * 1024 * 1024;
const TOTAL_MAX_BYTES = 60 * 1024 * 1024;
/** A report has a few dozen parts; thousands of entries is not a Word document someone wrote. */
const MAX_ENTRIES = 2000;

export type WordParts = { document: string; comments: string | null; commentsExtended: string | null };

export const WORD_MESSAGES = {
  empty: "文件为空，请重新选择",
  tooLarge: `文件过大：不能超过 ${WORD_MAX_BYTES / 1024 / 1024} MB`,
  notZip: "这不是有效的 Word 文件（.docx），文件可能已损坏或只是改了扩展名。请用 Word 或 WPS 打开后“另存为” .docx 再上传",
  bomb: "文件解压后过大或包含的部件过多，未导入。请用 Word 或 WPS 打开后重新保存为 .docx（删去大图片）再上传",
  encrypted: "该文件设有打开密码，无法读取。请在 Word 或 WPS 中取消密码（文件 → 信息/文档加密）后重新上传",
  noDocument: "文件中没有 Word 正文（word/document.xml），请确认上传的是 Word 文档",
  legacyNoOffice: "这是旧版 Word（.doc）或 WPS（.wps）文件，服务器未安装 LibreOffice，无法转换。请在 Word 或 WPS 中“另存为” .docx 后再上传",
} as const;

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, "utf16le");

/** "encrypted" for a password-protected Office file, "legacy" for a .doc/.wps, null when not an OLE file. */
export function oleKind(bytes: Uint8Array): "encrypted" | "legacy" | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 512 || !buf.subarray(0, 8).equals(OLE)) return null;
  if (buf.indexOf(utf16("EncryptedPackage")) >= 0 || buf.indexOf(utf16("EncryptionInfo")) >= 0) return "encrypted";
  // A .doc protected with a password sets fEncrypted (bit 8 of the FIB flags at offset 0x0A of WordDocument).
  const wordDoc = buf.indexOf(Buffer.from([0xec, 0xa5]));
  if (wordDoc >= 512 && wordDoc % 512 === 0 && (buf.readUInt16LE(wordDoc + 0x0a) & 0x0100) !== 0) return "encrypted";
  return "legacy";
}

/** The parts of a .docx (or of a .doc/.wps converted to one); AppError with a Chinese message otherwise. */
export async function readWordFile(bytes: Uint8Array): Promise<WordParts> {
  if (bytes.byteLength === 0) throw invalid(WORD_MESSAGES.empty);
  if (bytes.byteLength > WORD_MAX_BYTES) throw invalid(WORD_MESSAGES.tooLarge);
  const ole = oleKind(bytes);
  if (ole === "encrypted") throw invalid(WORD_MESSAGES.encrypted);
  if (ole === "legacy") {
    if (!pdfRenderer().available) throw new AppError("UNAVAILABLE", WORD_MESSAGES.legacyNoOffice);
    return readDocx(await convertWithLibreOffice(bytes, "doc", "docx"));
  }
  return readDocx(bytes);
}

export function readDocx(bytes: Uint8Array): WordParts {
  const probe = probeXlsx(bytes);
  if (!probe.ok) throw invalid(WORD_MESSAGES.notZip);
  if (probe.entries.length > MAX_ENTRIES || probe.totalUncompressed > TOTAL_MAX_BYTES) throw invalid(WORD_MESSAGES.bomb);
  let budget = TOTAL_MAX_BYTES;
  const read = (entry: ProbedEntry | undefined): string | null => {
    if (!entry) return null;
    const xml = inflateEntry(bytes, entry, Math.min(PART_MAX_BYTES, budget));
    if (xml === "too-large") throw invalid(WORD_MESSAGES.bomb);
    if (xml === null) throw invalid(WORD_MESSAGES.notZip);
    budget -= xml.length;
    return xml.toString("utf8");
  };
  const find = (name: string) => probe.entries.find((e) => e.path === name);
  const document = read(find("word/document.xml"));
  if (document === null) throw invalid(WORD_MESSAGES.noDocument);
  return { document, comments: read(find("word/comments.xml")), commentsExtended: read(find("word/commentsExtended.xml")) };
}
