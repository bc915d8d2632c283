// 提交前检查 and completeness, computed from the scheme and the saved sections. Pure: the editor runs it in the
// browser as the clerk types, the server runs it on every save (to keep the report list's figures current) and
// before a submission.
import { findProseConflicts, FIGURE_PLACEHOLDER } from "@/lib/report/prose-conflicts";
import { figureIndex } from "@/lib/template/lookup";
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
import { figureKeysIn, isRichEmpty, richToPlain, type TRichText } from "@/lib/report/rich-text";
import { inputsFreedByStated } from "@/lib/report/stated";
import { checkTarget, explanationOf, stillBlocks, unmetTarget, type Explanation, type TExplanationReviews } from "@/lib/report/explanations";
import { warningId } from "@/lib/report/dismissals";
import type { TDismissed, TExplanations } from "@/lib/report/content-extras";

export type Finding = {
  sectionKey: string;
  /** DOM id of the field to jump to (see components/report). */
  field: string;
  message: string;
  /** error blocks submission; warning asks to check the prose; explained is a blocker answered by a 情况说明
   *  (lib/report/explanations.ts); dismissed is a warning the county dismissed (lib/report/dismissals.ts). */
  severity: "error" | "warning" | "explained" | "dismissed";
  /** A blocker that may be answered with a 情况说明 instead of a change, and its answer so far. */
  explain?: Explanation;
  /** A prose warning that may be dismissed: its stable id and, once dismissed, the reason given. */
  dismiss?: { id: string; reason: string | null };
};

/** Findings that still ask for something: blockers and prose warnings not dismissed. */
export const isOpenFinding = (f: Finding): boolean => f.severity === "error" || f.severity === "warning";

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

/** Numbers in the prose that contradict the data, and 达标 claims for unmet indicators: warnings, not blockers.
 *  Each can be dismissed (c.dismissed); figures cited as chips are the data and are not read as typed numbers. */
function proseFindings(
  def: SectionDef,
  texts: { field: string; doc: TRichText }[],
  dismissed: TDismissed,
  scheme: TScheme,
  computed: ComputedFigures,
  values: FigureValues,
): Finding[] {
  const known = figureIndex(scheme);
  return texts.flatMap(({ field, doc }) => {
    const conflicts = findProseConflicts(richToPlain(doc, () => FIGURE_PLACEHOLDER), scheme, computed, values);
    for (const key of figureKeysIn(doc)) {
      if (!known.has(key)) conflicts.push({ kind: "unknown-figure", key, excerpt: key, message: `引用了不存在的数据「${key}」` });
    }
    return conflicts.map((c): Finding => {
      const id = warningId(field, c.kind, c.key, c.excerpt);
      const reason = dismissed[id]?.reason ?? null;
      return {
        sectionKey: def.key,
        field: fieldId(def.key, field),
        message: `${def.title}：${c.message}`,
        severity: dismissed[id] ? "dismissed" : "warning",
        dismiss: { id, reason },
      };
    });
  });
}

/** A blocker answered (or not) by the 情况说明 stored in `holder` under `target`. */
function explainable(finding: Finding, explanations: TExplanations | undefined, holder: string, target: string, reviews: TExplanationReviews): Finding {
  const explain = explanationOf(explanations, holder, target, reviews);
  return { ...finding, explain, severity: stillBlocks(explain) ? "error" : "explained" };
}

