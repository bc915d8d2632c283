// Numbers in narrative text are bound to data: a writer inserts {{figure:key}} and the rendered text prints the
// stored or computed value, so the prose, the tables and the Word file cannot disagree.
import { formatFigureValue } from "@/lib/indicators/format";
import type { ComputedFigures, FigureValues } from "@/lib/indicators/types";
import { figureIndex, figureLabel } from "@/lib/template/lookup";
import type { TScheme } from "@/lib/template/schema";

/** Matches one token; group 1 is the key. Global: reset lastIndex or use String methods (replace, matchAll). */
export const FIGURE_TOKEN = /\{\{figure:([^{}\s]*)\}\}/g;

export const figureToken = (key: string): string => `{{figure:${key}}}`;

/** Keys the text refers to, in order of appearance, without repeats. */
export function figureRefsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIGURE_TOKEN)].map((m) => m[1]))];
}

/**
 * Replaces each token with the figure as the report prints it: "99.82%", "10736人", "是". A figure not yet filled
 * renders as 【未填写：label】 and an unknown key as 【未知数据：key】, so neither can slip into a submitted text
 * unnoticed.
 */
export function renderFigureRefs(text: string, scheme: TScheme, computed: ComputedFigures, values: FigureValues): string {
  const index = figureIndex(scheme);
  return text.replace(FIGURE_TOKEN, (_token, key: string) => {
    const figure = index.get(key);
    if (!figure) return `【未知数据：${key}】`;
    const missing = `【未填写：${figureLabel(figure)}】`;
    if (figure.kind === "indicator") {
      const result = computed.indicators[key];
      return result && result.value !== null ? result.display : missing;
    }
    const value = values[key];
    return value === null || value === undefined ? missing : formatFigureValue(value, figure.input.unit);
  });
}
