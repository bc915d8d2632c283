// Where figures live in a scheme: the profile part and every criterion can hold inputs, indicators, checks and
// per-level matrices (expanded here into ordinary inputs and indicators). One walker gives every consumer
// (validation, computation, prose checks, sections) the same order and the same paths.
import { expandMatrix } from "@/lib/template/matrix";
import type { TCheck, TFigureMatrix, TIndicator, TInput, TScheme } from "@/lib/template/schema";

export interface FigureSection {
  /** Path of the node holding the figures, e.g. "parts[0]" or "criteria[3]". */
  path: string;
  /** Own inputs first, then each matrix's, level by level. */
  inputs: TInput[];
  indicators: TIndicator[];
  checks: TCheck[];
  /** Path of each input's / indicator's definition, parallel to `inputs` / `indicators` (a matrix row's for its
   *  expansions), for error messages. */
  inputPaths: string[];
  indicatorPaths: string[];
}

type FigureNode = { inputs: TInput[]; indicators: TIndicator[]; checks: TCheck[]; matrices: TFigureMatrix[] };

const expanded = new WeakMap<FigureNode, Omit<FigureSection, "path">>();

/** A node's figures with its matrices expanded; computed once per node. Paths are relative ("inputs[0]"). */
export function nodeFigures(node: FigureNode): Omit<FigureSection, "path"> {
  // Without matrices the node's own arrays are handed out as they are (tests and callers may extend them).
  if (!node.matrices.length) {
    return { inputs: node.inputs, indicators: node.indicators, checks: node.checks, inputPaths: node.inputs.map((_, i) => `inputs[${i}]`), indicatorPaths: node.indicators.map((_, i) => `indicators[${i}]`) };
  }
  let hit = expanded.get(node);
  if (!hit) {
    const matrices = node.matrices.map((m, k) => expandMatrix(m, `matrices[${k}]`));
    hit = {
      inputs: [...node.inputs, ...matrices.flatMap((m) => m.inputs)],
      indicators: [...node.indicators, ...matrices.flatMap((m) => m.indicators)],
      checks: node.checks,
      inputPaths: [...node.inputs.map((_, i) => `inputs[${i}]`), ...matrices.flatMap((m) => m.inputPaths)],
      indicatorPaths: [...node.indicators.map((_, i) => `indicators[${i}]`), ...matrices.flatMap((m) => m.indicatorPaths)],
    };
    expanded.set(node, hit);
  }
  return hit;
}

export function figureSections(scheme: TScheme): FigureSection[] {
  const sections: FigureSection[] = [];
  const at = (path: string, node: FigureNode): FigureSection => {
    const f = nodeFigures(node);
    return { path, ...f, inputPaths: f.inputPaths.map((p) => `${path}.${p}`), indicatorPaths: f.indicatorPaths.map((p) => `${path}.${p}`) };
  };
  scheme.parts.forEach((part, i) => {
    if (part.kind === "profile") sections.push(at(`parts[${i}]`, part));
  });
  scheme.criteria.forEach((criterion, i) => sections.push(at(`criteria[${i}]`, criterion)));
  return sections;
}

export const schemeInputs = (scheme: TScheme): TInput[] => figureSections(scheme).flatMap((s) => s.inputs);
export const schemeIndicators = (scheme: TScheme): TIndicator[] => figureSections(scheme).flatMap((s) => s.indicators);
export const schemeChecks = (scheme: TScheme): TCheck[] => figureSections(scheme).flatMap((s) => s.checks);

export type Figure = { kind: "input"; input: TInput } | { kind: "indicator"; indicator: TIndicator };

/** Inputs and indicators by key (they share one namespace; validation refuses duplicates). */
export function figureIndex(scheme: TScheme): Map<string, Figure> {
  const index = new Map<string, Figure>();
  for (const input of schemeInputs(scheme)) index.set(input.key, { kind: "input", input });
  for (const indicator of schemeIndicators(scheme)) index.set(indicator.key, { kind: "indicator", indicator });
  return index;
}

export function figureLabel(figure: Figure): string {
  return figure.kind === "input" ? figure.input.label : figure.indicator.label;
}

/** Whether the figure holds a yes/no answer rather than a number. */
export function isYesNoFigure(figure: Figure): boolean {
  return figure.kind === "input" ? figure.input.kind === "boolean" : figure.indicator.formula.op === "yesno";
}
