import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PdfDownload } from "@/components/report/pdf-download";
import { ReportEditor } from "@/components/report/report-editor";
import { Badge } from "@/components/ui/page";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { listEvidence } from "@/lib/evidence/server/service";
import { pdfRenderer } from "@/lib/pdf/server/libreoffice";
import { loadReport } from "@/lib/report/server/service";
import { emptyContent } from "@/lib/report/content";
import { sectionsOf } from "@/lib/report/sections";
import { listComments } from "@/lib/review/comments/server";
import { isEditableStatus, reportStatusText, statusTone } from "@/lib/report/status";
import { workflowView } from "@/lib/review/workflow/server";
import { ReviewBar } from "@/components/review/review-bar";
import { VetoBanner } from "@/components/report/veto-banner";
import { vetoAnswers } from "@/lib/report/veto";
import { decodeReviews } from "@/lib/report/explanations";
import { LedgerChecklist } from "@/components/review/ledger-checklist";
import { carriedFor } from "@/lib/review/ledger/server";
import { LEDGER_KEY, LEDGER_TITLE, ledgerFindings } from "@/lib/review/ledger";
import { itemsNotHandedIn } from "@/lib/assignments/server/service";

export const metadata: Metadata = { title: "编辑报告" };

export default async function ReportPage({ params, searchParams }: { params: Promise<{ reportId: string }>; searchParams: Promise<{ s?: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const { s } = await searchParams;
  const db = getDb();
  const loaded = await loadReport(db, actor, reportId.slice(0, 64)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const { report, contents, versions } = loaded;
  const lead = hasPermission(actor.role, "assignment:manage");
  const [evidence, comments, workflow, ledger, notHandedIn] = await Promise.all([
    listEvidence(db, actor, report.id),
    listComments(db, actor, report.id),
    workflowView(db, actor, report),
    carriedFor(db, report),
    lead ? itemsNotHandedIn(db, report.schemeDef, report.id) : Promise.resolve([]),
  ]);
  const editable = isEditableStatus(report.status);
  const readOnly = !hasPermission(actor.role, "report:edit") || !editable;
  const initial = Object.fromEntries(
    sectionsOf(report.schemeDef).map((d) => [d.key, { version: versions[d.key]?.version ?? 0, content: contents[d.key] ?? emptyContent[d.kind]() }]),
  );
  return (
    <div className="-mx-4 -my-6 bg-slate-100/60 px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-xs text-slate-500">
            <Link href="/reports" className="hover:underline">
              自评报告
            </Link>{" "}
            / {report.county.name}
          </p>
          <h1 className="text-lg font-semibold text-slate-900">
            {report.county.name} {report.year} 年自评报告 <Badge tone={statusTone(report.status)}>{reportStatusText(report.status, report.reviewStage)}</Badge>
          </h1>
          <p className="text-xs text-slate-500">{report.scheme.title}</p>
        </div>
        <div className="flex items-center gap-4 text-sm">
          {lead ? (
            <Link href={`/reports/${report.id}/assignments`} className="text-brand-600 hover:underline">
              分工与进度
            </Link>
          ) : null}
          {hasPermission(actor.role, "report:edit") && editable ? (
            <Link href={`/reports/${report.id}/import`} className="text-brand-600 hover:underline">
              导入 Word 报告
            </Link>
          ) : null}
          {hasPermission(actor.role, "report:review") ? (
            <Link href={`/reports/${report.id}/import-comments`} className="text-brand-600 hover:underline">
              导入 Word 批注
            </Link>
          ) : null}
          <Link href={`/reports/${report.id}/history`} className="text-brand-600 hover:underline">
            历史版本
          </Link>
          <Link href={`/reports/${report.id}/audit`} className="text-brand-600 hover:underline">
            操作记录
          </Link>
          <Link href={`/reports/${report.id}/preview`} className="text-brand-600 hover:underline">
            打印预览
          </Link>
          {report.round > 0 ? (
            <>
              <Link href={`/reports/${report.id}/verification`} className="text-brand-600 hover:underline">
                核定
              </Link>
              <Link href={`/reports/${report.id}/feedback`} className="text-brand-600 hover:underline">
                督导反馈意见书
              </Link>
            </>
          ) : null}
          {hasPermission(actor.role, "report:review") ? (
            <a href={`/api/reports/${report.id}/export?comments=1`} className="text-brand-600 hover:underline">
              下载 Word（含批注）
            </a>
          ) : null}
          <PdfDownload reportId={report.id} available={pdfRenderer().available} />
          <a href={`/api/reports/${report.id}/export`} className="rounded-md bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">
            下载 Word
          </a>
        </div>
      </div>
      {/* Reviewers see the 一票否决 answers before anything else. */}
      {hasPermission(actor.role, "report:review") ? <VetoBanner reportId={report.id} items={vetoAnswers(report.schemeDef, contents)} /> : null}
      {/* 提交前检查 for the lead: items whose office has not handed them in (the lead may still submit). */}
      {notHandedIn.length && editable ? (
        <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status" aria-label="部门未交的项目">
          <p className="font-medium">提交前检查：以下项目的主责单位尚未提交</p>
          <ul className="mt-1 list-disc pl-5">
            {notHandedIn.map((i) => (
              <li key={i.id}>
                {i.heading} — {i.office}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ReviewBar reportId={report.id} status={report.status} statusText={reportStatusText(report.status, report.reviewStage)} {...workflow} />
      {readOnly ? (
        <p className="mb-4 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600" role="status">
          {hasPermission(actor.role, "report:edit")
            ? report.status === "accepted"
              ? "报告已审核通过，当前为只读。"
              : "报告已提交，正在审核中，当前为只读。"
            : "您正在查看报告（只读），可在各部分旁发表评论。"}
        </p>
      ) : null}
      {/* Last year's 整改事项 come first: the county answers them before this year's report can be submitted. */}
      <LedgerChecklist
        items={ledger}
        canEdit={hasPermission(actor.role, "report:edit") && editable}
        canReview={hasPermission(actor.role, "report:review")}
        evidence={evidence.map((e) => ({ id: e.id, fileName: e.fileName }))}
      />
      <ReportEditor
        external={ledger.length ? { findings: ledgerFindings(ledger), titles: { [LEDGER_KEY]: LEDGER_TITLE } } : undefined}
        reportId={report.id}
        scheme={report.schemeDef}
        readOnly={readOnly}
        initial={initial}
        initialSection={s}
        comments={comments}
        canComment={hasPermission(actor.role, "report:comment")}
        canAnswer={hasPermission(actor.role, "report:edit") && editable}
        reviewer={hasPermission(actor.role, "report:review")}
        reviews={decodeReviews(report.explanationReviews)}
        canReviewExplanations={workflow.review?.allowed ?? false}
        evidence={evidence.map((e) => ({
          id: e.id,
          criterionCode: e.criterionCode,
          fileName: e.fileName,
          size: e.size,
          uploadedBy: e.uploadedBy?.name ?? null,
          createdAt: e.createdAt.toISOString(),
        }))}
      />
    </div>
  );
}
