// The title block: the title centred in 2号 小标宋, one paragraph per line so that the break points chosen by
// breakTitle are the ones printed, then one blank line before the text (标题下空一行).
import { Paragraph } from "docx";
import { STYLE } from "@/lib/docx/styles";
import { blankLine } from "@/lib/docx/parts/blocks";

export function titleParagraphs(lines: string[]): Paragraph[] {
  return [...lines.map((text) => new Paragraph({ style: STYLE.title, text })), blankLine()];
}
