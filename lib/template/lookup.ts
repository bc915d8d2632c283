// Where figures live in a scheme: the profile part and every criterion can hold inputs, indicators and checks.
// One walker gives every consumer (validation, computation, prose checks) the same order and the same paths.
import type { TCheck, TIndicator, TInput, TScheme } from "@/lib/template/schema";

export interface FigureSection {
  /** Path of the node holding the figures, e.g. "parts[0]" or "criteria[3]". */
  path: string;
  inputs: TInput[];
  indicators: TIndicator[];
  checks: TCheck[];
}

export function figureSections(scheme: TScheme): FigureSection[] {
  const sections: FigureSection[] = [];
  scheme.parts.forEach((part, i) => {
    if (part.kind === "profile") sections.push({ path: `parts[${i}]`, ...pick(part) });
  });
  scheme.criteria.forEach((criterion, i) => sections.push({ path: `criteria[${i}]`, ...pick(criterion) }));
  return sections;
}

function pick(node: { inputs: TInput[]; indicators: TIndicator[]; checks: TCheck[] }) {
  return { inputs: node.inputs, indicators: node.indicators, checks: node.checks };
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
