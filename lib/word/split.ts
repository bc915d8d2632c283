// Last year's report → pieces for the report's sections. The text is split at its 公文 headings (一、 / （一） /
// 1. / Word heading styles), and each heading's title is compared with the scheme's part and criterion titles
// (character-bigram Dice: the same wording in different order or with 情况/工作 added still scores high). Inside a
// part that is not the criteria part (基本情况, 存在问题, 下一步), sub-headings are that part's own structure and stay
// in its piece; a 1. under a matched criterion stays in that criterion's piece. Nothing is written here: the county
// confirms, moves or skips each piece first. Figures stay text; tables become text lines. Universal.
import { blocksFromPasted, normalisePastedText, type PastedLine } from "@/lib/report/paste";
import type { TRichText } from "@/lib/report/rich-text";
import { sectionsOf, type SectionDef } from "@/lib/report/sections";
import type { TScheme } from "@/lib/template/schema";
import type { DocBlock } from "@/lib/word/docx-xml";

export type ImportTarget = { key: string; heading: string; partHeading: string; kind: SectionDef["kind"]; partKind: SectionDef["partKind"] };
export type ImportPiece = {
  /** The heading as written in the file ("" for the text before the first heading). */
  heading: string;
  level: number;
  blocks: TRichText;
  /** Plain text of the piece, for the side-by-side view. */
  text: string;
  suggested: string | null;
  score: number;
  tables: number;
};

/** Sections a piece of text can go into: every section with a narrative field. */
export function importTargets(scheme: TScheme): ImportTarget[] {
  return sectionsOf(scheme)
    .filter((s) => s.kind === "meta" || s.kind === "narrative" || s.kind === "problems" || s.kind === "nextSteps")
    .map((s) => ({ key: s.key, heading: s.heading, partHeading: s.partHeading, kind: s.kind, partKind: s.partKind }));
}

const NUM = "[一二三四五六七八九十百]{1,3}";
const LEVELS: [number, RegExp][] = [
  [1, new RegExp(`^${NUM}[、.．]`)],
  [2, new RegExp(`^[（(]${NUM}[)）]`)],
  [3, /^\d{1,2}[.．、](?!\d)/],
];
const HEADING_MAX = 60;

/** The heading level and title of a paragraph, or null for body text. A numbered paragraph whose first sentence
 *  is short ("1.建立健全工作机制情况。成立……") is a heading followed by its text. */
export function headingOf(text: string, styleLevel: number | null): { level: number; title: string; rest: string } | null {
  const line = text.trim();
  if (!line) return null;
  const level = LEVELS.find(([, re]) => re.test(line))?.[0] ?? (styleLevel && styleLevel <= 3 && line.length <= HEADING_MAX ? styleLevel : null);
  if (!level) return null;
  if (line.length <= HEADING_MAX && !/[。；;]./.test(line)) return { level, title: line.replace(/[。；;]$/, ""), rest: "" };
  const stop = line.search(/[。；;]/);
  if (stop > 0 && stop <= HEADING_MAX) return { level, title: line.slice(0, stop), rest: line.slice(stop + 1).trim() };
  return null;
}

const strip = (title: string) =>
  title
    .replace(/^(?:[一二三四五六七八九十百]{1,3}[、.．]|[（(][一二三四五六七八九十百]{1,3}[)）]|\d{1,2}[.．、])/, "")
    .replace(/[\s\p{P}\p{S}]/gu, "")
    .replace(/(?:情况|工作)+$/, "");

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** How alike two titles are, 0–1: Dice over character bigrams, numbering and punctuation ignored. */
export function titleSimilarity(a: string, b: string): number {
  const x = strip(a);
  const y = strip(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.length >= 4 && y.length >= 4 && (x.includes(y) || y.includes(x))) return 0.9;
  const pool = new Map<string, number>();
  for (const g of bigrams(x)) pool.set(g, (pool.get(g) ?? 0) + 1);
  const yb = bigrams(y);
  let shared = 0;
  for (const g of yb) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (bigrams(x).length + yb.length);
}

