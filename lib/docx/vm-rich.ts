// Rich narrative text → body paragraphs of the view model. Each paragraph or list item is one printed paragraph
// (a list item starts with its marker, 一是 / （1）); figures print their values; bold survives as runs. Text is
// normalised as every field of the Word file is (lib/docx/text.ts): for a paragraph without bold the whole line at
// once, exactly as the plain-text fields were before rich text existed.
import { partText, richLines, type TInline, type TRichText } from "@/lib/report/rich-text";
import { normaliseText, paragraphsOf } from "@/lib/docx/text";
import type { Block, Run } from "@/lib/docx/types";

const isBold = (p: TInline) => typeof p === "object" && "b" in p;

/** `prefix` goes before the first line ("1." before a measure); an empty text with a prefix still prints it. */
export function richBlocks(doc: TRichText, figure: (key: string) => string, prefix = ""): Block[] {
  const lines = richLines(doc);
  if (prefix && !lines.length) lines.push({ marker: null, parts: [] });
  return lines.flatMap((line, i): Block[] => {
    const lead = (i === 0 ? prefix : "") + (line.marker ?? "");
    const texts = line.parts.map((p) => partText(p, figure));
    const raw = lead + texts.join("");
    if (!line.parts.some(isBold) || raw.includes("\n")) return paragraphsOf(raw).map((text) => ({ kind: "paragraph", text }));
    return boldParagraph(lead, line.parts, texts);
  });
}

function boldParagraph(lead: string, parts: TInline[], texts: string[]): Block[] {
  const pieces: Run[] = [{ text: lead }, ...parts.map((p, i) => ({ text: texts[i], ...(isBold(p) ? { bold: true } : {}) }))];
  const raw = pieces.map((r) => r.text).join("");
  const whole = normaliseText(raw);
  // Normalising maps most characters one to one; then the runs keep their exact boundaries in the normalised line.
  let at = 0;
  const runs = pieces.map((r) => {
    const text = whole.length === raw.length ? whole.slice(at, at + r.text.length) : normaliseText(r.text);
    at += r.text.length;
    return { ...r, text };
  });
  const first = runs.findIndex((r) => r.text.trim());
  if (first < 0) return [];
  const last = runs.findLastIndex((r) => r.text.trim());
  runs[first] = { ...runs[first], text: runs[first].text.trimStart() };
  runs[last] = { ...runs[last], text: runs[last].text.trimEnd() };
  const kept = runs.slice(first, last + 1).filter((r) => r.text);
  return [{ kind: "paragraph", text: kept.map((r) => r.text).join(""), runs: kept }];
}
