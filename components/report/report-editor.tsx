"use client";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { Outline, PRECHECK_KEY } from "@/components/report/outline";
import { PrecheckPanel } from "@/components/report/precheck-panel";
import { MetaForm } from "@/components/report/meta-form";
import { NarrativeForm } from "@/components/report/narrative-form";
import { ProblemsForm } from "@/components/report/problems-form";
import { NextStepsForm } from "@/components/report/next-steps-form";
import { SchoolTableForm } from "@/components/report/school-table-form";
import { VetoForm } from "@/components/report/veto-form";
import { CommentsPanel } from "@/components/report/comments-panel";
import { ScoreSheetPanel } from "@/components/report/score-sheet";
import type { EvidenceItem } from "@/components/report/evidence-panel";
import type { FigureOption } from "@/components/report/figure-picker";
import { FigureContext } from "@/components/report/figure-context";
import { createFigureStore } from "@/components/report/figure-store";
import type { ReviewContext } from "@/components/report/explanation-box";
import { emptyContent, type SectionContent } from "@/lib/report/content";
import { figureWords } from "@/lib/report/figure-words";
import type { TExplanationReviews } from "@/lib/report/explanations";
import { figurePrinter } from "@/lib/report/figures";
import { allValues, reportState, type Finding, type SectionContents } from "@/lib/report/precheck";
import { sectionsOf, type SectionDef } from "@/lib/report/sections";
import { openThreadCounts, type CommentThreadView } from "@/lib/review/comments";
import type { TScheme } from "@/lib/template/schema";

const noSubscription = () => () => {};

export type EditorProps = {
  reportId: string;
  scheme: TScheme;
  readOnly: boolean;
  initial: Record<string, { version: number; content: SectionContent }>;
  evidence: EvidenceItem[];
  initialSection?: string;
  /** Comment threads of the whole report; each comment action answers with the current list. */
  comments: CommentThreadView[];
  /** Reviewers comment on a report they only read; `readOnly` is about the content, not the comments. */
  canComment: boolean;
  /** County users answer reviewers' threads (已修改 / 说明理由) while the report is theirs to edit. */
  canAnswer?: boolean;
  /** The reader is a reviewer (only reviewers resolve reviewers' threads). */
  reviewer?: boolean;
  /** Reviewers' decisions on 情况说明 (Report.explanationReviews). */
  reviews?: TExplanationReviews;
  /** The signed-in reviewer's level is the pending one: they accept or reject explanations. */
  canReviewExplanations?: boolean;
  /** Findings about what the report page shows outside the sections (上年整改事项), with their group headings;
   *  they count in 提交前检查 and jump to the element whose id is the finding's field. */
  external?: { findings: Finding[]; titles: Record<string, string> };
  /** Set for a contributor (部门填报人): only these sections are editable; the others show read-only. */
  editableKeys?: string[];
};

/** What 插入数据 offers: each section's computed indicators and typed inputs, minus inputs an indicator merely
 *  repeats (小学生均公用经费执行标准 is shown as the indicator 小学生均公用经费 with its target). */
function figureOptions(sections: SectionDef[]): FigureOption[] {
  return sections.flatMap((s) => {
    const mirrored = new Set(s.indicators.filter((i) => i.formula.op === "value").map((i) => (i.formula as { of: string }).of));
    return [
      ...s.indicators.map((f): FigureOption => ({ key: f.key, label: f.label, kind: "indicator", group: s.heading, aliases: f.aliases })),
      ...s.inputs.filter((f) => !mirrored.has(f.key)).map((f): FigureOption => ({ key: f.key, label: f.label, kind: "input", group: s.heading, aliases: f.aliases })),
    ];
  });
}

