// Page numbers "— N —" (GB/T 9704 §7.5): odd pages right with one character in, even pages left with one character
// in; evenAndOddHeaders in build.ts makes Word and WPS use the two footers. Every section gets its own pair and no
// restart, so the annexes continue the numbering.
import { AlignmentType, Footer, HorizontalPositionRelativeFrom, Paragraph, SimpleField, TextRun, TextWrappingType, VerticalPositionRelativeFrom } from "docx";
import { ShapeRun } from "docx/shapes";
import { CHAR, LANDSCAPE, PAGE_NUMBER_CENTRE, TEXT_WIDTH } from "@/lib/docx/layout";
import { STYLE } from "@/lib/docx/styles";

type Side = "odd" | "even";

function numberParagraph(side: Side): Paragraph {
  const odd = side === "odd";
  return new Paragraph({
    style: STYLE.pageNumber,
    alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: odd ? { right: CHAR } : { left: CHAR },
    children: [
      new TextRun("— "),
      // A cached result: viewers that do not compute fields (previews, some converters) still show a number.
      new SimpleField("PAGE", "1"),
      new TextRun(" —"),
    ],
  });
}

/** Drawing sizes are in pixels at 96 dpi (15 twips) and offsets in EMU (635 a twip). */
const px = (twips: number) => twips / 15;
const emu = (twips: number) => Math.round(twips * 635);
/** Across the text's lines: wide enough for the 14 pt line, which is centred in it. */
const BAND = 567;

/**
 * A landscape page is the portrait sheet turned a quarter (layout.ts): its left edge is the sheet's foot and its top
 * the sheet's left edge. GB/T 9704 §10.1 keeps the number where the other pages have it, so it is drawn in the left
 * margin, in a text box turned a quarter clockwise: a band the length of the portrait text line, its centre as far
 * from the landscape left edge as the portrait number's is from the foot. The paragraph inside is the portrait one,
 * so the alignment and the one-character indent land on the same spot of the sheet.
 */
function sidewaysNumber(side: Side): Paragraph {
  return new Paragraph({
    style: STYLE.pageNumber,
    children: [
      new ShapeRun({
        type: "rectangle",
        transformation: { width: px(BAND), height: px(TEXT_WIDTH) },
        line: "none",
        children: [numberParagraph(side)],
        textOptions: { direction: "topToBottom", verticalAlignment: "center", margins: { top: 0, right: 0, bottom: 0, left: 0 }, wrap: true },
        floating: {
          horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: emu(PAGE_NUMBER_CENTRE - BAND / 2) },
          verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: emu(LANDSCAPE.margin.top) },
          allowOverlap: true,
          wrap: { type: TextWrappingType.NONE },
        },
        // docx numbers drawings from one counter for the whole process: a fixed id keeps every export byte-identical.
        altText: { name: "页码", id: side === "odd" ? "9001" : "9002" },
      }),
    ],
  });
}

export type PageNumberFooters = { default: Footer; even: Footer };

/** A fresh pair per section (docx writes each footer object once per section that uses it). */
export const pageNumberFooters = (): PageNumberFooters => ({
  default: new Footer({ children: [numberParagraph("odd")] }),
  even: new Footer({ children: [numberParagraph("even")] }),
});

/** The landscape section's pair: the same numbers, on the edge that is the sheet's foot. */
export const landscapePageNumberFooters = (): PageNumberFooters => ({
  default: new Footer({ children: [sidewaysNumber("odd")] }),
  even: new Footer({ children: [sidewaysNumber("even")] }),
});
