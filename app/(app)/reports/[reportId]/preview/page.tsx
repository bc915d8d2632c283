import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintPreview } from "@/components/report/print-preview";
import { PrintButton } from "@/components/report/print-button";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { isAppError } from "@/lib/errors";
import { loadReport } from "@/lib/report/server/service";
import { hasPermission } from "@/lib/auth/roles";
import { isEditableStatus } from "@/lib/report/status";

export const metadata: Metadata = { title: "打印预览" };

export default async function PreviewPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const { report, contents } = await loadReport(getDb(), actor, reportId.slice(0, 64)).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const vm = buildReportViewModel({ scheme: report.schemeDef, contents, countyName: report.county.name });
  // Only someone who can edit the report now goes back to editing; everyone else goes back to reading it.
  const canEdit = hasPermission(actor.role, "report:edit") && isEditableStatus(report.status);
  return (
    <div className="-mx-4 -my-6 bg-slate-200 px-4 py-6">
      <div className="no-print mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center justify-between gap-2 text-sm">
        <Link href={`/reports/${report.id}`} className="text-brand-700 hover:underline">
          {canEdit ? "← 返回编辑" : "← 返回报告"}
        </Link>
        <span className="flex gap-3">
          <PrintButton />
          <a href={`/api/reports/${report.id}/export`} className="rounded-md bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">
            下载 Word
          </a>
        </span>
      </div>
      <PrintPreview vm={vm} />
    </div>
  );
}
