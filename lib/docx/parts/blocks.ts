// Body paragraphs and headings: one style per kind, no run formatting of their own.
import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun } from "docx";
import { withJoins } from "@/lib/docx/joins";
import { STYLE } from "@/lib/docx/styles";
import type { Block, HeadingLevel, PartView, WordComment } from "@/lib/docx/types";
import { richParagraph } from "@/lib/docx/parts/rich";

const HEADING_STYLE = {
  1: STYLE.heading1,
  2: STYLE.heading2,
  3: STYLE.heading3,
  4: STYLE.heading4,
} as const satisfies Record<HeadingLevel, string>;

/** How a paragraph keeps with the next one and whether it may split (the 落款 and the text's end, closing.ts). */
export type Keep = { next?: boolean; whole?: boolean };

export const bodyParagraph = (text: string, style: string = STYLE.body, keep: Keep = {}) =>
  new Paragraph({ style, text: withJoins(text), keepNext: keep.next || undefined, keepLines: keep.whole || undefined });

/** Each section's comments, roots and replies, in thread order, by the section whose heading they attach to. */
export type CommentsBySection = Map<string, WordComment[]>;

export function commentsBySection(comments: WordComment[]): CommentsBySection {
  const map: CommentsBySection = new Map();
  for (const c of comments) map.set(c.sectionKey, [...(map.get(c.sectionKey) ?? []), c]);
  return map;
}

/**
 * A heading with its section's comments anchored on its text. Replies get a range and a reference of their own on
 * the same text, as Word writes them: without one, LibreOffice drops the reply on import and Word shows it
 * detached from its thread.
 */
function commentedHeading(text: string, style: string, comments: WordComment[]): Paragraph {
  return new Paragraph({
    style,
    children: [
      ...comments.map((c) => new CommentRangeStart(c.id)),
      new TextRun(withJoins(text)),
      ...comments.flatMap((c) => [new CommentRangeEnd(c.id), new TextRun({ children: [new CommentReference(c.id)] })]),
    ],
  });
}

function heading(text: string, style: string, sectionKey: string | undefined, comments: CommentsBySection): Paragraph {
  const attached = sectionKey ? comments.get(sectionKey) : undefined;
  return attached?.length ? commentedHeading(text, style, attached) : bodyParagraph(text, style);
}

export function blockParagraph(block: Block, comments: CommentsBySection = new Map(), keep: Keep = {}): Paragraph {
  if (block.kind === "heading") return heading(block.text, HEADING_STYLE[block.level], block.sectionKey, comments);
  return block.runs ? richParagraph(block, keep) : bodyParagraph(block.text, STYLE.body, keep);
}

/** A part's paragraphs; at its end, `keep.count` of them keep with what follows (the 落款 after the last part). */
export function partParagraphs(part: PartView, comments: CommentsBySection = new Map(), keep = { count: 0, whole: false }): Paragraph[] {
  const from = part.blocks.length - keep.count;
  const last = part.blocks.length - 1;
  return [
    heading(part.heading, STYLE.heading1, part.sectionKey, comments),
    ...part.blocks.map((b, i) => blockParagraph(b, comments, { next: i >= from, whole: i === last && keep.whole })),
  ];
}

/** An empty body line: GB/T 9704 measures its gaps (标题下空一行, 正文下空一行) in lines. */
export const blankLine = (keepNext?: boolean) => new Paragraph({ style: STYLE.plain, keepNext: keepNext || undefined });
