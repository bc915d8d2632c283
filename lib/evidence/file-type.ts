// Accepted evidence types, recognised by their magic bytes; the extension must agree with the content, so a
// renamed .exe or an HTML file labelled .pdf is refused.
export const EVIDENCE_TYPES = {
  pdf: { label: "PDF", mime: "application/pdf", ext: ["pdf"] },
  docx: { label: "Word（.docx）", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: ["docx"] },
  xlsx: { label: "Excel（.xlsx）", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: ["xlsx"] },
  doc: { label: "Word 97–2003（.doc）", mime: "application/msword", ext: ["doc"] },
  xls: { label: "Excel 97–2003（.xls）", mime: "application/vnd.ms-excel", ext: ["xls"] },
  png: { label: "PNG 图片", mime: "image/png", ext: ["png"] },
  jpeg: { label: "JPEG 图片", mime: "image/jpeg", ext: ["jpg", "jpeg"] },
} as const;

type EvidenceType = (typeof EVIDENCE_TYPES)[keyof typeof EVIDENCE_TYPES];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function sniffFileType(bytes: Uint8Array, fileName: string): EvidenceType | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  let kind: keyof typeof EVIDENCE_TYPES | null = null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) kind = "pdf";
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) kind = "png";
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) kind = "jpeg";
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) kind = ext === "xlsx" ? "xlsx" : ext === "docx" ? "docx" : null;
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) kind = ext === "xls" ? "xls" : ext === "doc" ? "doc" : null;
  if (!kind) return null;
  const type = EVIDENCE_TYPES[kind];
  return (type.ext as readonly string[]).includes(ext) ? type : null;
}