function narrativeFindings(def: SectionDef, c: TNarrativeContent, computed: ComputedFigures, freed: Set<string>, reviews: TExplanationReviews): Finding[] {
  const out: Finding[] = [];
  const err = (field: string, message: string, severity: Finding["severity"] = "error") =>
    out.push({ sectionKey: def.key, field: fieldId(def.key, field), message, severity });
  const subpoints = def.criterion?.subpoints ?? [];
  if (subpoints.length) {
    for (const sp of subpoints) if (isRichEmpty(c.subpoints[sp.code])) err(`sub-${sp.code}`, `${def.title}：“${sp.title}”尚未填写`);
  } else if (isRichEmpty(c.narrative)) {
    err("narrative", `${def.title}：正文尚未填写`);
  }
  for (const input of def.inputs) {
    const v = c.values[input.key];
    // An input that only feeds indicators entered as stated results (lib/report/stated.ts) need not be filled.
    if (input.required && (v === null || v === undefined) && !freed.has(input.key)) err(`value-${input.key}`, `${def.title}：数据“${input.label}”尚未填写`);
  }
  for (const [key, s] of Object.entries(c.stated)) {
    const ind = def.indicators.find((i) => i.key === key);
    if (ind && blank(s.source)) err(`stated-${key}-source`, `${def.title}：直接填写的“${ind.label}”须注明来源（如：县财政局）`);
  }
  for (const check of def.checks) {
    const r = computed.checks[check.key];
    if (r && r.ok === false) {
      const finding: Finding = { sectionKey: def.key, field: fieldId(def.key, `check-${check.key}`), message: `${def.title}：${r.message}`, severity: "error" };
      out.push(explainable(finding, c.explanations, def.key, checkTarget(check.key), reviews));
    }
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

function problemFindings(
  def: SectionDef,
  c: TProblemsContent,
  scheme: TScheme,
  computed: ComputedFigures,
  tables: Record<string, SchoolTableResult>,
  reviews: TExplanationReviews,
): Finding[] {
  const out: Finding[] = [];
  const covered = new Set(c.items.map((p) => p.indicatorKey).filter(Boolean));
  // An unmet target is listed as a problem with measures, or answered with a 情况说明 (lib/report/explanations.ts).
  const unmet = (key: string, message: string) => {
    const finding: Finding = { sectionKey: def.key, field: fieldId(def.key, `unmet-${key}`), message, severity: "error" };
    out.push(explainable(finding, c.explanations, def.key, unmetTarget(key), reviews));
  };
  for (const table of scheme.tables) {
    const result = tables[table.key];
    if (!result) continue;
    for (const failure of tableFailures(table, result)) {
      if (covered.has(failure.key)) continue;
      unmet(failure.key, `${failure.message}，须在“${def.title}”中列为问题并提出措施，或作出情况说明`);
    }
  }
  for (const section of sectionsOf(scheme)) {
    for (const ind of section.indicators) {
      const r = computed.indicators[ind.key];
      if (r?.status === "unmet" && !covered.has(ind.key)) {
        unmet(ind.key, `“${ind.label}”为 ${r.display}，未达到目标，须在“${def.title}”中列为问题并提出措施，或作出情况说明`);
      }
    }
  }
  c.items.forEach((p, i) => {
    const name = `问题${i + 1}“${p.title || "（未命名）"}”`;
    const field = (f: string) => fieldId(def.key, `items-${i}-${f}`);
    if (blank(p.title)) out.push({ sectionKey: def.key, field: field("title"), message: `问题${i + 1}尚未填写问题内容`, severity: "error" });
    if (!p.measures.length) out.push({ sectionKey: def.key, field: field("measures"), message: `${name}还没有整改措施`, severity: "error" });
    p.measures.forEach((m, j) => {
      if (isRichEmpty(m.text)) out.push({ sectionKey: def.key, field: field(`measures-${j}-text`), message: `${name}的措施${j + 1}尚未填写内容`, severity: "error" });
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
 *  completeness and the blocking findings, and the heuristics are the costly part. `reviews`: the reviewers'
 *  decisions on 情况说明 (Report.explanationReviews); a rejected explanation blocks again. `external`: findings
 *  about things kept outside the report's sections (the 上年整改事项 checklist, lib/review/ledger), listed first and
 *  counted like the others; they do not change the completeness, which is about the sections. */
export function reportState(
  scheme: TScheme,
  contents: SectionContents,
  options: { prose?: boolean; reviews?: TExplanationReviews; external?: Finding[] } = {},
): ReportState {
  const { defs, values, stated, computed, tables, scores, results } = evaluateReport(scheme, contents);
  const freed = inputsFreedByStated(scheme, stated);
  const reviews = options.reviews ?? {};
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
      findings = problemFindings(def, c, scheme, computed, tables, reviews);
      complete = c.items.length > 0 && findings.every((f) => f.severity === "explained");
    } else if (def.kind === "nextSteps") {
      const c = contentOf<TNextStepsContent>(def, contents);
      complete = !isRichEmpty(c.intro) || c.items.length > 0;
      if (!complete) findings.push({ sectionKey: def.key, field: fieldId(def.key, "intro"), message: `${def.title}尚未填写`, severity: "error" });
      c.commitments.forEach((cm, i) => {
        if (isRichEmpty(cm.answer)) findings.push({ sectionKey: def.key, field: fieldId(def.key, `commitments-${i}-answer`), message: `上年承诺 ${i + 1} 尚未说明落实情况`, severity: "error" });
      });
      complete = complete && findings.length === 0;
    } else {
      const c = contentOf<TNarrativeContent>(def, contents);
      // Complete when nothing is left but blockers answered with a 情况说明.
      findings = [...narrativeFindings(def, c, computed, freed, reviews), ...scoreFindings(def, c, scheme, scores)];
      complete = findings.every((f) => f.severity === "explained");
      const texts = [{ field: "narrative", doc: c.narrative }, ...Object.entries(c.subpoints).map(([code, doc]) => ({ field: `sub-${code}`, doc }))];
      if (options.prose ?? true) findings.push(...proseFindings(def, texts, c.dismissed, scheme, computed, values));
    }
    return { key: def.key, complete, findings };
  });
  const done = sections.filter((s) => s.complete).length;
  const external = options.external ?? [];
  return {
    sections,
    completeness: Math.round((done / sections.length) * 100),
    findings: [...external, ...sections.flatMap((s) => s.findings)],
    errors: [...external, ...sections.flatMap((s) => s.findings)].filter((f) => f.severity === "error").length,
    computed,
    tables,
    scores,
    results,
  };
}
