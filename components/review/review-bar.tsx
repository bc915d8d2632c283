"use client";
// The report's workflow strip, above the editor: where the report stands, why it came back, and the one or two
// things the signed-in person can do with it now. The server decides what is allowed (and checks again on click).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { acceptReportAction, reopenReportAction, returnReportAction, submitReportAction } from "@/app/(app)/reports/[reportId]/workflow-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/form-errors";
import { RETURN_REASON_MAX } from "@/lib/review/workflow";
import { formatDateTime } from "@/lib/dates";

export type ReviewBarProps = {
  reportId: string;
  status: string;
  statusText: string;
  /** The county lead may submit now (state and role); blockers are shown before the click. */
  submit: { allowed: boolean; blockers: string[] } | null;
  /** The reviewer's level decides now; `next` names the level that takes over after acceptance; `questions` are the
   *  county's own questions no reviewer has answered (lib/review/workflow/server/workflow.ts unansweredQuestions). */
  review: { allowed: boolean; next: string | null; waiting: string | null; questions: CountyQuestion[]; reopen?: boolean } | null;
  lastReturn: { reason: string; at: string; by: string | null; reopened?: boolean } | null;
  /** Who does what, for the person looking (lib/review/workflow/server/workflow.ts). */
  hint?: string | null;
  changesHref: string | null;
  round: number;
  submittedAt: string | null;
};

type CountyQuestion = { id: string; heading: string; body: string; author: string; askedAt: string };

const when = (iso: string) => formatDateTime(iso);

/** 审核通过, confirmed in a dialog that first shows the county's unanswered questions, if any: accepting then
 *  acknowledges exactly those (the server refuses if another was asked meanwhile). */
