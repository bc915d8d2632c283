// After the text: 附件说明, then 署名 and 成文日期 for a report without a seal (GB/T 9704 §7.3.5.2): one blank line
// after the text, the issuer 2 characters in from the right, the date on the next line starting 2 characters to the
// right of the issuer's first character; a date longer than that takes 右空二字 and pushes the issuer left.
import { AlignmentType, Paragraph } from "docx";
import { CHAR } from "@/lib/docx/layout";
import { STYLE } from "@/lib/docx/styles";
import { blankLine, bodyParagraph } from "@/lib/docx/parts/blocks";
import type { ReportViewModel } from "@/lib/docx/types";

const HALF_WIDTH = /[\x20-\x7e]/;
/**
 * Width in characters: Chinese and full-width marks take one, digits and Latin (Times New Roman) about half, and
 * Word and LibreOffice add about a fifth of a character where Chinese meets digits ("2021年11月10日" ≈ 8).
 */
export function textWidth(text: string): number {
  const chars = [...text];
  return chars.reduce((w, ch, i) => {
    const half = HALF_WIDTH.test(ch);
    const switches = i > 0 && half !== HALF_WIDTH.test(chars[i - 1]);
    return w + (half ? 0.5 : 1) + (switches ? 0.2 : 0);
  }, 0);
}

/** Right indents, in characters, of the issuer and the date lines. */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const [wi, wd] = [textWidth(issuer), textWidth(date)];
  if (wd <= wi - 2) return { issuer: 2, date: wi - wd };
  return { issuer: 2 + wd + 2 - wi, date: 2 };
}

/** "附件：1.指标自评表", later names aligned under the first (indent 2 + "附件：" 3 characters). */
function annexNotice(titles: string[]): Paragraph[] {
  return titles.map((title, i) =>
    i === 0
      ? bodyParagraph(`附件：1.${title}`)
      : new Paragraph({ style: STYLE.plain, indent: { left: 5 * CHAR }, text: `${i + 1}.${title}` }),
  );
}

export function closingParagraphs(vm: ReportViewModel): Paragraph[] {
  const { issuer, date } = vm.signature;
  const indents = signatureIndents(issuer, date);
  const line = (text: string, chars: number) =>
    new Paragraph({ style: STYLE.plain, alignment: AlignmentType.RIGHT, indent: { right: Math.round(chars * CHAR) }, text });
  return [
    blankLine(),
    ...annexNotice([
      vm.annexes.indicators.title,
      vm.annexes.problems.title,
      ...(vm.annexes.schools ?? []).flatMap((s) => [s.schools.title, s.cvs.title]),
    ]),
    ...(issuer || date ? [blankLine(), ...(issuer ? [line(issuer, indents.issuer)] : []), ...(date ? [line(date, indents.date)] : [])] : []),
  ];
}
