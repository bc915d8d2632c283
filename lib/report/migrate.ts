// Stored section content carries its format version ("v"). Rows are never rewritten in place: every reader decodes
// through lib/report/stored.ts, which brings an older row up to the current format here first, and every save goes
// through the same step (a browser tab opened before an upgrade still sends format 1). Revisions therefore keep
// the bytes they were saved with, and the history and redline read them exactly as they were.
//
// Format 1 (no "v"): prose fields are strings, "\n" between paragraphs, figures as {{figure:key}} tokens.
// Format 2: prose fields are rich text (lib/report/rich-text.ts); a token becomes a figure part with the same key,
// each line a paragraph (blank lines and spaces kept, so the text reads exactly as before).
import type { SectionContentKind } from "@/lib/report/content";
import type { TInline, TRichText } from "@/lib/report/rich-text";

export const CONTENT_VERSION = 2;

/** A format-1 figure token; group 1 is the key. */
const TOKEN = /\{\{figure:([^{}\s]*)\}\}/g;

/** A format-1 prose string as rich text: one paragraph per line, each {{figure:key}} a figure part; "" is empty. */
export function richFromTokens(text: string): TRichText {
  if (text === "") return [];
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const parts: TInline[] = [];
      let at = 0;
      for (const m of line.matchAll(TOKEN)) {
        if (m.index > at) parts.push(line.slice(at, m.index));
        parts.push({ f: m[1] });
        at = m.index + m[0].length;
      }
      if (at < line.length) parts.push(line.slice(at));
      return { p: parts };
    });
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
/** Only strings are converted: anything else is left for the section's schema to accept or refuse. */
const prose = (x: unknown) => (typeof x === "string" ? richFromTokens(x) : x);
const each = (list: unknown, f: (item: Obj) => Obj) => (Array.isArray(list) ? list.map((i) => (isObj(i) ? f(i) : i)) : list);

const FROM_1: Record<SectionContentKind, (c: Obj) => Obj> = {
  meta: (c) => ({ ...c, preamble: prose(c.preamble) }),
  narrative: (c) => ({
    ...c,
    narrative: prose(c.narrative),
    ...(isObj(c.subpoints) ? { subpoints: Object.fromEntries(Object.entries(c.subpoints).map(([k, v]) => [k, prose(v)])) } : {}),
  }),
  problems: (c) => ({
    ...c,
    intro: prose(c.intro),
    items: each(c.items, (p) => ({ ...p, detail: prose(p.detail), measures: each(p.measures, (m) => ({ ...m, text: prose(m.text) })) })),
  }),
  nextSteps: (c) => ({
    ...c,
    intro: prose(c.intro),
    items: each(c.items, (i) => ({ ...i, body: prose(i.body) })),
    commitments: each(c.commitments, (i) => ({ ...i, text: prose(i.text), answer: prose(i.answer) })),
  }),
  schoolTable: (c) => c,
  veto: (c) => c,
};

export class NewerContentFormat extends Error {}

/**
 * `raw` (parsed JSON of one section) in the current format. Content already current is returned as is; content
 * from a newer version of the system is refused rather than guessed at.
 */
export function migrateSectionContent(kind: SectionContentKind, raw: unknown): unknown {
  if (!isObj(raw)) return raw;
  const v = raw.v ?? 1;
  if (v === CONTENT_VERSION) return raw;
  if (v === 1) return { ...FROM_1[kind](raw), v: CONTENT_VERSION };
  if (typeof v === "number" && v > CONTENT_VERSION) throw new NewerContentFormat(`内容格式为第 ${v} 版，比本系统支持的第 ${CONTENT_VERSION} 版新`);
  return raw;
}
