// The title block: the title centred in 2号 小标宋, one paragraph per line so that the break points chosen by
// breakTitle are the ones printed, then one blank line (标题下空一行) and, when the report names one, the 主送机关
// flush left on the next line, ending in a full-width colon (GB/T 9704 §7.3.2).
import { Paragraph } from "docx";
import { withJoins } from "@/lib/docx/joins";
import { STYLE } from "@/lib/docx/styles";
import { blankLine } from "@/lib/docx/parts/blocks";

export function titleParagraphs(lines: string[], recipient = ""): Paragraph[] {
  return [
    ...lines.map((text) => new Paragraph({ style: STYLE.title, text: withJoins(text) })),
    blankLine(),
    ...(recipient ? [new Paragraph({ style: STYLE.plain, text: withJoins(recipient) })] : []),
  ];
}
