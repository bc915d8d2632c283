// How a text view (history, redline, comments, Word notes) names and prints figures, from the report's evaluated
// figures (lib/report/evaluate.ts): the value of a figure part and the label of a figure or target key.
import type { ComputedFigures, FigureValues } from "@/lib/indicators/types";
import { figureIndex, figureLabel } from "@/lib/template/lookup";
import type { TScheme } from "@/lib/template/schema";
import { figurePrinter } from "@/lib/report/figures";

export type FigureWords = { figure: (key: string) => string; label: (key: string) => string };

export function figureWords(scheme: TScheme, figures: { values: FigureValues; computed: ComputedFigures }): FigureWords {
  const print = figurePrinter(scheme, figures.computed, figures.values);
  const index = figureIndex(scheme);
  const tables = new Map(scheme.tables.map((t) => [t.key, t.title]));
  return {
    figure: (key) => print(key).text,
    label: (key) => {
      const figure = index.get(key);
      if (figure) return figureLabel(figure);
      // Per-school table failures are keyed "<table>:schools" or "<table>:cv:<indicator>:<stage>".
      const [table, kind, indicator, stage] = key.split(":");
      const title = tables.get(table);
      if (!title) return key;
      return kind === "cv" ? `${title}：${indicator}（${stage}）差异系数` : `${title}：学校达标情况`;
    },
  };
}
