// Body paragraphs and headings: one style per kind, no run formatting of their own.
import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun } from "docx";
import { STYLE } from "@/lib/docx/styles";
import type { Block, HeadingLevel, PartView, WordComment } from "@/lib/docx/types";

const HEADING_STYLE = {
  1: STYLE.heading1,
  2: STYLE.heading2,
  3: STYLE.heading3,
  4: STYLE.heading4,
} as const satisfies Record<HeadingLevel, string>;

export const bodyParagraph = (text: string, style: string = STYLE.body) => new Paragraph({ style, text });

/** Root comments by the section whose heading they attach to. */
export type CommentsBySection = Map<string, WordComment[]>;

export function commentsBySection(comments: WordComment[]): CommentsBySection {
  const map: CommentsBySection = new Map();
  for (const c of comments) if (c.parentId === undefined) map.set(c.sectionKey, [...(map.get(c.sectionKey) ?? []), c]);
  return map;
}

/** A heading with its section's comments anchored on its text (the comment mark sits at its end). */
function commentedHeading(text: string, style: string, roots: WordComment[]): Paragraph {
  return new Paragraph({
    style,
    children: [
      ...roots.map((c) => new CommentRangeStart(c.id)),
      new TextRun(text),
      ...roots.flatMap((c) => [new CommentRangeEnd(c.id), new TextRun({ children: [new CommentReference(c.id)] })]),
    ],
  });
}

function heading(text: string, style: string, sectionKey: string | undefined, comments: CommentsBySection): Paragraph {
  const roots = sectionKey ? comments.get(sectionKey) : undefined;
  return roots?.length ? commentedHeading(text, style, roots) : bodyParagraph(text, style);
}

export function blockParagraph(block: Block, comments: CommentsBySection = new Map()): Paragraph {
  return block.kind === "heading" ? heading(block.text, HEADING_STYLE[block.level], block.sectionKey, comments) : bodyParagraph(block.text);
}

export function partParagraphs(part: PartView, comments: CommentsBySection = new Map()): Paragraph[] {
  return [heading(part.heading, STYLE.heading1, part.sectionKey, comments), ...part.blocks.map((b) => blockParagraph(b, comments))];
}

/** An empty body line: GB/T 9704 measures its gaps (标题下空一行, 正文下空一行) in lines. */
export const blankLine = () => new Paragraph({ style: STYLE.plain });
