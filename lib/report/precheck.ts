// 提交前检查 and completeness, computed from the scheme and the saved sections. Pure: the editor runs it in the
// browser as the clerk types, the server runs it on every save (to keep the report list's figures current) and
// before a submission.
import { findProseConflicts } from "@/lib/report/prose-conflicts";
import type { ComputedFigures, FigureValues } from "@/lib/indicators/types";
import type { TScheme } from "@/lib/template/schema";
import { sectionsOf, type SectionDef } from "@/lib/report/sections";
import {
  emptyContent,
  type SectionContent,
  type TMetaContent,
  type TNarrativeContent,
  type TNextStepsContent,
  type TProblemsContent,
  type TVetoContent,
} from "@/lib/report/content";
import { tableFailures, type SchoolTableResult } from "@/lib/schools/rules";
import { vetoStatus } from "@/lib/report/veto";
import type { ScoreSheet } from "@/lib/report/scores";
import { scoreFindings } from "@/lib/report/score-findings";
import type { ResultView } from "@/lib/report/results";
import { allValues, evaluateReport, type SectionContents } from "@/lib/report/evaluate";

export type Finding = {
  sectionKey: string;
  /** DOM id of the field to jump to (see components/report). */
  field: string;
  message: string;
  severity: "error" | "warning";
};

export type SectionState = { key: string; complete: boolean; findings: Finding[] };
export type ReportState = {
  sections: SectionState[];
  completeness: number;
  findings: Finding[];
  /** Findings that block submission (warnings are shown but do not block). */
  errors: number;
  computed: ComputedFigures;
  /** Per-school tables by table key: each school's indicators, the 差异系数 per 学段 and the verdict. */
  tables: Record<string, SchoolTableResult>;
  /** The score sheet of a scored scheme (scheme.scoring), else null. */
  scores: ScoreSheet | null;
  /** scheme.results, each with its level. */
  results: ResultView[];
};

export type { SectionContents };
export { allValues };

const blank = (s: string | undefined) => !s || s.trim().length === 0;

