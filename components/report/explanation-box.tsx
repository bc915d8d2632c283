"use client";
// A blocker answered with a 情况说明 instead of a changed figure (lib/report/explanations.ts). The county writes or
// revises it here; the reviewer of the pending level sees it highlighted and accepts it, or rejects it with a
// comment, which reopens the blocker for the county.
import { useId, useState } from "react";
import { reviewExplanationAction } from "@/app/(app)/reports/[reportId]/workflow-actions";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/form-errors";
import { EXPLAIN_LABELS, type Explanation, type TExplanationReviews } from "@/lib/report/explanations";
import { EXPLANATION_MAX } from "@/lib/report/content-extras";
import { formatDateTime } from "@/lib/dates";

export type ReviewContext = {
  reportId: string;
  /** The signed-in reviewer decides on explanations now (their level is pending). */
  canReview: boolean;
  onReviews: (reviews: TExplanationReviews) => void;
};

const TONE = {
  open: "border-red-200 bg-red-50 text-red-900",
  explained: "border-amber-300 bg-amber-50 text-amber-900",
  accepted: "border-emerald-200 bg-emerald-50 text-emerald-900",
  rejected: "border-red-300 bg-red-50 text-red-900",
} as const;

export function ExplanationBox({
  id,
  problem,
  explain,
  text,
  readOnly,
  review,
  onText,
  children,
}: {
  /** DOM id of the box (the precheck's link focuses it). */
  id: string;
  /** The finding, as the precheck words it. */
  problem: string;
  explain: Explanation | undefined;
  /** The explanation as currently in the form. */
  text: string;
  readOnly: boolean;
  review: ReviewContext;
  onText: (text: string) => void;
  /** Other ways out, e.g. 列为问题 for an unmet target. */
  children?: React.ReactNode;
}) {
  const [writing, setWriting] = useState(!!text);
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const state = explain?.state ?? "open";
  const stored = explain?.text ?? null;
  const canReview = review.canReview && !!stored && readOnly;

  async function decide(decision: "accepted" | "rejected") {
    if (!explain) return;
    setBusy(true);
    setError(null);
    const result = await callAction(() => reviewExplanationAction({ reportId: review.reportId, sectionKey: explain.sectionKey, target: explain.target, decision, comment: decision === "rejected" ? comment : "" }));
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.comment?.[0] ?? result.error);
    setRejecting(false);
    setComment("");
    review.onReviews(result.data.reviews);
  }

  return (
    <div id={id} tabIndex={-1} role="group" aria-label={`核对：${problem}`} data-state={state} className={`space-y-2 rounded-md border px-3 py-2 text-sm ${TONE[state]}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 flex-1">
          <span className="mr-2 rounded bg-white/70 px-1.5 py-0.5 text-xs font-medium" data-testid="explain-state">
            {EXPLAIN_LABELS[state]}
          </span>
          {problem}
        </p>
        {!readOnly && !writing ? (
          <span className="flex shrink-0 gap-1">
            {children}
            <Button type="button" variant="secondary" onClick={() => setWriting(true)}>
              写情况说明
            </Button>
          </span>
        ) : !readOnly ? (
          <span className="flex shrink-0 gap-1">{children}</span>
        ) : null}
      </div>
      {explain?.review ? (
        <p className={`rounded bg-white/70 px-2 py-1 text-xs ${explain.review.decision === "rejected" ? "text-red-800" : "text-emerald-800"}`} role={explain.review.decision === "rejected" ? "alert" : undefined}>
          {explain.review.decision === "rejected" ? "督导未接受此说明" : "督导已接受此说明"}（{explain.review.by}，{formatDateTime(explain.review.at, "short")}）
          {explain.review.comment ? `：${explain.review.comment}` : ""}
          {explain.review.decision === "rejected" && !readOnly ? " 请修改数据，或修改说明后重新提交。" : ""}
        </p>
      ) : null}
      {readOnly ? (
        stored ? (
          <p className="rounded-md border-l-4 border-amber-400 bg-white px-3 py-2 leading-6 text-slate-800" aria-label="情况说明">
            <span className="font-medium">情况说明：</span>
            {stored}
          </p>
        ) : null
      ) : writing ? (
        <div className="space-y-1">
          <label htmlFor={fieldId} className="block text-xs font-medium">
            情况说明（说明为什么数据如此、不作修改；将印在 Word 报告中，并由督导审核）
          </label>
          <textarea
            id={fieldId}
            rows={2}
            maxLength={EXPLANATION_MAX}
            value={text}
            onChange={(e) => onText(e.target.value)}
            placeholder="如：4 所九年一贯制学校在总数中计 1 次，在小学、初中中各计 1 次，故分类之和比总数多。"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm leading-6 text-slate-800"
          />
          <p className="text-right text-xs text-slate-500">
            {text.length} / {EXPLANATION_MAX}
          </p>
        </div>
      ) : null}
      {canReview ? (
        rejecting ? (
          <div className="space-y-1">
            <label htmlFor={`${fieldId}-comment`} className="block text-xs font-medium text-slate-700">
              不接受的理由（县区会看到）
            </label>
            <textarea id={`${fieldId}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800" />
            <div className="flex gap-2">
              <Button type="button" variant="danger" busy={busy} onClick={() => void decide("rejected")}>
                确认不接受
              </Button>
              <Button type="button" variant="secondary" onClick={() => setRejecting(false)}>
                取消
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex gap-2">
            <Button type="button" busy={busy} disabled={state === "accepted"} onClick={() => void decide("accepted")}>
              接受说明
            </Button>
            <Button type="button" variant="danger" disabled={state === "rejected"} onClick={() => setRejecting(true)}>
              不接受…
            </Button>
          </div>
        )
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
