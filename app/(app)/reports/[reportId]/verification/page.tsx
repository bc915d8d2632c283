import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VerificationTable } from "@/components/review/verification-table";
import { PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getReportAccess } from "@/lib/auth/server/guards";
import { hasPermission } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { REVIEW_LEVELS } from "@/lib/report/status";
import { loadVerification } from "@/lib/review/verification/server";

export const metadata: Metadata = { title: "核定" };

export default async function VerificationPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const db = getDb();
  const load = async () => {
    const report = await getReportAccess(db, actor, reportId.slice(0, 64), "report:read");
    return { report, page: await loadVerification(db, actor, report.id) };
  };
  const { report, page } = await load().catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const reviewer = hasPermission(actor.role, "report:review");
  const level = page.level ? REVIEW_LEVELS[page.level] : "";
  return (
    <div>
      <p className="text-xs text-slate-500">
        <Link href={`/reports/${report.id}`} className="hover:underline">
          {report.county.name} {report.year} 年自评报告
        </Link>{" "}
        / 核定
      </p>
      <PageHeader
        title={`${level}核定：${report.county.name} ${report.year} 年`}
        description={
          reviewer
            ? "逐项核定自评值和自评得分：同意自评，或填写核定值、核定理由和佐证依据。核定结果单独保存，不会改动县区填报的数据；督导反馈意见书发送后县区可见，且不能再修改。"
            : "督导核定的结果。默认只列出与自评不一致的项目，取消勾选“只看有异议”可查看全部。"
        }
        actions={
          <Link href={`/reports/${report.id}/feedback`} className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            督导反馈意见书
          </Link>
        }
      />
      {page.visible ? (
        <VerificationTable reportId={report.id} initial={page.rows} editable={page.editable} reviewer={reviewer} evidence={page.evidence.map((e) => ({ id: e.id, fileName: e.fileName }))} />
      ) : (
        <p role="status" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          督导反馈意见书送达后，这里列出督导核定的结果。
        </p>
      )}
    </div>
  );
}
