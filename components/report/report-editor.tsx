"use client";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
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
import type { FigureOption } from "@/components/report/narrative-field";
import { emptyContent, type SectionContent } from "@/lib/report/content";
import { renderFigureRefs } from "@/lib/report/figures";
import { allValues, reportState, type Finding, type SectionContents } from "@/lib/report/precheck";
import { sectionsOf } from "@/lib/report/sections";
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
};

export function ReportEditor({ reportId, scheme, readOnly, initial, evidence, initialSection, comments, canComment, canAnswer = false, reviewer = false }: EditorProps) {
  const sections = useMemo(() => sectionsOf(scheme), [scheme]);
  const [contents, setContents] = useState<SectionContents>(() => Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, v.content])));
  const [versions, setVersions] = useState<Record<string, number>>(() => Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, v.version])));
  const [active, setActive] = useState(() =>
    initialSection && (initialSection === PRECHECK_KEY || sections.some((s) => s.key === initialSection)) ? initialSection : sections[0].key,
  );
  // The prose heuristics (warnings only) are the costly part of the check: run them in the browser, not while the
  // server renders the page. useSyncExternalStore keeps the first client render equal to the server's.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const state = useMemo(() => reportState(scheme, contents, { prose: inBrowser }), [scheme, contents, inBrowser]);
  const [threads, setThreads] = useState(comments);
  const openComments = useMemo(() => openThreadCounts(threads), [threads]);
  const values = useMemo(() => allValues(contents), [contents]);
  const render = useCallback((text: string) => renderFigureRefs(text, scheme, state.computed, values), [scheme, state.computed, values]);
  const figures: FigureOption[] = useMemo(
    () => sections.flatMap((s) => [...s.indicators, ...s.inputs].map((f) => ({ key: f.key, label: `${f.label}（${s.title}）` }))),
    [sections],
  );

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
    readOnly,
    onChange,
    onSaved,
    def,
  };

  // Three columns from xl (outline · form · comments); below that the comments follow the form.
  return (
    <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_17rem] xl:gap-4">
      <aside className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <Outline sections={sections} state={state} openComments={openComments} active={active} onSelect={(k) => select(k)} />
      </aside>
      <div className={`min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm lg:p-8 xl:p-6 ${common ? "" : "xl:col-span-2"}`}>
        {active === PRECHECK_KEY || !common ? (
          <div className="space-y-6">
            <ScoreSheetPanel scheme={scheme} sheet={state.scores} results={state.results} onGo={(k) => select(k)} />
            <PrecheckPanel findings={state.findings} sections={sections} onGo={(f: Finding) => select(f.sectionKey, f.field)} />
          </div>
        ) : common.kind === "meta" ? (
          <MetaForm {...common} figures={figures} render={render} />
        ) : common.kind === "problems" ? (
          <ProblemsForm {...common} sections={sections} computed={state.computed} />
        ) : common.kind === "nextSteps" ? (
          <NextStepsForm {...common} figures={figures} render={render} />
        ) : common.kind === "veto" ? (
          <VetoForm {...common} />
        ) : common.kind === "schoolTable" ? (
          <SchoolTableForm {...common} result={common.def.table ? state.tables[common.def.table.key] : undefined} />
        ) : (
          <div className="space-y-6">
            {common.def.partKind === "selfScore" ? <ScoreSheetPanel scheme={scheme} sheet={state.scores} results={state.results} onGo={(k) => select(k)} /> : null}
            <NarrativeForm {...common} scheme={scheme} computed={state.computed} figures={figures} render={render} evidence={common.def.criterion ? evidence : null} scores={state.scores} />
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
  );
}
