// Numbers in narrative text are bound to data: a writer inserts a figure (a chip in the editor, { f: key } in the
// stored text) and every reader prints the stored or computed value, so the prose, the tables and the Word file
// cannot disagree.
import { formatFigureValue } from "@/lib/indicators/format";
import type { ComputedFigures, FigureValues } from "@/lib/indicators/types";
import { figureIndex, figureLabel } from "@/lib/template/lookup";
import type { TScheme } from "@/lib/template/schema";
import { richToPlain, type TRichText } from "@/lib/report/rich-text";

/** How the report prints one figure. */
export type FigureShown = {
  /** "99.82%", "10736人", "是"; 【未填写：label】 when not filled, 【未知数据：key】 for a key the scheme lacks. */
  text: string;
  /** The figure's name, or null when the scheme has no such figure. */
  label: string | null;
  /** Whether a value is there to print. */
  filled: boolean;
};

/**
 * The printed form of each figure of the report. A figure not yet filled renders as 【未填写：label】 and an
 * unknown key as 【未知数据：key】, so neither can slip into a submitted text unnoticed.
 */
export function figurePrinter(scheme: TScheme, computed: ComputedFigures, values: FigureValues): (key: string) => FigureShown {
  const index = figureIndex(scheme);
  return (key) => {
    const figure = index.get(key);
    if (!figure) return { text: `【未知数据：${key}】`, label: null, filled: false };
    const label = figureLabel(figure);
    const missing = { text: `【未填写：${label}】`, label, filled: false };
    if (figure.kind === "indicator") {
      const result = computed.indicators[key];
      return result && result.value !== null ? { text: result.display, label, filled: true } : missing;
    }
    const value = values[key];
    return typeof value === "number" || typeof value === "boolean" ? { text: formatFigureValue(value, figure.input.unit), label, filled: true } : missing;
  };
}

/** The text of a rich field as the report prints it (one line per paragraph or list item). */
export function renderRich(doc: TRichText, scheme: TScheme, computed: ComputedFigures, values: FigureValues): string {
  const print = figurePrinter(scheme, computed, values);
  return richToPlain(doc, (key) => print(key).text);
}
