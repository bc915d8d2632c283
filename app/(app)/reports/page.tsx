import type { Metadata } from "next";
import Link from "next/link";
import { CreateReportForm } from "@/components/report/create-report-form";
import { ZipDownload } from "@/components/report/zip-download";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { listReports } from "@/lib/report/server/service";
import { reportStatusText, statusTone } from "@/lib/report/status";
import { schemesForCounty } from "@/lib/schemes/server/service";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "自评报告" };


export default async function ReportsPage() {
  const actor = await requireActor();
  const db = getDb();
  const reports = await listReports(db, actor);
  const canCreate = hasPermission(actor.role, "report:edit") && actor.region.level === "county";
  const latest = canCreate ? await schemesForCounty(db, actor.region) : [];
  const used = new Set(reports.map((r) => r.schemeCode));
  const editors = await db.user.findMany({
    where: { id: { in: reports.map((r) => r.lastEditedById).filter((x): x is string => !!x) } },
    select: { id: true, name: true },
  });
  const editorName = new Map(editors.map((u) => [u.id, u.name]));
  const years = [...new Set(reports.map((r) => r.year))].map((year) => ({ year, count: reports.filter((r) => r.year === year).length }));
  return (
    <>
      <PageHeader title="自评报告" description={`${actor.region.name}的履行教育职责自评报告`} />
      {!canCreate && years.length ? (
        <div className="mb-4 space-y-2">
          {years.map((y) => (
            <ZipDownload key={y.year} year={y.year} count={y.count} />
          ))}
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          {reports.length === 0 ? (
            <p className="text-sm text-slate-500">{canCreate ? "还没有报告。请在右侧选择评价方案创建。" : "辖区内还没有报告。"}</p>
          ) : (
            <table className="w-full text-left text-sm" aria-label="报告列表">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-1 font-normal">报告</th>
                  <th className="py-1 font-normal">状态</th>
                  <th className="py-1 font-normal">完成度</th>
                  <th className="py-1 font-normal">最后编辑</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                    <tr key={r.id} className="border-t border-slate-100 align-top">
                      <td className="py-2.5">
                        <Link href={`/reports/${r.id}`} className="font-medium text-brand-700 hover:underline">
                          {r.county.name} {r.year} 年自评报告
                        </Link>
                        <p className="text-xs text-slate-500">
                          {r.scheme.title} ·{" "}
                          <a href={`/api/reports/${r.id}/export`} className="text-brand-600 hover:underline">
                            下载 Word
                          </a>
                        </p>
                      </td>
                      <td className="py-2.5">
                        <Badge tone={statusTone(r.status)}>{reportStatusText(r.status, r.reviewStage)}</Badge>
                      </td>
                      <td className="py-2.5 tabular-nums">
                        {r.completeness}%
                        {r.problemCount ? <span className="ml-1 text-xs text-amber-700">（{r.problemCount} 项待处理）</span> : null}
                      </td>
                      <td className="py-2.5 text-xs text-slate-600">
                        {formatDateTime(r.lastEditedAt)}
                        <br />
                        {r.lastEditedById ? editorName.get(r.lastEditedById) ?? "" : ""}
                      </td>
                    </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        {canCreate ? (
          <Card title="新建报告">
            <CreateReportForm
              schemes={latest.filter((s) => !used.has(s.code)).map((s) => ({ id: s.id, label: `${s.title}（第 ${s.version} 版）`, year: s.year }))}
              previous={reports.map((r) => ({ id: r.id, label: `${r.year} 年：${r.scheme.title}`, year: r.year }))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