function AcceptDialog({ reportId, next, questions, onClose, onDone }: { reportId: string; next: string | null; questions: CountyQuestion[]; onClose: () => void; onDone: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  async function accept() {
    setBusy(true);
    setError(null);
    const result = await callAction(() => acceptReportAction({ reportId, acknowledgedQuestions: questions.map((q) => q.id) }));
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  }
  return (
    <dialog ref={ref} aria-labelledby="accept-title" onCancel={onClose} className="m-auto w-[min(640px,95vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
      <div className="space-y-3 p-6">
        <h2 id="accept-title" className="text-lg font-semibold text-slate-900">
          审核通过
        </h2>
        <p className="text-sm text-slate-600">{next ? `通过后报告报送${next}审核，本级不能再退回。` : "通过后报告为最终版本，县区和督导都不能再修改。"}</p>
        {questions.length ? (
          <>
            <Alert tone="warning">县区还有 {questions.length} 条提问未答复。可以先取消，到各部分的评论中回复；确认仍要通过，请点“确认通过”。</Alert>
            <ul aria-label="未答复的县区提问" className="max-h-64 space-y-2 overflow-y-auto text-sm">
              {questions.map((q) => (
                <li key={q.id} className="rounded border border-slate-200 p-2">
                  <p className="text-xs text-slate-500">
                    {q.heading} · {q.author} · {when(q.askedAt)}
                  </p>
                  <p className="whitespace-pre-wrap break-words text-slate-800">{q.body}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            取消
          </Button>
          <Button type="button" busy={busy} onClick={accept}>
            确认通过
          </Button>
        </div>
      </div>
    </dialog>
  );
}

/** 退回修改 of a submitted report, or (`reopen`) 撤销通过 of an accepted one by its final level: both need a reason. */
function ReturnDialog({ reportId, reopen = false, onClose, onDone }: { reportId: string; reopen?: boolean; onClose: () => void; onDone: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  async function send(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await callAction(() => (reopen ? reopenReportAction({ reportId, reason }) : returnReportAction({ reportId, reason })));
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.fieldErrors?.reason?.[0] ?? result.error);
  }
  return (
    <dialog ref={ref} aria-labelledby="return-title" onCancel={onClose} className="m-auto w-[min(640px,95vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
      <form onSubmit={send} className="space-y-3 p-6">
        <h2 id="return-title" className="text-lg font-semibold text-slate-900">
          {reopen ? "撤销审核通过" : "退回修改"}
        </h2>
        <p className="text-sm text-slate-600">
          {reopen
            ? "报告将回到“退回修改”，县区修改后重新提交并重新审核。请写明撤销的原因；撤销记入操作记录，县区会在报告顶部看到这段理由。"
            : "写明需要修改什么、为什么。县区会在报告顶部看到这段理由；具体到字段的意见请在各部分旁用评论提出。"}
        </p>
        <label className="block text-sm font-medium text-slate-700" htmlFor="return-reason">
          {reopen ? "撤销理由" : "退回理由"}
        </label>
        <textarea
          id="return-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={6}
          maxLength={RETURN_REASON_MAX}
          aria-invalid={error ? true : undefined}
          className="w-full rounded-md border border-slate-300 p-2 text-sm leading-6"
          placeholder="例如：学前教育部分毛入园率的分母口径与统计年报不一致，请核对后修改。"
        />
        <p className="text-right text-xs text-slate-500">
          {reason.length} / {RETURN_REASON_MAX}
        </p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            取消
          </Button>
          <Button type="submit" variant="danger" busy={busy}>
            {reopen ? "确认撤销" : "确认退回"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

export function ReviewBar(props: ReviewBarProps) {
  const router = useRouter();
  const [returning, setReturning] = useState<"return" | "reopen" | null>(null);
  const [confirming, setConfirming] = useState<"submit" | null>(null);
  const [accepting, setAccepting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    const result = await callAction<unknown>(() => submitReportAction({ reportId: props.reportId }));
    setBusy(false);
    setConfirming(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone("已提交，等待督导审核。");
    router.refresh();
  }

  const returned = props.status === "returned" && props.lastReturn;
  return (
    <section aria-label="审核流程" className="mb-4 space-y-2 rounded-md border border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">
          <span className="font-medium">状态：{props.statusText}</span>
          {props.round > 0 && props.submittedAt ? (
            <span className="text-slate-500">
              {" "}
              · 第 {props.round} 次提交于 {when(props.submittedAt)}
            </span>
          ) : null}
          {props.changesHref ? (
            <>
              {" "}
              ·{" "}
              <Link href={props.changesHref} className="text-brand-600 hover:underline">
                查看本次修改（与上次提交对比）
              </Link>
            </>
          ) : null}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {props.submit?.allowed ? (
            confirming === "submit" ? (
              <>
                <span className="text-sm text-slate-600">提交后本县不能再修改，确认提交？</span>
                <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
                  取消
                </Button>
                <Button type="button" busy={busy} onClick={submit}>
                  确认提交
                </Button>
              </>
            ) : (
              <Button type="button" onClick={() => setConfirming("submit")} disabled={props.submit.blockers.length > 0} title={props.submit.blockers.join("；") || undefined}>
                提交审核
              </Button>
            )
          ) : null}
          {props.review?.allowed ? (
            <>
              <Button type="button" variant="danger" onClick={() => setReturning("return")}>
                退回修改
              </Button>
              <Button type="button" onClick={() => setAccepting(true)}>
                {props.review.next ? `审核通过（报送${props.review.next}）` : "审核通过"}
              </Button>
              {props.review.questions.length ? (
                <span className="text-xs text-amber-800">县区有 {props.review.questions.length} 条提问未答复</span>
              ) : null}
            </>
          ) : null}
          {props.review?.reopen ? (
            <Button type="button" variant="secondary" onClick={() => setReturning("reopen")}>
              撤销通过
            </Button>
          ) : null}
        </div>
      </div>
      {props.hint ? (
        <p className="text-sm text-slate-600" data-testid="role-hint">
          {props.hint}
        </p>
      ) : null}
      {props.submit?.allowed && props.submit.blockers.length > 0 ? (
        <ul aria-label="提交前需处理" className="list-disc space-y-0.5 pl-5 text-sm text-amber-800">
          {props.submit.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ) : null}
      {props.review && !props.review.allowed && props.review.waiting ? <p className="text-sm text-slate-500">{props.review.waiting}</p> : null}
      {returned ? (
        <div role="note" aria-label="退回理由" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">
            {props.lastReturn!.reopened ? "撤销审核通过的理由" : "退回理由"}
            {props.lastReturn!.by ? `（${props.lastReturn!.by}，${when(props.lastReturn!.at)}）` : ""}：
          </p>
          <p className="whitespace-pre-wrap break-words">{props.lastReturn!.reason}</p>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {accepting && props.review ? (
        <AcceptDialog
          reportId={props.reportId}
          next={props.review.next}
          questions={props.review.questions}
          onClose={() => setAccepting(false)}
          onDone={() => {
            setAccepting(false);
            setDone(props.review?.next ? `已审核通过，报告已报送${props.review.next}审核。` : "已审核通过。");
            router.refresh();
          }}
        />
      ) : null}
      {returning ? (
        <ReturnDialog
          reportId={props.reportId}
          reopen={returning === "reopen"}
          onClose={() => setReturning(null)}
          onDone={() => {
            setDone(returning === "reopen" ? "已撤销审核通过，报告已退回县区修改。" : "已退回，县区会收到通知和退回理由。");
            setReturning(null);
            router.refresh();
          }}
        />
      ) : null}
    </section>
  );
}
