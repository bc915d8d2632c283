// Everything a report's figures decide, computed once from the scheme and the sections: the per-school tables,
// the county indicators (which may count the tables' verdicts, e.g. 超规模学校数), the score sheet and the graded
// results. The editor (through reportState), the Word file and the stored summary all call this, so they agree.
import { computeIndicators } from "@/lib/indicators/compute";
import type { Verdicts } from "@/lib/indicators/conditions";
import { rationalFromNumber } from "@/lib/indicators/rational";
import type { ComputedFigures, FigureValues } from "@/lib/indicators/types";
import { evaluateSchoolTable, type SchoolTableResult } from "@/lib/schools/rules";
import type { TScheme } from "@/lib/template/schema";
import { emptyContent, type SectionContent, type TSchoolTableContent, type TVetoContent } from "@/lib/report/content";
import { resultViews, type ResultView } from "@/lib/report/results";
import { scoreSheet, type ScoreSheet } from "@/lib/report/scores";
import { sectionsOf, type SectionDef } from "@/lib/report/sections";
import { allStated } from "@/lib/report/stated";
import { reportVerdicts, schoolCountsOf, type TableRows } from "@/lib/report/verdicts";

export type SectionContents = Record<string, SectionContent | undefined>;

/** Every figure value of the report, merged from all sections (figure keys are unique across a scheme). */
export function allValues(contents: SectionContents): FigureValues {
  const values: Record<string, number | boolean | null> = {};
  for (const content of Object.values(contents)) {
    if (content && "values" in content) Object.assign(values, content.values);
  }
  return values;
}

export interface ReportFigures {
  defs: SectionDef[];
  values: FigureValues;
  /** Indicators entered as the result another office states (lib/report/stated.ts), by indicator key. */
  stated: Record<string, number>;
  computed: ComputedFigures;
  tables: Record<string, SchoolTableResult>;
  verdicts: Verdicts;
  scores: ScoreSheet | null;
  results: ResultView[];
}

export function evaluateReport(scheme: TScheme, contents: SectionContents): ReportFigures {
  const defs = sectionsOf(scheme);
  const values = allValues(contents);
  const tables: Record<string, SchoolTableResult> = {};
  const rows: TableRows = {};
  for (const def of defs) {
    if (def.kind !== "schoolTable" || !def.table) continue;
    rows[def.table.key] = ((contents[def.key] as TSchoolTableContent | undefined) ?? emptyContent.schoolTable()).rows;
    tables[def.table.key] = evaluateSchoolTable(def.table, rows[def.table.key], { rounding: scheme.rounding });
  }
  const stated = allStated(contents);
  const computed = computeIndicators(scheme, values, { schools: schoolCountsOf(scheme, tables, rows), stated });
  const vetoDef = defs.find((d) => d.kind === "veto");
  const veto = vetoDef ? (contents[vetoDef.key] as TVetoContent | undefined) : undefined;
  // Score rules may name conditions (a veto that zeroes an item), but not the score they make up: validation
  // refuses score conditions there, so the sheet is built from verdicts without a score.
  const base = reportVerdicts({ scheme, computed, tables, rows, veto, score: () => null });
  const scores = scoreSheet({ scheme, contents, computed, verdicts: base, veto });
  const verdicts: Verdicts = scores ? { ...base, score: () => (scores.complete ? { total: scores.total, max: rationalFromNumber(scores.max)! } : null) } : base;
  return { defs, values, stated, computed, tables, verdicts, scores, results: resultViews(scheme, verdicts) };
}
