// After the text: 附件说明, then 署名 and 成文日期 for a report without a seal (GB/T 9704 §7.3.5.2): one blank line
// after the text, the issuer 2 characters in from the right, the date on the next line starting 2 characters to the
// right of the issuer's first character; a date longer than that takes 右空二字 and pushes the issuer left.
//
// The whole block keeps with the last two lines of the text (an audit found the 落款 alone on a page of a long
// report): every closing line keeps with the next, and so do the text's last paragraphs until they hold two lines;
// the body style's widow control then moves at least two lines of a split paragraph along in Word. LibreOffice
// cannot honour a keep chain whose first paragraph is split over a page (it moves whole paragraphs only), so a last
// paragraph of up to half a page is also kept whole: it then moves with the 落款 in either program.
import { AlignmentType, Paragraph } from "docx";
import { CHAR } from "@/lib/docx/layout";
import { STYLE } from "@/lib/docx/styles";
import { blankLine, bodyParagraph } from "@/lib/docx/parts/blocks";
import { textWidth } from "@/lib/docx/text-width";
import { withJoins } from "@/lib/docx/joins";
import type { Block, ReportViewModel } from "@/lib/docx/types";

/** Right indents, in characters, of the issuer and the date lines. */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const [wi, wd] = [textWidth(issuer), textWidth(date)];
  if (wd <= wi - 2) return { issuer: 2, date: wi - wd };
  return { issuer: 2 + wd + 2 - wi, date: 2 };
}

/** Lines a body paragraph takes: 28 characters a line, the first two of them the indent. */
export const bodyLines = (text: string) => Math.max(1, Math.ceil((textWidth(text) + 2) / 28));

/** Half the 22 lines of a page: a last paragraph up to this long is kept whole. */
const WHOLE_LINES = 11;

/**
 * How the end of the text keeps with the 落款: `count` paragraphs keep with the next (enough to make two lines),
 * and `whole` says whether the last one is also kept from splitting.
 */
export function closingKeep(blocks: Block[]): { count: number; whole: boolean } {
  let lines = 0;
  let count = 0;
  for (let i = blocks.length - 1; i >= 0 && lines < 2; i--, count++) lines += bodyLines(blocks[i].text);
  const last = blocks.at(-1);
  return { count, whole: last !== undefined && bodyLines(last.text) <= WHOLE_LINES };
}

/** "附件：1.指标自评表", later names aligned under the first (indent 2 + "附件：" 3 characters). */
function annexNotice(titles: string[], signed: boolean): Paragraph[] {
  return titles.map((title, i) => {
    // The last line keeps with the 落款 below it; without one, with nothing (the annexes start a new page).
    const keepNext = signed || i < titles.length - 1;
    return i === 0
      ? bodyParagraph(`附件：1.${title}`, STYLE.body, { next: keepNext })
      : new Paragraph({ style: STYLE.plain, indent: { left: 5 * CHAR }, keepNext: keepNext || undefined, text: withJoins(`${i + 1}.${title}`) });
  });
}

/** The 署名 and 成文日期 lines (after their blank line), or nothing when both are empty. */
export function signatureParagraphs(issuer: string, date: string): Paragraph[] {
  const indents = signatureIndents(issuer, date);
  const line = (text: string, chars: number, keepNext: boolean) =>
    new Paragraph({ style: STYLE.plain, alignment: AlignmentType.RIGHT, indent: { right: Math.round(chars * CHAR) }, keepNext: keepNext || undefined, text: withJoins(text) });
  return issuer || date ? [blankLine(true), ...(issuer ? [line(issuer, indents.issuer, !!date)] : []), ...(date ? [line(date, indents.date, false)] : [])] : [];
}

/** "附件：核定情况表" for a single annex (GB/T 9704 §7.3.4: no number when there is one), keeping with the 落款. */
export const singleAnnexNotice = (title: string, signed: boolean) => bodyParagraph(`附件：${title}`, STYLE.body, { next: signed });

export function closingParagraphs(vm: ReportViewModel): Paragraph[] {
  const { issuer, date } = vm.signature;
  return [
    blankLine(true),
    ...annexNotice(
      [
        vm.annexes.indicators.title,
        ...(vm.annexes.scores ? [vm.annexes.scores.title] : []),
        vm.annexes.problems.title,
        ...(vm.annexes.schools ?? []).flatMap((s) => [s.schools.title, s.cvs.title]),
      ],
      !!(issuer || date),
    ),
    ...signatureParagraphs(issuer, date),
  ];
}
