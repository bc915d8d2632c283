// The county's own 存在问题和改进措施 as ledger items. The part holds structured problems (title, detail and
// measures with 牵头单位, 责任人 and 完成时限): each problem is one item, its measures giving the owner and the
// latest deadline. A county that wrote the part as prose only (the intro, no problem entries) gets one item per
// list item, per 一是/二是… clause of a paragraph, or per paragraph. Universal and pure.
import type { TScheme } from "@/lib/template/schema";
import { sectionsOf } from "@/lib/report/sections";
import type { SectionContents } from "@/lib/report/precheck";
import type { TProblem, TProblemsContent } from "@/lib/report/content";
import { isRichEmpty, partText, richLines, type TRichText } from "@/lib/report/rich-text";
import { chineseNumeral } from "@/lib/template/numbering";
import type { TLedgerNewItem } from "@/lib/review/ledger/model";
import { lastDayOf } from "@/lib/review/ledger/rules";

const TEXT_MAX = 2000;
const clip = (s: string) => (s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);
/** Leading numbering of a line: 一、 （一） 1. 1、 （1） 一是 — the ledger numbers items itself. */
const LEADING_MARKER = /^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])\s*/;

function plain(doc: TRichText, figure: (key: string) => string): string[] {
  return richLines(doc).map((l) => l.parts.map((p) => partText(p, figure)).join("").trim());
}

/** "一是……二是……" inside one paragraph: each clause on its own (only when numbered in order from 一是). */
export function splitClauses(text: string): string[] {
  if (!text.startsWith("一是") && !text.includes("一是")) return [text];
  const starts: number[] = [];
  let from = 0;
  for (let n = 1; n <= 20; n++) {
    const at = text.indexOf(`${chineseNumeral(n)}是`, from);
    if (at < 0) break;
    starts.push(at);
    from = at + 2;
  }
  if (starts.length < 2) return [text];
  const lead = text.slice(0, starts[0]).trim();
  return starts.map((s, i) => {
    const clause = text.slice(s + `${chineseNumeral(i + 1)}是`.length, starts[i + 1] ?? text.length).trim();
    return i === 0 && lead ? `${lead}${clause}` : clause;
  });
}

/** The part's prose split into items: list items, 一是/二是 clauses, else paragraphs; numbering dropped. */
export function splitProblemText(doc: TRichText, figure: (key: string) => string): string[] {
  return plain(doc, figure)
    .flatMap(splitClauses)
    .map((line) => line.replace(LEADING_MARKER, "").trim())
    .filter(Boolean);
}

/** Measures one after another: "；" between them unless one already ends a sentence. */
const joinClauses = (parts: string[]) => parts.map((m, i) => (i < parts.length - 1 && !/[。；;！？!?]$/.test(m) ? `${m}；` : m)).join("");

const latest = (deadlines: string[]) =>
  deadlines.filter((d) => lastDayOf(d)).sort((a, b) => (lastDayOf(a)! < lastDayOf(b)! ? -1 : 1)).at(-1) ?? "";

function problemItem(p: TProblem, figure: (key: string) => string): TLedgerNewItem | null {
  const detail = plain(p.detail, figure).join("");
  const measures = p.measures.map((m) => plain(m.text, figure).join("")).filter(Boolean);
  const head = p.title.trim() || detail;
  if (!head) return null;
  const text = [p.title.trim() && detail ? `${head}：${detail}` : head, measures.length ? `改进措施：${joinClauses(measures)}` : ""].filter(Boolean).join("\n");
  const owners = [...new Set(p.measures.flatMap((m) => [m.leadUnit, m.owner].map((s) => s.trim()).filter(Boolean)))];
  return { ref: p.id, text: clip(text), owner: owners.join("、").slice(0, 100), deadline: latest(p.measures.map((m) => m.deadline)) };
}

export function problemsToLedgerItems(scheme: TScheme, contents: SectionContents, figure: (key: string) => string): TLedgerNewItem[] {
  const def = sectionsOf(scheme).find((s) => s.kind === "problems");
  const c = def ? (contents[def.key] as TProblemsContent | undefined) : undefined;
  if (!c) return [];
  const items = c.items.map((p) => problemItem(p, figure)).filter((i): i is TLedgerNewItem => i !== null);
  if (items.length || isRichEmpty(c.intro)) return items;
  // Prose only: the ref is the text itself (its start), so accepting the same text again creates nothing new.
  return splitProblemText(c.intro, figure).map((text) => ({ ref: `text:${text.slice(0, 80)}`, text: clip(text), owner: "", deadline: "" }));
}