/** Below this a heading is not taken for any section: the county places it. */
export const MATCH_THRESHOLD = 0.4;

function bestOf(title: string, targets: ImportTarget[], label: (t: ImportTarget) => string): { key: string | null; score: number } {
  let best: { key: string | null; score: number } = { key: null, score: 0 };
  for (const t of targets) {
    const score = titleSimilarity(title, label(t));
    if (score > best.score) best = { key: t.key, score };
  }
  return best.score >= MATCH_THRESHOLD ? best : { key: null, score: best.score };
}

/** A table as lines of text: each data row as "列名：值；列名：值", the header row naming the columns. */
export function tableLines(rows: string[][]): string[] {
  const [header, ...data] = rows.filter((r) => r.some((c) => c.trim()));
  if (!header) return [];
  if (!data.length) return [header.join("；")];
  return data.map((r) => r.map((c, i) => (header[i] ? `${header[i]}：${c}` : c)).filter((c) => c.trim()).join("；"));
}

type Draft = { heading: string; level: number; lines: PastedLine[]; suggested: string | null; score: number; tables: number; folds: boolean };

/** The document's pieces in reading order; [] when it has no heading at all (the caller refuses such a file). */
export function splitByHeadings(blocks: DocBlock[], scheme: TScheme): ImportPiece[] {
  const targets = importTargets(scheme);
  const parts = targets.filter((t) => t.partKind !== "criteria" && t.key !== "meta");
  const criteria = targets.filter((t) => t.partKind === "criteria");
  const criteriaPart = criteria[0]?.partHeading ?? "";
  const drafts: Draft[] = [{ heading: "", level: 0, lines: [], suggested: "meta", score: 1, tables: 0, folds: false }];
  let headings = 0;
  // Whether the current level-1 part holds its sub-headings (基本情况, 存在问题…) rather than criteria.
  let partFolds = false;
  for (const block of blocks) {
    const current = drafts[drafts.length - 1];
    if (block.kind === "table") {
      current.lines.push(...tableLines(block.rows).map((text) => ({ text })));
      current.tables++;
      continue;
    }
    const text = normalisePastedText(block.text);
    if (!text) continue;
    const heading = headingOf(text, block.styleLevel);
    if (heading) headings++;
    if (heading?.level === 1) {
      const asPart = bestOf(heading.title, parts, (t) => t.heading);
      const asCriteria = criteriaPart ? titleSimilarity(heading.title, criteriaPart) : 0;
      if (asCriteria >= MATCH_THRESHOLD && asCriteria >= asPart.score) {
        partFolds = false;
        drafts.push({ heading: heading.title, level: 1, lines: heading.rest ? [{ text: heading.rest }] : [], suggested: null, score: asCriteria, tables: 0, folds: false });
      } else {
        partFolds = asPart.key !== null;
        drafts.push({ heading: heading.title, level: 1, lines: heading.rest ? [{ text: heading.rest }] : [], ...asPart, suggested: asPart.key, tables: 0, folds: partFolds });
      }
      continue;
    }
    if (heading && !partFolds && !(heading.level >= 3 && current.suggested && current.level < heading.level)) {
      const match = bestOf(heading.title, criteria, (t) => t.heading);
      if (match.key || heading.level === 2) {
        drafts.push({ heading: heading.title, level: heading.level, lines: heading.rest ? [{ text: heading.rest }] : [], suggested: match.key, score: match.score, tables: 0, folds: false });
        continue;
      }
    }
    current.lines.push({ text, listed: block.listed });
  }
  if (!headings) return [];
  return drafts
    .filter((d) => d.lines.length || d.heading)
    .map((d) => {
      const blocks = blocksFromPasted(d.lines);
      return {
        heading: d.heading,
        level: d.level,
        blocks,
        text: d.lines.map((l) => normalisePastedText(l.text)).filter(Boolean).join("\n"),
        // A heading without text has nothing to write.
        suggested: blocks.length ? d.suggested : null,
        score: Math.round(d.score * 100) / 100,
        tables: d.tables,
      };
    });
}
