import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WordCommentsImport } from "@/components/report/word-comments-import";
import { Card, PageHeader } from "@/components/ui/page";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { loadReport } from "@/lib/report/server/service";

export const metadata: Metadata = { title: "导入 Word 批注" };

export default async function WordCommentsImportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requireActor();
  if (!hasPermission(actor.role, "report:review")) notFound();
  const { reportId } = await params;
  const { report } = await loadReport(getDb(), actor, reportId.slice(0, 64)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="导入 Word 批注"
        description={
          <Link href={`/reports/${report.id}`} className="text-brand-600 hover:underline">
            ← 返回 {report.county.name} {report.year} 年自评报告
          </Link>
        }
      />
      <Card>
        <WordCommentsImport reportId={report.id} />
      </Card>
    </div>
  );
}
