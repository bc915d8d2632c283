import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedbackForm } from "@/components/review/feedback-form";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getReportAccess } from "@/lib/auth/server/guards";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { REVIEW_LEVELS } from "@/lib/report/status";
import { disputeSentence, isDisputed, type FeedbackView, type VerificationRow } from "@/lib/review/verification";
import { loadFeedback } from "@/lib/review/verification/server";

export const metadata: Metadata = { title: "督导反馈意见书" };

const paragraphs = (text: string) => text.split("\n").filter((l) => l.trim());

function SentFeedback({ f, reviewer }: { f: FeedbackView; reviewer: boolean }) {
  return (
    <div className="space-y-4">
      <p role="status" className="flex flex-wrap gap-x-4 gap-y-1 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm text-emerald-900">
        <span>
          已于 {formatDateTime(f.sentAt, "datetime")} 发送{f.sentBy ? `（${f.sentBy}）` : ""}
        </span>
        {reviewer ? <span>{f.readAt ? `县区已读：${f.readBy ?? ""} ${formatDateTime(f.readAt, "datetime")}` : "县区尚未阅读"}</span> : null}
      </p>
      <Card title="一、主要成效">
        {paragraphs(f.achievements).map((p, i) => (
          <p key={i} className="text-sm leading-7 text-slate-800">
            {p}
          </p>
        ))}
      </Card>
      <Card title="二、存在问题">
        {paragraphs(f.problems).map((p, i) => (
          <p key={i} className="text-sm leading-7 text-slate-800">
            {p}
          </p>
        ))}
      </Card>
      <Card title="三、整改要求">
        <ol className="space-y-2 text-sm">
          {f.requirements.map((r, i) => (
            <li key={i} className="flex gap-3">
              <span className="text-slate-500">{i + 1}.</span>
              <span className="flex-1 text-slate-800">{r.text}</span>
              <span className="whitespace-nowrap text-xs text-slate-500">完成时限 {r.deadline}</span>
            </li>
          ))}
        </ol>
        {f.deadline ? <p className="mt-3 text-sm text-slate-700">整改期限：{f.deadline}</p> : null}
      </Card>
    </div>
  );
}

function Disputes({ rows, reportId }: { rows: VerificationRow[]; reportId: string }) {
  const disputed = rows.filter(isDisputed);
  return (
    <Card title={`核定有异议（${disputed.length}）`}>
      {disputed.length ? (
        <ul className="space-y-2 text-sm text-slate-700">
          {disputed.map((r) => (
            <li key={`${r.kind}:${r.key}`} className="rounded bg-red-50/50 px-2 py-1.5">
              {disputeSentence(r)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">没有与自评不一致的核定。</p>
      )}
      <Link href={`/reports/${reportId}/verification`} className="mt-3 inline-block text-sm text-brand-600 hover:underline">
        查看全部核定
      </Link>
    </Card>
  );
}

export default async function FeedbackPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const db = getDb();
  const load = async () => {
    const report = await getReportAccess(db, actor, reportId.slice(0, 64), "report:read");
    return { report, page: await loadFeedback(db, actor, report.id) };
  };
  const { report, page } = await load().catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const f = page.feedback;
  const docxHref = `/api/reports/${report.id}/feedback`;
  const level = page.level ? REVIEW_LEVELS[page.level] : "";
  return (
    <div>
      <p className="text-xs text-slate-500">
        <Link href={`/reports/${report.id}`} className="hover:underline">
          {report.county.name} {report.year} 年自评报告
        </Link>{" "}
        / 督导反馈意见书
      </p>
      <PageHeader
        title={`${level}督导反馈意见书：${report.county.name} ${report.year} 年`}
        description={page.reviewer && page.editable ? "由标为问题的督导意见、未达标指标和核定结果预填，可逐项修改；保存后下载 Word 核对，再发送给县区。" : undefined}
        actions={
          f && (f.status === "sent" || !page.editable) ? (
            <a href={docxHref} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
              下载 Word
            </a>
          ) : undefined
        }
      />
      {!f ? (
        <p role="status" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          {page.reviewer ? "报告提交至本级审核后，可在这里出具督导反馈意见书。" : "尚未收到督导反馈意见书。"}
        </p>
      ) : (
        <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
          <div>{f.status === "sent" || !page.editable ? <SentFeedback f={f} reviewer={page.reviewer} /> : <FeedbackForm reportId={report.id} feedback={f} docxHref={docxHref} />}</div>
          <aside>
            <Disputes rows={page.rows} reportId={report.id} />
          </aside>
        </div>
      )}
    </div>
  );
}
