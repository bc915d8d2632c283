// The 签章页/版本页 of a PDF copy: after the annexes, on a portrait page without a page number (GB/T 9704 numbers no
// page after the text that is not part of it), it says which version of the report the copy shows — the content
// version, the submission round and time — and the SHA-256 of the Word file downloaded for the same version, so a
// printed, signed and sealed copy can be matched with the file in the archive. Room for signature and seal below.
import { AlignmentType, Footer, Paragraph } from "docx";
import { STYLE } from "@/lib/docx/styles";
import { blankLine } from "@/lib/docx/parts/blocks";
import type { VersionPageView } from "@/lib/docx/types";

const field = (label: string, value: string) => new Paragraph({ style: STYLE.plain, text: `${label}${value}` });

export function versionPage(page: VersionPageView): Paragraph[] {
  // 64 hex digits do not fit one 16 pt line: four groups of 16 on two lines.
  const hash = page.docxSha256.match(/.{1,16}/g) ?? [];
  return [
    new Paragraph({ style: STYLE.title, text: "签章页（版本页）" }),
    blankLine(),
    field("报告名称：", page.title),
    field("内容版本：", page.version),
    field("提交情况：", page.submission),
    field("对应 Word 文件：", page.docxFileName),
    field("Word 文件 SHA-256：", ""),
    new Paragraph({ style: STYLE.plain, text: `${hash.slice(0, 2).join(" ")}`, indent: { left: 632 } }),
    new Paragraph({ style: STYLE.plain, text: `${hash.slice(2).join(" ")}`, indent: { left: 632 } }),
    blankLine(),
    field("说明：", "本页不属于报告正文。用 sha256sum（Windows：certutil -hashfile 文件名 SHA256）计算下载的 Word 文件，结果与上面一致即为同一版本。"),
    blankLine(),
    blankLine(),
    new Paragraph({ style: STYLE.plain, alignment: AlignmentType.RIGHT, indent: { right: 632 * 2 }, text: "单位（盖章）：" }),
    blankLine(),
    new Paragraph({ style: STYLE.plain, alignment: AlignmentType.RIGHT, indent: { right: 632 * 2 }, text: "负责人（签字）：" }),
    blankLine(),
    new Paragraph({ style: STYLE.plain, alignment: AlignmentType.RIGHT, indent: { right: 632 * 2 }, text: "年    月    日" }),
  ];
}

/** The page has no number: empty footers replace the ones the section would inherit. */
export const noPageNumber = () => ({ default: new Footer({ children: [new Paragraph({})] }), even: new Footer({ children: [new Paragraph({})] }) });
