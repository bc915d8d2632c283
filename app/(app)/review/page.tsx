import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AttentionQueueList } from "@/components/review/attention-queue";
import { DashboardCharts } from "@/components/review/dashboard-charts";
import { DashboardCounts } from "@/components/review/dashboard-counts";
import { DashboardFilters } from "@/components/review/dashboard-filters";
import { DashboardMatrix } from "@/components/review/dashboard-matrix";
import { DashboardStatusTable } from "@/components/review/dashboard-status-table";
import { ZipDownload } from "@/components/report/zip-download";
import { Card, PageHeader } from "@/components/ui/page";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { readSource } from "@/lib/db/replica";
import { formatDateTime } from "@/lib/dates";
import { regionLevelLabel } from "@/lib/regions/levels";
import { loadAttention, loadDashboard } from "@/lib/review/dashboard/server";
import { dashboardCharts, dashboardQuery, ledgerProgress, parseDashboardFilters } from "@/lib/review/dashboard";
import { toMatrixView, toStatusRows } from "@/lib/review/dashboard";
import { ledgerCounts } from "@/lib/review/ledger/server";

export const metadata: Metadata = { title: "辖区概览" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reviewer's start page: where every county's report stands, and its indicators side by side. */
export default async function ReviewPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!hasPermission(actor.role, "review:dashboard")) notFound();
  const source = await readSource(getDb());
  const filters = parseDashboardFilters(await searchParams);
  // The queue and the ledger counts are what the reviewer acts on next: always from the primary.
  const [d, queue, ledger] = await Promise.all([loadDashboard(source.db, actor, filters, source), loadAttention(getDb(), actor), ledgerCounts(getDb(), actor)]);
  const charts = dashboardCharts(d, undefined, ledgerProgress(d, ledger));
  const byCity = d.options.cities.length > 1;
  const withReport = d.rows.filter((r) => r.report).length;
  const title = `${actor.region.name}所辖县区`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${actor.region.name}辖区概览`}
        description={
          <>
            {d.filters.year} 年{d.scheme ? ` ·《${d.scheme.title}》` : ""} · 您以{regionLevelLabel(actor.region.level)}级督导身份审核辖区内{" "}
            {d.options.cities.length > 1 ? `${d.options.cities.length} 个市、` : ""}
            {Object.values(d.counts).reduce((a, b) => a + b, 0)} 个县（市、区）的自评报告
            {d.dataAsOf ? (
              <span className="ml-2 whitespace-nowrap text-slate-400" title="概览读自数据库的只读副本，此后几秒内的修改可能尚未显示">
                · 数据截至 {formatDateTime(d.dataAsOf, "time-seconds")}
              </span>
            ) : null}
          </>
        }
        actions={
          <>
            <ZipDownload year={d.filters.year} count={d.reportsInYear} />
            <a href={`/api/review/dashboard.xlsx${dashboardQuery(d.filters)}`} download className="inline-flex h-fit items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              导出 Excel
            </a>
            <a
              href={`/api/review/feedback.zip?year=${d.filters.year}${d.filters.city ? `&city=${d.filters.city}` : ""}`}
              download
              className="inline-flex h-fit items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              下载督导反馈意见书（.zip）
            </a>
          </>
        }
      />
      <Card title={`需要我处理（${queue.items.length}）`}>
        <AttentionQueueList queue={queue} />
      </Card>
      <DashboardFilters d={d} byCity={byCity} />
      <DashboardCounts d={d} />
      <Card title="图表">
        <DashboardCharts charts={charts} xlsxUrl={`/api/review/dashboard-charts.xlsx${dashboardQuery(d.filters)}`} fileName={`${actor.region.name}-${d.filters.year}-辖区概览（含图表）.xlsx`} />
      </Card>
      <Card title={`报告状态（${d.rows.length} 个县区）`}>
        {d.rows.length ? (
          <DashboardStatusTable rows={toStatusRows(d, ledger)} title={title} byCity={byCity} />
        ) : (
          <p className="text-sm text-slate-500">{d.filters.q ? `没有名称包含“${d.filters.q}”的县（市、区）。` : "没有符合条件的县（市、区）。"}</p>
        )}
      </Card>
      {/* The matrix takes the window's whole width on wide screens (the layout's column is 72rem). */}
      <Card title="指标一览" className="min-[72rem]:mx-[calc(36rem-50vw)]">
        <p className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
          <span>
            <span className="mr-1 inline-block h-3 w-3 rounded-sm bg-red-100 align-middle ring-1 ring-red-200" />
            未达到目标
          </span>
          <span>↑ / ↓ 较 {d.filters.year - 1} 年报告的变化{d.hasPrevious ? "" : "（辖区内尚无上年报告）"}</span>
          <span>— 未填写</span>
          <span>悬停表头可看指标全称和目标</span>
          {withReport < d.rows.length ? <span>{d.rows.length - withReport} 个县区尚无本年报告，未列入</span> : null}
        </p>
        {withReport ? <DashboardMatrix view={toMatrixView(d)} /> : <p className="text-sm text-slate-500">没有符合条件的报告。</p>}
      </Card>
    </div>
  );
}
