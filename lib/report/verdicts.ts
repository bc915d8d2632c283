// The report's verdicts as the rule language reads them (lib/indicators/conditions.ts): indicator statuses, the
// per-school tables, the 一票否决 answers and the total score. Also answers "schools" formulas (超规模学校数 …) from
// the tables, so a county figure can be derived from the per-school rows.
import type { Verdicts } from "@/lib/indicators/conditions";
import type { SchoolCounts } from "@/lib/indicators/evaluate";
import type { ComputedFigures } from "@/lib/indicators/types";
import type { Rational } from "@/lib/indicators/rational";
import { schoolCounts, type SchoolTableResult } from "@/lib/schools/rules";
import type { TSchoolRow } from "@/lib/schools/rows";
import type { TScheme } from "@/lib/template/schema";
import type { TVetoContent } from "@/lib/report/content";

export type TableRows = Record<string, readonly TSchoolRow[]>;

/** "schools" formulas answered from the evaluated tables. */
export function schoolCountsOf(scheme: TScheme, tables: Record<string, SchoolTableResult>, rows: TableRows): SchoolCounts {
  return (formula) => {
    const table = scheme.tables.find((t) => t.key === formula.table);
    const result = tables[formula.table];
    if (!table || !result) return { ok: false, missing: [], reason: `没有学校表格「${formula.table}」` };
    const counts = schoolCounts(table, result, rows[formula.table] ?? [], formula.indicator);
    if (!counts) return { ok: false, missing: [`${table.title}（学校数据不完整）`], reason: null };
    const n = formula.count === "pass" || formula.count === "met" ? counts.passing : counts.failing;
    return { ok: true, value: { n: BigInt(n), d: 1n } };
  };
}

export function reportVerdicts(input: {
  scheme: TScheme;
  computed: ComputedFigures;
  tables: Record<string, SchoolTableResult>;
  rows: TableRows;
  veto: TVetoContent | undefined;
  score: () => { total: Rational; max: Rational } | null;
}): Verdicts {
  const { scheme, computed, tables, rows, veto } = input;
  const answer = (key: string) => veto?.answers[key]?.answer ?? null;
  return {
    indicator: (key) => {
      const s = computed.indicators[key]?.status;
      return s === "met" ? "met" : s === "unmet" ? "unmet" : null;
    },
    schools: (key, indicator) => {
      const table = scheme.tables.find((t) => t.key === key);
      const result = tables[key];
      if (!table || !result) return null;
      const counts = schoolCounts(table, result, rows[key] ?? [], indicator);
      return counts && { passing: counts.passing, counted: counts.counted };
    },
    cv: (key, indicator, stage) => {
      const cvs = (tables[key]?.cvs ?? []).filter((c) => (!indicator || c.indicator === indicator) && (!stage || c.stage === stage) && c.status !== "none");
      if (cvs.some((c) => c.status === "unmet")) return false;
      return cvs.some((c) => c.status === "missing") || !tables[key] ? null : true;
    },
    table: (key) => tables[key]?.passed ?? null,
    veto: (key) => {
      const keys = key === "any" ? scheme.vetoes.map((v) => v.key) : [key];
      const answers = keys.map(answer);
      if (answers.includes("是")) return true;
      return answers.includes(null) ? null : false;
    },
    score: input.score,
  };
}
