// Text helpers for reading numbers out of Chinese prose. Normalising full-width forms maps one character to one
// character, so positions found in the normalised text are positions in the original.
import { schemeIndicators, schemeInputs } from "@/lib/template/lookup";
import type { TScheme } from "@/lib/template/schema";

/** Full-width ASCII forms (１２．５％, （）, ，, ：) → their half-width forms. */
export function normaliseProse(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Sentences as a reader sees them, trimmed, in order. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;])|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface FigureName {
  key: string;
  /** A normalised label or alias. */
  name: string;
}

export function figureNames(scheme: TScheme): FigureName[] {
  const named = [...schemeInputs(scheme), ...schemeIndicators(scheme)];
  return named.flatMap((f) => [f.label, ...f.aliases].map((name) => ({ key: f.key, name: normaliseProse(name) })));
}

export interface Mention extends FigureName {
  start: number;
  end: number;
}

/**
 * Where figures are named in a (normalised) sentence. The longest name wins an overlap, so "公办园在园幼儿占比" is
 * one mention of the share, not also of "公办园在园幼儿" or "在园幼儿".
 */
export function findMentions(sentence: string, names: FigureName[]): Mention[] {
  const candidates: Mention[] = [];
  for (const n of names) {
    for (let at = sentence.indexOf(n.name); at >= 0; at = sentence.indexOf(n.name, at + 1)) {
      candidates.push({ ...n, start: at, end: at + n.name.length });
    }
  }
  candidates.sort((a, b) => b.name.length - a.name.length || a.start - b.start);
  const taken: Mention[] = [];
  for (const c of candidates) {
    if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}