export function fieldId(sectionKey: string, field: string): string {
  return `${sectionKey.replace(/[^a-zA-Z0-9_-]/g, "-")}--${field.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/** Numbers in the prose that contradict the data, and 达标 claims for unmet indicators: warnings, not blockers. */
function proseFindings(def: SectionDef, texts: { field: string; text: string }[], scheme: TScheme, computed: ComputedFigures, values: FigureValues): Finding[] {
  return texts.flatMap(({ field, text }) =>
    text.trim()
      ? findProseConflicts(text, scheme, computed, values).map((c) => ({
          sectionKey: def.key,
          field: fieldId(def.key, field),
          message: `${def.title}：${c.message}`,
          severity: "warning" as const,
        }))
      : [],
  );
}

function narrativeFindings(def: SectionDef, c: TNarrativeContent, computed: ComputedFigures): Finding[] {
  const out: Finding[] = [];
  const err = (field: string, message: string, severity: Finding["severity"] = "error") =>
    out.push({ sectionKey: def.key, field: fieldId(def.key, field), message, severity });
  const subpoints = def.criterion?.subpoints ?? [];
  if (subpoints.length) {
    for (const sp of subpoints) if (blank(c.subpoints[sp.code])) err(`sub-${sp.code}`, `${def.title}：“${sp.title}”尚未填写`);
  } else if (blank(c.narrative)) {
    err("narrative", `${def.title}：正文尚未填写`);
  }
  for (const input of def.inputs) {
    const v = c.values[input.key];
    if (input.required && (v === null || v === undefined)) err(`value-${input.key}`, `${def.title}：数据“${input.label}”尚未填写`);
  }
  for (const check of def.checks) {
    const r = computed.checks[check.key];
    if (r && r.ok === false) err(`check-${check.key}`, `${def.title}：${r.message}`);
  }
  return out;
}

/** A table section lists at most this many row findings, then one line for the rest: a 2,000-school table with a
 *  missing column must not bury the rest of the precheck. */
const TABLE_FINDINGS_MAX = 20;

function schoolTableFindings(def: SectionDef, result: SchoolTableResult): Finding[] {
  const rows: Finding[] = [];
  const push = (field: string, message: string) => rows.push({ sectionKey: def.key, field: fieldId(def.key, field), message: `${def.title}：${message}`, severity: "error" });
  for (const issue of result.issues) push(issue.index === null ? "rows" : `rows-${issue.index}`, issue.message);
  for (const s of result.schools) if (s.status === "incomplete") push(`rows-${s.index}`, `第 ${s.index + 1} 行「${s.name}」${s.reason}`);
  if (rows.length <= TABLE_FINDINGS_MAX) return rows;
  const rest = rows.length - TABLE_FINDINGS_MAX;
  return [...rows.slice(0, TABLE_FINDINGS_MAX), { ...rows[0], field: fieldId(def.key, "rows"), message: `${def.title}：另有 ${rest} 处数据问题，请补全后再检查` }];
}

const EFFECT_TEXT = { zeroScore: "自评总得分计为 0 分", capGrade: "等次最高评定为", setGrade: "等次评定为" } as const;

function vetoFindings(def: SectionDef, c: TVetoContent, scheme: TScheme): Finding[] {
  const grades = new Map((scheme.scoring?.grades ?? []).map((g) => [g.key, g.label]));
  return (def.vetoes ?? []).flatMap((v): Finding[] => {
    const status = vetoStatus(c.answers[v.key]);
    const field = fieldId(def.key, `veto-${v.key}`);
    if (status === "unanswered") return [{ sectionKey: def.key, field, message: `一票否决事项“${v.question}”尚未作答`, severity: "error" }];
    if (status === "triggered" && v.effect !== "block") {
      // An item that lowers the result instead of vetoing it: the report can be submitted, the result says it.
      const effect = v.effect === "zeroScore" ? EFFECT_TEXT.zeroScore : `${EFFECT_TEXT[v.effect]}“${grades.get(v.grade ?? "") ?? v.grade}”`;
      return [{ sectionKey: def.key, field, message: `“${v.question}”回答为“是”：按方案规定，${effect}`, severity: "warning" }];
    }
    if (status === "triggered") {
      const message = `一票否决事项“${v.question}”回答为“是”：存在否决情形，不能通过评估认定。如确属误选，请改为“否”并说明情况`;
      return [{ sectionKey: def.key, field, message, severity: "error" }];
    }
    return [];
  });
}

function problemFindings(def: SectionDef, c: TProblemsContent, scheme: TScheme, computed: ComputedFigures, tables: Record<string, SchoolTableResult>): Finding[] {
  const out: Finding[] = [];
  const covered = new Set(c.items.map((p) => p.indicatorKey).filter(Boolean));
  for (const table of scheme.tables) {
    const result = tables[table.key];
    if (!result) continue;
    for (const failure of tableFailures(table, result)) {
      if (covered.has(failure.key)) continue;
      out.push({
        sectionKey: def.key,
        field: fieldId(def.key, `unmet-${failure.key}`),
        message: `${failure.message}，须在“${def.title}”中列为问题并提出措施`,
        severity: "error",
      });
    }
  }
  for (const section of sectionsOf(scheme)) {
    for (const ind of section.indicators) {
      const r = computed.indicators[ind.key];
      if (r?.status === "unmet" && !covered.has(ind.key)) {
        out.push({
          sectionKey: def.key,
          field: fieldId(def.key, `unmet-${ind.key}`),
          message: `“${ind.label}”为 ${r.display}，未达到目标，须在“${def.title}”中列为问题并提出措施`,
          severity: "error",
        });
      }
    }
  }
  c.items.forEach((p, i) => {
    const name = `问题${i + 1}“${p.title || "（未命名）"}”`;
    const field = (f: string) => fieldId(def.key, `items-${i}-${f}`);
    if (blank(p.title)) out.push({ sectionKey: def.key, field: field("title"), message: `问题${i + 1}尚未填写问题内容`, severity: "error" });
    if (!p.measures.length) out.push({ sectionKey: def.key, field: field("measures"), message: `${name}还没有整改措施`, severity: "error" });
    p.measures.forEach((m, j) => {
      if (blank(m.text)) out.push({ sectionKey: def.key, field: field(`measures-${j}-text`), message: `${name}的措施${j + 1}尚未填写内容`, severity: "error" });
      if (blank(m.leadUnit)) out.push({ sectionKey: def.key, field: field(`measures-${j}-leadUnit`), message: `${name}的措施${j + 1}缺少牵头单位`, severity: "error" });
      if (blank(m.deadline)) out.push({ sectionKey: def.key, field: field(`measures-${j}-deadline`), message: `${name}的措施${j + 1}缺少完成时限`, severity: "error" });
    });
  });
  return out;
}

function contentOf<T extends SectionContent>(def: SectionDef, contents: SectionContents): T {
  return (contents[def.key] ?? emptyContent[def.kind]()) as T;
}

/** `prose: false` skips the prose heuristics (warnings only) — the server's per-save bookkeeping needs only the
 *  completeness and the blocking findings, and the heuristics are the costly part. */
export function reportState(scheme: TScheme, contents: SectionContents, options: { prose?: boolean } = {}): ReportState {
  const { defs, values, computed, tables, scores, results } = evaluateReport(scheme, contents);
  const sections = defs.map((def): SectionState => {
    let findings: Finding[] = [];
    let complete: boolean;
    if (def.kind === "schoolTable") {
      const result = def.table ? tables[def.table.key] : undefined;
      findings = result ? schoolTableFindings(def, result) : [];
      complete = findings.length === 0;
    } else if (def.kind === "veto") {
      findings = vetoFindings(def, contentOf<TVetoContent>(def, contents), scheme);
      complete = findings.every((f) => f.severity !== "error");
    } else if (def.kind === "meta") {
      const c = contentOf<TMetaContent>(def, contents);
      if (blank(c.title)) findings.push({ sectionKey: def.key, field: fieldId(def.key, "title"), message: "报告标题尚未填写", severity: "error" });
      if (blank(c.issuer)) findings.push({ sectionKey: def.key, field: fieldId(def.key, "issuer"), message: "发文机关尚未填写", severity: "error" });
      complete = findings.length === 0;
    } else if (def.kind === "problems") {
      const c = contentOf<TProblemsContent>(def, contents);
      findings = problemFindings(def, c, scheme, computed, tables);
      complete = c.items.length > 0 && findings.length === 0;
    } else if (def.kind === "nextSteps") {
      const c = contentOf<TNextStepsContent>(def, contents);
      complete = !blank(c.intro) || c.items.length > 0;
      if (!complete) findings.push({ sectionKey: def.key, field: fieldId(def.key, "intro"), message: `${def.title}尚未填写`, severity: "error" });
      c.commitments.forEach((cm, i) => {
        if (blank(cm.answer)) findings.push({ sectionKey: def.key, field: fieldId(def.key, `commitments-${i}-answer`), message: `上年承诺 ${i + 1} 尚未说明落实情况`, severity: "error" });
      });
      complete = complete && findings.length === 0;
    } else {
      const c = contentOf<TNarrativeContent>(def, contents);
      findings = [...narrativeFindings(def, c, computed), ...scoreFindings(def, c, scheme, scores)];
      complete = findings.length === 0;
      const texts = [{ field: "narrative", text: c.narrative }, ...Object.entries(c.subpoints).map(([code, text]) => ({ field: `sub-${code}`, text }))];
      if (options.prose ?? true) findings.push(...proseFindings(def, texts, scheme, computed, values));
    }
    return { key: def.key, complete, findings };
  });
  const done = sections.filter((s) => s.complete).length;
  return {
    sections,
    completeness: Math.round((done / sections.length) * 100),
    findings: sections.flatMap((s) => s.findings),
    errors: sections.reduce((n, s) => n + s.findings.filter((f) => f.severity === "error").length, 0),
    computed,
    tables,
    scores,
    results,
  };
}
