import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { AUDIT_LOG_MAX, listReportAudit } from "@/lib/review/audit/server";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "操作记录" };

// Fixed zone: a log is read against the office clock, whatever the server's zone.
const when = (iso: string) => formatDateTime(iso, "datetime-seconds");

const TONES: Record<string, string> = {
  report: "bg-brand-50 text-brand-700",
  comment: "bg-violet-100 text-violet-800",
  evidence: "bg-amber-50 text-amber-800",
};

export default async function AuditPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const db = getDb();
  const { report, entries } = await listReportAudit(db, actor, reportId.slice(0, 64)).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="操作记录"
        description={
          <Link href={`/reports/${report.id}`} className="text-brand-600 hover:underline">
            ← 返回 {report.countyName} {report.year} 年自评报告
          </Link>
        }
      />
      <Card>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-500">暂无操作记录。</p>
        ) : (
          <ol aria-label="操作记录" className="divide-y divide-slate-100">
            {entries.map((e) => (
              <li key={e.id} className="grid gap-1 py-3 sm:grid-cols-[10.5rem_minmax(0,1fr)] sm:gap-4" data-action={e.action}>
                <time dateTime={e.at} className="text-xs tabular-nums text-slate-500 sm:pt-0.5">
                  {when(e.at)}
                </time>
                <div className="min-w-0 space-y-1">
                  <p className="text-sm">
                    <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${TONES[e.action.split(".")[0]] ?? "bg-slate-100 text-slate-700"}`}>{e.label}</span>
                    {e.actor ? (
                      <>
                        <span className="font-medium text-slate-800">{e.actor.name}</span>
                        <span className="text-slate-500">
                          {" "}
                          · {e.actor.roleLabel} · {e.actor.regionName}
                        </span>
                      </>
                    ) : (
                      <span className="text-slate-500">系统</span>
                    )}
                  </p>
                  {e.details.length ? (
                    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs text-slate-600">
                      {e.details.map((d, i) => (
                        <div key={i} className="contents">
                          <dt className="text-slate-400">{d.label}</dt>
                          <dd className="whitespace-pre-wrap break-words">{d.value}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        )}
        {entries.length >= AUDIT_LOG_MAX ? <p className="mt-3 text-xs text-slate-500">仅显示最近 {AUDIT_LOG_MAX} 条。</p> : null}
      </Card>
    </div>
  );
}
