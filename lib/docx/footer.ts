// Page numbers "— N —" (GB/T 9704 §7.5): odd pages right with one character in, even pages left with one character
// in; evenAndOddHeaders in build.ts makes Word and WPS use the two footers. Every section gets the same pair and no
// restart, so the annexes continue the numbering.
import { AlignmentType, Footer, Paragraph, SimpleField, TextRun } from "docx";
import { CHAR } from "@/lib/docx/layout";
import { STYLE } from "@/lib/docx/styles";

function pageNumber(side: "odd" | "even"): Footer {
  const odd = side === "odd";
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: CHAR } : { left: CHAR },
        children: [
          new TextRun("— "),
          // A cached result: viewers that do not compute fields (previews, some converters) still show a number.
          new SimpleField("PAGE", "1"),
          new TextRun(" —"),
        ],
      }),
    ],
  });
}

export type PageNumberFooters = { default: Footer; even: Footer };

/** A fresh pair per section (docx writes each footer object once per section that uses it). */
export const pageNumberFooters = (): PageNumberFooters => ({ default: pageNumber("odd"), even: pageNumber("even") });
