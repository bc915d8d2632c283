// Body paragraphs and headings: one style per kind, no run formatting of their own.
import { Paragraph } from "docx";
import { STYLE } from "@/lib/docx/styles";
import type { Block, HeadingLevel, PartView } from "@/lib/docx/types";

const HEADING_STYLE = {
  1: STYLE.heading1,
  2: STYLE.heading2,
  3: STYLE.heading3,
  4: STYLE.heading4,
} as const satisfies Record<HeadingLevel, string>;

export const bodyParagraph = (text: string, style: string = STYLE.body) => new Paragraph({ style, text });

export function blockParagraph(block: Block): Paragraph {
  return block.kind === "heading" ? bodyParagraph(block.text, HEADING_STYLE[block.level]) : bodyParagraph(block.text);
}

export function partParagraphs(part: PartView): Paragraph[] {
  return [bodyParagraph(part.heading, STYLE.heading1), ...part.blocks.map(blockParagraph)];
}

/** An empty body line: GB/T 9704 measures its gaps (标题下空一行, 正文下空一行) in lines. */
export const blankLine = () => new Paragraph({ style: STYLE.plain });
