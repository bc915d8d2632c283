"use client";
import { isOpenFinding, type ReportState } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";
import { scoreText } from "@/lib/report/scores";

export const PRECHECK_KEY = "__precheck";

/** The report's outline: every section with its completion state, open findings and open comment threads; the
 *  last entry is 提交前检查. */
export function Outline({
  sections,
  state,
  openComments = {},
  active,
  onSelect,
}: {
  sections: SectionDef[];
  state: ReportState;
  /** Open comment threads per section key. */
  openComments?: Record<string, number>;
  active: string;
  onSelect: (key: string) => void;
}) {
  const byKey = new Map(state.sections.map((s) => [s.key, s]));
  return (
    <nav aria-label="报告大纲" className="text-sm">
      <div className="mb-3 px-2">
        <div className="flex items-baseline justify-between">
          <span className="text-xs text-slate-500">完成度</span>
          <span className="font-semibold tabular-nums text-slate-800" data-testid="completeness">
            {state.completeness}%
          </span>
        </div>
        <div className="mt-1 h-1.5 rounded bg-slate-200" aria-hidden>
          <div className="h-1.5 rounded bg-brand-600" style={{ width: `${state.completeness}%` }} />
        </div>
        {state.scores ? (
          <div className="mt-2 flex items-baseline justify-between" data-testid="outline-score">
            <span className="text-xs text-slate-500">自评总分</span>
            <span className="tabular-nums text-slate-800">
              <b>{scoreText(state.scores.total)}</b> / {state.scores.max}
              {state.scores.grade ? <span className="ml-1 rounded bg-brand-50 px-1 text-xs text-brand-800">{state.scores.grade.label}</span> : null}
            </span>
          </div>
        ) : null}
      </div>
      <ol className="space-y-0.5">
        {sections.map((s, i) => {
          const st = byKey.get(s.key);
          // Answered blockers (已说明) and dismissed warnings are not counted: the badge is what still asks for work.
          const open = st ? st.findings.filter(isOpenFinding).length : 0;
          const showPart = s.partKind === "criteria" && sections[i - 1]?.partKind !== "criteria";
          const label = s.heading;
          return (
            <li key={s.key}>
              {showPart ? <p className="mt-2 px-2 pb-1 text-xs font-medium text-slate-500">{s.partHeading}</p> : null}
              <button
                type="button"
                onClick={() => onSelect(s.key)}
                aria-current={active === s.key ? "page" : undefined}
                className={`flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left ${active === s.key ? "bg-brand-50 font-medium text-brand-800" : "text-slate-700 hover:bg-slate-100"} ${s.partKind === "criteria" ? "pl-4" : ""}`}
              >
                <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${st?.complete ? "bg-emerald-500" : "border border-slate-300"}`} />
                <span className="min-w-0 flex-1 leading-5">{label}</span>
                {open ? (
                  <span className="shrink-0 rounded bg-amber-100 px-1.5 text-xs text-amber-800" title="待处理问题">
                    {open}
                  </span>
                ) : null}
                {openComments[s.key] ? (
                  <span className="inline-flex shrink-0 items-center gap-0.5 rounded-full bg-violet-100 px-1.5 text-xs text-violet-800" title="未解决的评论" data-testid="comment-badge">
                    <svg aria-hidden viewBox="0 0 16 16" className="h-3 w-3 fill-current">
                      <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" />
                    </svg>
                    {openComments[s.key]}
                    <span className="sr-only"> 条未解决评论</span>
                  </span>
                ) : null}
                <span className="sr-only">{st?.complete ? "（已完成）" : "（未完成）"}</span>
              </button>
            </li>
          );
        })}
        <li className="mt-3 border-t border-slate-200 pt-2">
          <button
            type="button"
            onClick={() => onSelect(PRECHECK_KEY)}
            aria-current={active === PRECHECK_KEY ? "page" : undefined}
            className={`flex w-full items-center justify-between rounded-md px-2 py-1.5 text-left ${active === PRECHECK_KEY ? "bg-brand-50 font-medium text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
          >
            提交前检查
            <span className={`rounded px-1.5 text-xs ${state.errors ? "bg-amber-100 text-amber-800" : "bg-emerald-100 text-emerald-800"}`}>
              {state.errors ? `${state.errors} 项` : "通过"}
            </span>
          </button>
        </li>
      </ol>
    </nav>
  );
}
