// The content nodes the rich editor adds, mapped to Word in one place: a body paragraph with bold runs (a list item
// arrives here already as a paragraph starting with its marker, 一是 / （1）, lib/docx/vm-rich.ts), and the notes
// printed under an annex table (stated results with their source, 数据来源 / 统计口径, 情况说明).
import { Paragraph, TextRun } from "docx";
import { withJoins } from "@/lib/docx/joins";
import { STYLE } from "@/lib/docx/styles";
import type { Block } from "@/lib/docx/types";
import type { Keep } from "@/lib/docx/parts/blocks";

/** A body paragraph whose runs carry the writer's bold; plain paragraphs stay style-only (lib/docx/parts/blocks.ts). */
export function richParagraph(block: Extract<Block, { kind: "paragraph" }>, keep: Keep = {}): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    keepNext: keep.next || undefined,
    keepLines: keep.whole || undefined,
    children: (block.runs ?? [{ text: block.text }]).map((r) => new TextRun({ text: withJoins(r.text), bold: r.bold })),
  });
}

/** "注：…" lines right under an annex table, in the table's type. */
export function annexNotes(notes: string[] | undefined): Paragraph[] {
  return (notes ?? []).map((text) => new Paragraph({ style: STYLE.tableText, text }));
}
