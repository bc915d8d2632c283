"use client";
import { useState } from "react";
import { reopenCommentAction, replyCommentAction, resolveCommentAction } from "@/app/(app)/reports/[reportId]/comment-actions";
import { answerThreadAction } from "@/app/(app)/reports/[reportId]/workflow-actions";
import { markFindingAction } from "@/app/(app)/reports/[reportId]/verification-actions";
import { CommentForm } from "@/components/report/comment-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/form-errors";
import type { ActionResult } from "@/lib/errors";
import { isReviewerRole, mayResolveThread, type CommentThreadView, type CommentView } from "@/lib/review/comments";
import { formatDateTime } from "@/lib/dates";

type Threads = ActionResult<{ threads: CommentThreadView[] }>;

// Fixed zone: the server renders this component too, and its clock must print what the browser prints.
const when = (iso: string) => formatDateTime(iso, "short");

function Byline({ c }: { c: CommentView }) {
  return (
    <p className="text-xs text-slate-500">
      <span className="font-medium text-slate-700">{c.author.name}</span> · {c.author.roleLabel} · <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
    </p>
  );
}

/** The text exactly as typed: React escapes it, line breaks are kept by CSS. Never HTML. */
function Body({ text }: { text: string }) {
  return <p className="whitespace-pre-wrap break-words text-sm leading-6 text-slate-800">{text}</p>;
}

/** One thread: the root, its replies, a reply form and 标记已解决 / 重新打开. */
export function CommentThread({
  thread,
  canComment,
  canAnswer = false,
  reviewer = false,
  onThreads,
  onLocate,
}: {
  thread: CommentThreadView;
  canComment: boolean;
  canAnswer?: boolean;
  /** The reader is a reviewer: only reviewers resolve a reviewer's thread (lib/review/comments/rules.ts). */
  reviewer?: boolean;
  onThreads: (threads: CommentThreadView[]) => void;
  onLocate?: () => void;
}) {
  const [replying, setReplying] = useState(false);
  const [explaining, setExplaining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = thread.status === "open";
  const accept = (result: Threads) => {
    if (result.ok) onThreads(result.data.threads);
    return result;
  };
  async function toggle() {
    setBusy(true);
    setError(null);
    const result = accept(await callAction(() => (open ? resolveCommentAction : reopenCommentAction)({ commentId: thread.id })));
    setBusy(false);
    if (!result.ok) setError(result.error);
  }
  async function markFinding() {
    setBusy(true);
    setError(null);
    const result = accept(await callAction(() => markFindingAction({ commentId: thread.id, finding: !thread.finding })));
    setBusy(false);
    if (!result.ok) setError(result.error);
  }
  async function answerChanged() {
    setBusy(true);
    setError(null);
    const result = accept(await callAction(() => answerThreadAction({ commentId: thread.id, answer: "changed", body: "" })));
    setBusy(false);
    if (!result.ok) setError(result.error);
  }
  const target = thread.anchorLabel ?? "整个部分";
  const fromReviewer = isReviewerRole(thread.author.role);
  const mayToggle = !open || mayResolveThread(reviewer, thread.author.role);
  const mayAnswer = canAnswer && open && fromReviewer;
  return (
    <article aria-label={`评论：${target}`} data-status={thread.status} className={`space-y-2 rounded-md border p-3 ${open ? "border-violet-200 bg-white" : "border-slate-200 bg-slate-50"}`}>
      <div className="flex items-start justify-between gap-2 text-xs">
        {onLocate ? (
          <button type="button" onClick={onLocate} className="text-left font-medium text-violet-700 hover:underline" title="定位到该字段">
            针对：{target}
          </button>
        ) : (
          <span className="font-medium text-slate-600">针对：{target}</span>
        )}
        <span className="flex shrink-0 gap-1">
          {thread.finding ? <span className="rounded bg-red-50 px-1.5 font-medium text-red-700">问题</span> : null}
          {open && thread.answer ? (
            <span className="rounded bg-sky-50 px-1.5 text-sky-800">县区已答复：{thread.answer === "changed" ? "已修改" : "说明理由"}</span>
          ) : open && fromReviewer ? (
            <span className="rounded bg-amber-50 px-1.5 text-amber-800">待县区答复</span>
          ) : null}
          <span className={`rounded px-1.5 ${open ? "bg-violet-100 text-violet-800" : "bg-emerald-50 text-emerald-700"}`}>{open ? "未解决" : "已解决"}</span>
        </span>
      </div>
      <Body text={thread.body} />
      <Byline c={thread} />
      {thread.replies.length ? (
        <ol aria-label="回复" className="space-y-2 border-l-2 border-slate-200 pl-3">
          {thread.replies.map((r) => (
            <li key={r.id} className="space-y-0.5">
              <Body text={r.body} />
              <Byline c={r} />
            </li>
          ))}
        </ol>
      ) : null}
      {!open && thread.resolvedBy && thread.resolvedAt ? (
        <p className="text-xs text-emerald-700">
          {thread.resolvedBy.name} 于 {when(thread.resolvedAt)} 标记已解决
        </p>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {canComment && replying ? (
        <CommentForm
          id={`reply-${thread.id}`}
          label="回复评论"
          submitLabel="回复"
          onCancel={() => setReplying(false)}
          onSubmit={async ({ body }) => {
            const result = accept(await callAction(() => replyCommentAction({ commentId: thread.id, body })));
            if (result.ok) setReplying(false);
            return result;
          }}
        />
      ) : null}
      {mayAnswer && explaining ? (
        <CommentForm
          id={`explain-${thread.id}`}
          label="说明不修改的理由"
          submitLabel="提交说明"
          onCancel={() => setExplaining(false)}
          onSubmit={async ({ body }) => {
            const result = accept(await callAction(() => answerThreadAction({ commentId: thread.id, answer: "explained", body })));
            if (result.ok) setExplaining(false);
            return result;
          }}
        />
      ) : null}
      {mayAnswer && !explaining && !replying && !thread.answer ? (
        <div className="flex flex-wrap items-center gap-2 rounded bg-amber-50/60 p-2">
          <span className="text-xs text-amber-900">答复这条意见：</span>
          <Button type="button" className="px-2.5 py-1 text-xs" busy={busy} onClick={answerChanged}>
            已修改
          </Button>
          <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setExplaining(true)}>
            说明理由
          </Button>
        </div>
      ) : null}
      {canComment && !replying && !explaining ? (
        <div className="flex flex-wrap gap-2">
          {open ? (
            <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setReplying(true)}>
              回复
            </Button>
          ) : null}
          {mayToggle ? (
            <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" busy={busy} onClick={toggle}>
              {open ? "标记已解决" : "重新打开"}
            </Button>
          ) : (
            <span className="self-center text-xs text-slate-500">督导意见由督导标记已解决</span>
          )}
          {reviewer && fromReviewer ? (
            <Button type="button" variant={thread.finding ? "danger" : "ghost"} className="px-2.5 py-1 text-xs" busy={busy} onClick={markFinding} title="标为问题的意见预填到督导反馈意见书的“存在问题”">
              {thread.finding ? "取消标为问题" : "标为问题"}
            </Button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
