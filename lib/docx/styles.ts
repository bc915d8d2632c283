// Every paragraph style of the report, defined once; builders only name a style. Fonts follow GB/T 9704 practice:
// Chinese in the named 公文 font, digits and Latin in Times New Roman (ascii), and hAnsi set to the Chinese font so
// that —, …, “ ” render in the Chinese face rather than in Times (reference.md, "Lessons from rendering").
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from "docx";
import { CHAR, CHARACTER_SPACING, FOOTER_LINE, LINE_PITCH } from "@/lib/docx/layout";

export const FONT = {
  fangsong: "仿宋_GB2312",
  heiti: "黑体",
  kaiti: "楷体_GB2312",
  xiaobiaosong: "方正小标宋简体",
  songti: "宋体",
  latin: "Times New Roman",
} as const;

export const STYLE = {
  body: "GwBody",
  title: "GwTitle",
  heading1: "GwHeading1",
  heading2: "GwHeading2",
  heading3: "GwHeading3",
  heading4: "GwHeading4",
  plain: "GwPlain",
  annexLabel: "GwAnnexLabel",
  tableText: "GwTableText",
  tableHeader: "GwTableHeader",
  pageNumber: "GwPageNumber",
} as const;

const font = (chinese: string, latin: string = FONT.latin) => ({ ascii: latin, hAnsi: chinese, eastAsia: chinese, cs: latin });
/** 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt, 小四 = 12 pt; w:sz is in half-points. */
const SIZE = { san: 32, er: 44, si: 28, xiaosi: 24 } as const;
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** Two grid characters; firstLineChars is what Word reads, the twips what LibreOffice 7 reads. */
const INDENT_TWO = { firstLine: 2 * CHAR, firstLineChars: 200 };

// Explicit keep settings everywhere: LibreOffice gives styles it maps onto its own Heading styles keep-with-next,
// which leaves short pages. Only headings keep with their first line.
// Widow control: a paragraph split over two pages leaves at least two lines on each (the 落款 relies on it).
const bodyParagraph = { alignment: AlignmentType.JUSTIFIED, spacing: exact(LINE_PITCH), keepNext: false, keepLines: false, widowControl: true };

const heading = (id: string, name: string, level: number, chinese: string): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: STYLE.body,
  next: STYLE.body,
  quickFormat: true,
  run: { font: font(chinese) },
  paragraph: { keepNext: true, keepLines: true, outlineLevel: level },
});

const paragraphStyles: IParagraphStyleOptions[] = [
  // Normal carries the 3号 size and the 28-a-line spacing itself: LibreOffice reads Normal, not the defaults, as
  // the base of the document's East Asian text. Smaller or larger type (title, tables, page numbers) resets it.
  {
    id: "Normal",
    name: "Normal",
    run: { font: font(FONT.fangsong), size: SIZE.san, characterSpacing: CHARACTER_SPACING },
    paragraph: { spacing: exact(LINE_PITCH) },
  },
  { id: STYLE.body, name: "公文正文", basedOn: "Normal", quickFormat: true, paragraph: { ...bodyParagraph, indent: INDENT_TWO } },
  { id: STYLE.plain, name: "公文正文（无缩进）", basedOn: STYLE.body, paragraph: { indent: { firstLine: 0, firstLineChars: 0 } } },
  {
    id: STYLE.title,
    name: "公文标题",
    basedOn: STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    run: { font: font(FONT.xiaobiaosong), size: SIZE.er, characterSpacing: 0 },
    // 35 pt lines: the 2号 title needs more than the 28.95 pt body pitch.
    paragraph: { alignment: AlignmentType.CENTER, spacing: exact(700), indent: { firstLine: 0, firstLineChars: 0 }, keepNext: true, outlineLevel: 0 },
  },
  heading(STYLE.heading1, "一级标题", 0, FONT.heiti),
  heading(STYLE.heading2, "二级标题", 1, FONT.kaiti),
  heading(STYLE.heading3, "三级标题", 2, FONT.fangsong),
  heading(STYLE.heading4, "四级标题", 3, FONT.fangsong),
  {
    id: STYLE.annexLabel,
    name: "附件标识",
    basedOn: STYLE.plain,
    next: STYLE.body,
    // The number is 黑体 too ("附件1", not a Times "1").
    run: { font: font(FONT.heiti, FONT.heiti) },
    paragraph: { keepNext: true },
  },
  {
    id: STYLE.tableText,
    name: "表格文字",
    basedOn: "Normal",
    // 小四 in tables (practice; GB/T 9704 sets no table type), on their own 17 pt lines rather than the body's pitch.
    run: { font: font(FONT.fangsong), size: SIZE.xiaosi, characterSpacing: 0 },
    paragraph: { alignment: AlignmentType.LEFT, spacing: exact(340), indent: { firstLine: 0, firstLineChars: 0 } },
  },
  {
    id: STYLE.tableHeader,
    name: "表头文字",
    basedOn: STYLE.tableText,
    run: { font: font(FONT.heiti) },
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    id: STYLE.pageNumber,
    name: "页码",
    basedOn: "Normal",
    // 4号 半角 宋体 digits: ascii is 宋体 too, unlike the body.
    run: { font: font(FONT.songti, FONT.songti), size: SIZE.si, characterSpacing: 0 },
    paragraph: { spacing: exact(FOOTER_LINE), indent: { firstLine: 0, firstLineChars: 0 } },
  },
];

export const REPORT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: font(FONT.fangsong), size: SIZE.san, color: "000000", language: { value: "en-US", eastAsia: "zh-CN" } },
      paragraph: { spacing: exact(LINE_PITCH) },
    },
  },
  paragraphStyles,
};
