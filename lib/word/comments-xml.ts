// Word comments (word/comments.xml) with their threads. Word 2013+ and LibreOffice name a reply's parent in
// word/commentsExtended.xml (w15:commentEx paraId → paraIdParent, keyed by the last paragraph of each comment).
// WPS writes no commentsExtended part: its replies are comments of their own whose range starts and ends exactly
// where the comment they answer does, written right after it — so without the part, a comment on the very same
// range as an earlier one is taken as its reply. Universal (pure string work).
import { attr, decodeXml, readBody, rangeText, type DocBlock } from "@/lib/word/docx-xml";

export type WordNote = { id: string; author: string; date: string | null; text: string; done: boolean };
export type WordThread = WordNote & { covered: string; replies: WordNote[]; position: number };

const COMMENT = /<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g;
const PARA = /<w:p\b([^>]*)>([\s\S]*?)<\/w:p>/g;
const TEXT = /<w:t\b[^>]*>([\s\S]*?)<\/w:t>/g;

type Raw = WordNote & { paraIds: string[] };

export function readComments(commentsXml: string): Raw[] {
  const out: Raw[] = [];
  for (const c of commentsXml.matchAll(COMMENT)) {
    const paragraphs: string[] = [];
    const paraIds: string[] = [];
    for (const p of c[2].matchAll(PARA)) {
      const id = attr(p[1], "paraId");
      if (id) paraIds.push(id.toUpperCase());
      paragraphs.push([...p[2].matchAll(TEXT)].map((t) => decodeXml(t[1])).join(""));
    }
    out.push({
      id: attr(c[1], "id") ?? String(out.length),
      author: (attr(c[1], "author") ?? "").trim(),
      date: attr(c[1], "date"),
      text: paragraphs.join("\n").trim(),
      done: false,
      paraIds,
    });
  }
  return out;
}

/** paraId of a comment's last paragraph → its parent's paraId and whether the thread is marked done. */
export function readExtended(extendedXml: string): Map<string, { parent: string | null; done: boolean }> {
  const map = new Map<string, { parent: string | null; done: boolean }>();
  for (const m of extendedXml.matchAll(/<w15:commentEx\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "paraId");
    if (id) map.set(id.toUpperCase(), { parent: attr(m[1], "paraIdParent")?.toUpperCase() ?? null, done: attr(m[1], "done") === "1" });
  }
  return map;
}

/** The document's comments as threads in reading order, each with the text its range covers. */
export function wordThreads(documentXml: string, commentsXml: string, extendedXml: string | null): { threads: WordThread[]; blocks: DocBlock[] } {
  const { blocks, ranges } = readBody(documentXml);
  const comments = readComments(commentsXml);
  const extended = extendedXml ? readExtended(extendedXml) : null;
  const byPara = new Map<string, Raw>();
  for (const c of comments) for (const p of c.paraIds) byPara.set(p, c);
  const parentOf = new Map<string, string>();
  if (extended?.size) {
    for (const c of comments) {
      const ex = extended.get(c.paraIds[c.paraIds.length - 1] ?? "");
      if (!ex) continue;
      c.done = ex.done;
      const parent = ex.parent ? byPara.get(ex.parent) : undefined;
      if (parent && parent !== c) parentOf.set(c.id, parent.id);
    }
  } else {
    // WPS: the same range as an earlier comment → a reply to it (to its thread's root).
    const seen = new Map<string, string>();
    for (const c of comments) {
      const r = ranges.get(c.id);
      if (!r?.start) continue;
      const key = `${r.start.block}:${r.start.offset}-${r.end?.block}:${r.end?.offset}`;
      const earlier = seen.get(key);
      if (earlier) parentOf.set(c.id, parentOf.get(earlier) ?? earlier);
      else seen.set(key, c.id);
    }
  }
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    while (parentOf.has(at) && !seen.has(at)) {
      seen.add(at);
      at = parentOf.get(at)!;
    }
    return at;
  };
  const threads = new Map<string, WordThread>();
  const note = ({ id, author, date, text, done }: Raw): WordNote => ({ id, author, date, text, done });
  for (const c of comments) {
    if (rootOf(c.id) !== c.id) continue;
    const r = ranges.get(c.id);
    const position = r?.start ? r.start.block * 1e6 + Math.min(r.start.offset, 1e6 - 1) : Number.MAX_SAFE_INTEGER;
    threads.set(c.id, { ...note(c), covered: r ? rangeText(blocks, r) : "", replies: [], position });
  }
  for (const c of comments) {
    const root = rootOf(c.id);
    if (root !== c.id) threads.get(root)?.replies.push(note(c));
  }
  return { threads: [...threads.values()].sort((a, b) => a.position - b.position), blocks };
}