export function ReportEditor({ reportId, scheme, readOnly, initial, evidence, initialSection, comments, canComment, canAnswer = false, reviewer = false, reviews: initialReviews = {}, canReviewExplanations = false, external, editableKeys }: EditorProps) {
  const sections = useMemo(() => sectionsOf(scheme), [scheme]);
  const [contents, setContents] = useState<SectionContents>(() => Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, v.content])));
  const [versions, setVersions] = useState<Record<string, number>>(() => Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, v.version])));
  const [active, setActive] = useState(() =>
    initialSection && (initialSection === PRECHECK_KEY || sections.some((s) => s.key === initialSection)) ? initialSection : sections[0].key,
  );
  // The prose heuristics (warnings only) are the costly part of the check: run them in the browser, not while the
  // server renders the page. useSyncExternalStore keeps the first client render equal to the server's.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const [reviews, setReviews] = useState(initialReviews);
  const externalFindings = external?.findings;
  const state = useMemo(
    () => reportState(scheme, contents, { prose: inBrowser, reviews, external: externalFindings }),
    [scheme, contents, inBrowser, reviews, externalFindings],
  );
  const [threads, setThreads] = useState(comments);
  const openComments = useMemo(() => openThreadCounts(threads), [threads]);
  // The figures the chips print are those the precheck computed (lib/report/evaluate.ts, stated results included).
  const figures = useMemo(() => ({ values: allValues(contents), computed: state.computed }), [contents, state.computed]);
  const [store] = useState(() => createFigureStore(figurePrinter(scheme, figures.computed, figures.values)));
  useEffect(() => store.set(figurePrinter(scheme, figures.computed, figures.values)), [store, scheme, figures]);
  const options = useMemo(() => figureOptions(sections), [sections]);
  const figureContext = useMemo(() => ({ store, options, words: figureWords(scheme, figures) }), [store, options, scheme, figures]);
  const review: ReviewContext = useMemo(() => ({ reportId, canReview: canReviewExplanations, onReviews: setReviews }), [reportId, canReviewExplanations]);

  const select = useCallback((key: string, focus?: string) => {
    setActive(key);
    const url = new URL(window.location.href);
    url.searchParams.set("s", key);
    window.history.replaceState(null, "", url);
    window.scrollTo({ top: 0 });
    if (focus) {
      setTimeout(() => {
        const el = document.getElementById(focus);
        el?.scrollIntoView({ block: "center" });
        (el as HTMLElement | null)?.focus?.();
      }, 50);
    }
  }, []);

  // Outside the sections (the 上年整改事项 panel above the editor): scroll to it and focus it.
  const goTo = useCallback((id: string) => {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: "center" });
    el?.focus();
  }, []);

  const onChange = useCallback((key: string, content: SectionContent) => setContents((c) => ({ ...c, [key]: content })), []);
  const onSaved = useCallback((key: string, version: number, content: SectionContent) => {
    setVersions((v) => ({ ...v, [key]: version }));
    setContents((c) => ({ ...c, [key]: content }));
  }, []);

  const def = sections.find((s) => s.key === active);
  const common = def && {
    key: def.key,
    reportId,
    sectionKey: def.key,
    kind: def.kind,
    version: versions[def.key] ?? 0,
    content: contents[def.key] ?? emptyContent[def.kind](),
    readOnly: readOnly || (editableKeys !== undefined && !editableKeys.includes(def.key)),
    onChange,
    onSaved,
    def,
    findings: state.sections.find((st) => st.key === def.key)?.findings ?? [],
    review,
  };

  // Three columns from xl (outline · form · comments); below that the comments follow the form.
  return (
    <FigureContext.Provider value={figureContext}>
    <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_17rem] xl:gap-4">
      <aside className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <Outline sections={sections} state={state} openComments={openComments} active={active} onSelect={(k) => select(k)} />
      </aside>
      <div className={`min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm lg:p-8 xl:p-6 ${common ? "" : "xl:col-span-2"}`}>
        {active === PRECHECK_KEY || !common ? (
          <div className="space-y-6">
            <ScoreSheetPanel scheme={scheme} sheet={state.scores} results={state.results} onGo={(k) => select(k)} />
            <PrecheckPanel
              findings={state.findings}
              sections={sections}
              titles={external?.titles}
              onGo={(f: Finding) => (sections.some((s) => s.key === f.sectionKey) ? select(f.sectionKey, f.field) : goTo(f.field))}
            />
          </div>
        ) : common.kind === "meta" ? (
          <MetaForm {...common} />
        ) : common.kind === "problems" ? (
          <ProblemsForm {...common} sections={sections} computed={state.computed} />
        ) : common.kind === "nextSteps" ? (
          <NextStepsForm {...common} />
        ) : common.kind === "veto" ? (
          <VetoForm {...common} />
        ) : common.kind === "schoolTable" ? (
          <SchoolTableForm {...common} result={common.def.table ? state.tables[common.def.table.key] : undefined} />
        ) : (
          <div className="space-y-6">
            {common.def.partKind === "selfScore" ? <ScoreSheetPanel scheme={scheme} sheet={state.scores} results={state.results} onGo={(k) => select(k)} /> : null}
            <NarrativeForm {...common} scheme={scheme} computed={state.computed} evidence={common.def.criterion ? evidence : null} scores={state.scores} />
          </div>
        )}
      </div>
      {common ? (
        <aside aria-label="本部分评论" className="min-w-0 lg:col-start-2 xl:sticky xl:top-4 xl:col-start-3 xl:row-start-1 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
          <CommentsPanel
            key={common.def.key}
            reportId={reportId}
            def={common.def}
            threads={threads.filter((t) => t.sectionKey === common.def.key)}
            canComment={canComment}
            canAnswer={canAnswer}
            reviewer={reviewer}
            onThreads={setThreads}
          />
        </aside>
      ) : null}
    </div>
    </FigureContext.Provider>
  );
}
