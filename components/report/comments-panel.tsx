"use client";
import { useMemo } from "react";
import { addCommentAction } from "@/app/(app)/reports/[reportId]/comment-actions";
import { CommentForm } from "@/components/report/comment-form";
import { CommentThread } from "@/components/report/comment-thread";
import { callAction } from "@/components/ui/form-errors";
import { fieldId } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";
import { commentAnchors } from "@/lib/review/comments";
import type { CommentThreadView } from "@/lib/review/comments";

const SAFE = /^[A-Za-z0-9_-]+$/;

/** The editor element a thread is anchored to: indicators are rows marked with their key, other fields carry ids. */
function anchorSelector(sectionKey: string, anchor: string): string | null {
  if (!SAFE.test(anchor)) return null;
  return anchor.startsWith("indicator-") ? `[data-testid="${anchor}"]` : `[id="${fieldId(sectionKey, anchor)}"]`;
}

function locate(sectionKey: string, anchor: string) {
  const selector = anchorSelector(sectionKey, anchor);
  const el = selector ? document.querySelector<HTMLElement>(selector) : null;
  el?.scrollIntoView({ block: "center", behavior: "smooth" });
  el?.focus({ preventScroll: true });
}

/** Comment threads of one section, beside its form: open ones first, resolved ones folded away, and a form to
 *  start a thread on the whole section or one of its fields. Fields with open threads are outlined in the form. */
export function CommentsPanel({
  reportId,
  def,
  threads,
  canComment,
  canAnswer = false,
  reviewer = false,
  onThreads,
}: {
  reportId: string;
  def: SectionDef;
  threads: CommentThreadView[];
  canComment: boolean;
  canAnswer?: boolean;
  reviewer?: boolean;
  onThreads: (threads: CommentThreadView[]) => void;
}) {
  const anchors = useMemo(() => commentAnchors(def), [def]);
  const open = threads.filter((t) => t.status === "open");
  const resolved = threads.filter((t) => t.status === "resolved");
  // Outlines the commented fields without touching the forms that render them; selectors are built from
  // validated keys only (SAFE), so no text of a comment can reach the stylesheet.
  const marks = open
    .map((t) => (t.anchor ? anchorSelector(def.key, t.anchor) : null))
    .filter((s): s is string => !!s)
    .map((s) => `${s}{outline:2px solid #a78bfa;outline-offset:3px;border-radius:4px}`)
    .join("");
  const thread = (t: CommentThreadView) => (
    <li key={t.id}>
      <CommentThread thread={t} canComment={canComment} canAnswer={canAnswer} reviewer={reviewer} onThreads={onThreads} onLocate={t.anchor ? () => locate(def.key, t.anchor!) : undefined} />
    </li>
  );
  return (
    <section aria-labelledby="comments-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {marks ? <style>{marks}</style> : null}
      <h2 id="comments-heading" className="flex items-baseline justify-between text-sm font-semibold text-slate-800">
        评论
        <span className="text-xs font-normal text-slate-500">{open.length ? `${open.length} 条未解决` : "无未解决"}</span>
      </h2>
      {open.length ? (
        <ul aria-label="未解决的评论" className="space-y-2">
          {open.map(thread)}
        </ul>
      ) : (
        <p className="text-xs text-slate-500">本部分暂无未解决的评论。</p>
      )}
      {resolved.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer select-none text-xs text-slate-600">已解决（{resolved.length}）</summary>
          <ul aria-label="已解决的评论" className="mt-2 space-y-2">
            {resolved.map(thread)}
          </ul>
        </details>
      ) : null}
      {canComment ? (
        <div className="border-t border-slate-100 pt-3">
          <CommentForm
            key={def.key}
            id="new-comment"
            label="发表评论"
            submitLabel="发表评论"
            anchors={anchors}
            onSubmit={async ({ anchor, body }) => {
              const result = await callAction(() => addCommentAction({ reportId, sectionKey: def.key, anchor: anchor || null, body }));
              if (result.ok) onThreads(result.data.threads);
              return result;
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
