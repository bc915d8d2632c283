// Text pasted from Word or WPS keeps its paragraphs and lists and drops the rest. The browser reads the clipboard's
// HTML into lines (components/report/paste-html.ts: one per paragraph, list item or table row, with Word's own
// list numbers marked); here the lines are cleaned and the report's list styles recognised, so 一是……二是…… and
// （1）（2）… typed as text become lists too. Fonts, colours, sizes, bold, tables, images and links do not survive.
import { chineseNumeral } from "@/lib/template/numbering";
import type { ListStyle, TRichText } from "@/lib/report/rich-text";

/** One line of the pasted text; `listed` when it was an item of a list in the source (Word numbering, <li>). */
export type PastedLine = { text: string; listed?: boolean };

// Drop what the plain-text flavour drags along: carriage returns, vertical tabs (Word's manual line breaks),
// non-breaking and zero-width spaces, the full-width spaces people type as a first-line indent (the Word export
// indents by style), soft hyphens and control characters.
export function normalisePastedText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u000b\u000c\u2028\u2029]/g, "\n")
    .replace(/[\u00a0\u2002\u2003\u2009]/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, "")
    .replace(/\t/g, " ")
    .split("\n")
    .map((line) => line.replace(/^[\s\u3000]+/, "").replace(/[ \u3000]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Paragraphs of a plain text: one per non-empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const YISHI = /^([一二三四五六七八九十]{1,3})是(?=\S)/;
const PAREN = /^[（(](\d{1,2})[)）]\s*/;

/** The marker a line starts with, if it is the `n`-th item of one of the report's list styles. */
function markerOf(text: string, style: ListStyle, n: number): string | null {
  const m = style === "yishi" ? YISHI.exec(text) : PAREN.exec(text);
  if (!m) return null;
  const ok = style === "yishi" ? m[1] === chineseNumeral(n) : Number(m[1]) === n;
  return ok ? m[0] : null;
}

/** Pasted lines as rich text: cleaned, empty lines dropped, runs of numbered lines made lists. */
export function blocksFromPasted(lines: PastedLine[]): TRichText {
  const clean = lines
    .flatMap((l) => normalisePastedText(l.text).split("\n").map((text) => ({ text, listed: l.listed })))
    .filter((l) => l.text.trim());
  const out: TRichText = [];
  for (let i = 0; i < clean.length; ) {
    const run = listRun(clean, i);
    if (run) {
      out.push({ list: run.style, items: run.items.map((text) => (text ? [text] : [])) });
      i += run.items.length;
    } else {
      out.push({ p: [clean[i].text] });
      i++;
    }
  }
  return out;
}

/** A list starting at `from`: two or more lines numbered 一是, 二是… or （1）（2）… in order, or the source's own list. */
function listRun(lines: { text: string; listed?: boolean }[], from: number): { style: ListStyle; items: string[] } | null {
  for (const style of ["yishi", "paren"] as const) {
    const items: string[] = [];
    for (let i = from; i < lines.length; i++) {
      const marker = markerOf(lines[i].text, style, items.length + 1);
      if (!marker) break;
      items.push(lines[i].text.slice(marker.length));
    }
    if (items.length >= 2) return { style, items };
  }
  const listed: string[] = [];
  for (let i = from; i < lines.length && lines[i].listed; i++) listed.push(lines[i].text);
  return listed.length ? { style: "paren", items: listed } : null;
}
