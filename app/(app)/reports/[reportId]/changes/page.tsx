import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getReportAccess } from "@/lib/auth/server/guards";
import { changesSinceLastSubmission, type Segment } from "@/lib/review/workflow/server";
import type { CommentThreadView } from "@/lib/review/comments";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "与上次提交对比" };


/** Deleted text struck through in red, added text underlined in green: the marks a reviewer knows from paper. */
function Redline({ segments }: { segments: Segment[] }) {
  return (
    <div className="whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-4 text-sm leading-7 text-slate-800">
      {segments.map((s, i) =>
        s.type === "added" ? (
          <ins key={i} className="bg-emerald-50 text-emerald-900 underline decoration-emerald-500">
            {s.text}
          </ins>
        ) : s.type === "removed" ? (
          <del key={i} className="bg-red-50 text-red-800 decoration-red-500">
            {s.text}
          </del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </div>
  );
}

function ThreadStates({ threads }: { threads: CommentThreadView[] }) {
  if (!threads.length) return null;
  return (
    <ul aria-label="此前的意见" className="space-y-1 text-sm">
      {threads.map((t) => (
        <li key={t.id} className="flex flex-wrap items-baseline gap-2">
          <span className={`rounded px-1.5 text-xs ${t.status === "resolved" ? "bg-emerald-50 text-emerald-700" : "bg-violet-100 text-violet-800"}`}>
            {t.status === "resolved" ? "已解决" : "未解决"}
          </span>
          {t.answer ? <span className="rounded bg-sky-50 px-1.5 text-xs text-sky-800">县区：{t.answer === "changed" ? "已修改" : "说明理由"}</span> : null}
          <span className="text-slate-500">{t.anchorLabel ?? "整个部分"}：</span>
          <span className="min-w-0 break-words text-slate-800">{t.body}</span>
          {t.replies.length ? <span className="text-xs text-slate-500">（{t.replies.length} 条回复，最新：{t.replies[t.replies.length - 1].body.slice(0, 60)}）</span> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function ChangesPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const db = getDb();
  const report = await getReportAccess(db, actor, reportId.slice(0, 64), "report:read").catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const changes = await changesSinceLastSubmission(db, actor, report.id);
  const changed = changes?.sections.filter((s) => s.changed) ?? [];
  const unchanged = changes?.sections.filter((s) => !s.changed) ?? [];
  return (
    <>
      <PageHeader title="与上次提交对比" description={`${report.county.name} ${report.year} 年自评报告`} />
      <p className="mb-4 text-sm">
        <Link href={`/reports/${report.id}`} className="text-brand-600 hover:underline">
          ← 返回报告
        </Link>
      </p>
      {!changes ? (
        <Card>
          <p className="text-sm text-slate-600">报告只提交过 {report.round} 次，还没有可以对比的上一次提交。</p>
        </Card>
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-slate-600">
            第 {changes.round} 次提交（{formatDateTime(changes.submittedAt)}）与第 {changes.previousRound} 次提交（{formatDateTime(changes.previousSubmittedAt)}）相比：
            <strong className="text-slate-900"> {changed.length} 个部分有修改</strong>，{unchanged.length} 个部分未改动。
            <span className="ml-2 text-xs">
              <ins className="bg-emerald-50 text-emerald-900 underline decoration-emerald-500">新增内容</ins>{" "}
              <del className="bg-red-50 text-red-800">删除内容</del>
            </span>
          </p>
          {changed.map((s) => (
            <section key={s.key} aria-label={s.heading} className="space-y-2">
              <h2 className="text-base font-semibold text-slate-900">
                <Link href={`/reports/${report.id}?s=${encodeURIComponent(s.key)}`} className="hover:underline">
                  {s.heading}
                </Link>
              </h2>
              <Redline segments={s.segments} />
              <ThreadStates threads={s.threads} />
            </section>
          ))}
          {unchanged.some((s) => s.threads.length) ? (
            <section aria-label="未修改部分的意见" className="space-y-3">
              <h2 className="text-base font-semibold text-slate-900">未修改部分上的意见</h2>
              {unchanged
                .filter((s) => s.threads.length)
                .map((s) => (
                  <div key={s.key} className="space-y-1">
                    <h3 className="text-sm font-medium text-slate-700">{s.heading}</h3>
                    <ThreadStates threads={s.threads} />
                  </div>
                ))}
            </section>
          ) : null}
          {unchanged.length ? (
            <details className="text-sm text-slate-600">
              <summary className="cursor-pointer">未改动的部分（{unchanged.length}）</summary>
              <ul className="mt-2 list-disc pl-5">
                {unchanged.map((s) => (
                  <li key={s.key}>{s.heading}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      )}
    </>
  );
}
