// GB/T 9704 page geometry in twips (1 mm = 56.69 twips, 1 pt = 20 twips). See shared/domain/reference.md §3.
import { DocumentGridType, PageOrientation, type ISectionPropertiesOptions } from "docx";

export const PAGE = { width: 11906, height: 16838 } as const;
/** 天头 37 mm, 订口 28 mm; the 156 × 225 mm 版心 fixes the other two. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845 = 156 mm
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom; // 12756 = 225 mm

/**
 * 22 lines in the 225 mm block: 225 mm / 22 = 579.8 twips, rounded down so that 22 lines always fit. Every style
 * sets its line height exactly, so the pitch holds without a line grid; the section's docGrid only records it.
 * A `lines` grid would make LibreOffice round every line up to whole grid lines: the 35 pt title lines and the
 * 17 pt table lines would each take 2 × 28.95 pt and 1 × 28.95 pt.
 */
export const LINE_PITCH = 579;
/**
 * 28 characters in 156 mm come from the text itself, not from a character grid: every 16 pt style sets its
 * characters 5 twips closer (15.75 pt × 28 = 441 pt ≤ 442.25 pt), and justification spreads full lines to 15.79 pt.
 * A `linesAndChars` grid with charSpace −848 (15.79 pt cells) is what Word templates use, but LibreOffice 7 gives
 * each 16 pt character two such cells — 14 characters a line.
 */
export const CHARACTER_SPACING = -5;
/** One rendered character of the body (15.8 pt), the "字" of every indent. */
export const CHAR = 316;

/** The page number's 一字线 sits 7 mm below the text block, i.e. its centre 28 mm above the page edge. */
export const PAGE_NUMBER_CENTRE = 1587;
/** The footer line is exactly 14 pt (see styles.ts); the dash is at its vertical middle. */
export const FOOTER_LINE = 280;
const footerDistance = (bottomMargin: number) => bottomMargin - (MARGIN.bottom - PAGE_NUMBER_CENTRE) - FOOTER_LINE / 2;

/** The body's section: portrait A4, 22 lines of 28 characters. */
export const portraitSection: ISectionPropertiesOptions = {
  page: {
    size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
    margin: { ...MARGIN, header: 851, footer: footerDistance(MARGIN.bottom), gutter: 0 },
  },
  grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
};

/**
 * A wide table's section: the sheet turned so that the table's head faces the binding edge on an odd page, so the
 * landscape top/bottom are the portrait left/right margins and the 版心 keeps its size.
 */
export const LANDSCAPE = {
  width: PAGE.height,
  height: PAGE.width,
  margin: { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.bottom, right: MARGIN.top },
} as const;
export const LANDSCAPE_TEXT_WIDTH = LANDSCAPE.width - LANDSCAPE.margin.left - LANDSCAPE.margin.right; // 12756 = 225 mm
export const LANDSCAPE_TEXT_HEIGHT = LANDSCAPE.height - LANDSCAPE.margin.top - LANDSCAPE.margin.bottom; // 8845 = 156 mm

export const landscapeSection: ISectionPropertiesOptions = {
  page: {
    // docx swaps width and height itself for a landscape page, so the portrait numbers are given here.
    size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
    margin: { ...LANDSCAPE.margin, header: 851, footer: footerDistance(LANDSCAPE.margin.bottom), gutter: 0 },
  },
  grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
};
