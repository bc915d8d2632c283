import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WordImport } from "@/components/report/word-import";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { loadReport } from "@/lib/report/server/service";
import { isEditableStatus } from "@/lib/report/status";

export const metadata: Metadata = { title: "导入 Word 报告" };

export default async function WordImportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requireActor();
  if (!hasPermission(actor.role, "report:edit")) notFound();
  const { reportId } = await params;
  const { report } = await loadReport(getDb(), actor, reportId.slice(0, 64)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="导入上一年度的 Word 报告"
        description={
          <Link href={`/reports/${report.id}`} className="text-brand-600 hover:underline">
            ← 返回 {report.county.name} {report.year} 年自评报告
          </Link>
        }
      />
      <Card>
        {isEditableStatus(report.status) ? (
          <WordImport reportId={report.id} />
        ) : (
          <Alert tone="warning">报告已提交或已审核通过，当前为只读，不能导入。</Alert>
        )}
      </Card>
    </div>
  );
}
