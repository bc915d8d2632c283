import Link from "next/link";
import { Badge } from "@/components/ui/page";
import type { LedgerCounts } from "@/lib/review/ledger";
import type { Dashboard } from "@/lib/review/dashboard";
import { DASHBOARD_BUCKETS, bucketLabel } from "@/lib/review/dashboard";
import { formatDateTime } from "@/lib/dates";


function Completeness({ value }: { value: number }) {
  return (
    <span className="flex items-center gap-2">
      <span className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        <span className={`block h-full rounded-full ${value === 100 ? "bg-emerald-500" : "bg-brand-600"}`} style={{ width: `${value}%` }} />
      </span>
      <span className="w-9 text-right tabular-nums text-slate-600">{value}%</span>
    </span>
  );
}

/** One line per county: where its report stands. The county name opens the report. */
/** `ledger`: each county's 整改台账 counts (lib/review/ledger), shown as overdue / 待复核 badges. */
export function DashboardStatusTable({ d, title, byCity, ledger = {} }: { d: Dashboard; title: string; byCity: boolean; ledger?: Record<string, LedgerCounts> }) {
  const num = (n: number, warn = false) => <span className={n && warn ? "font-medium text-amber-700" : n ? "" : "text-slate-300"}>{n}</span>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:px-2 [&_td]:py-2 [&_th]:px-2" aria-label={title}>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1.5 font-normal">县（市、区）</th>
            {byCity ? <th className="py-1.5 font-normal">所属市</th> : null}
            <th className="py-1.5 font-normal">状态</th>
            <th className="py-1.5 font-normal">提交日期</th>
            <th className="py-1.5 text-right font-normal">提交轮次</th>
            <th className="py-1.5 text-right font-normal">未解决评论</th>
            <th className="py-1.5 font-normal">完成度</th>
            <th className="py-1.5 text-right font-normal">待处理问题</th>
            <th className="py-1.5 text-right font-normal">未达标指标</th>
            <th className="py-1.5 text-right font-normal">核定有异议</th>
            <th className="py-1.5 font-normal">整改台账</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {d.rows.map((row) => {
            const r = row.report;
            return (
              <tr key={row.county.code} className="hover:bg-slate-50">
                <td className="whitespace-nowrap font-medium">
                  {r ? (
                    <Link href={`/reports/${r.id}`} prefetch={false} className="text-brand-700 hover:underline">
                      {row.county.name}
                    </Link>
                  ) : (
                    <span className="text-slate-500">{row.county.name}</span>
                  )}
                </td>
                {byCity ? <td className="whitespace-nowrap text-slate-600">{row.city?.name}</td> : null}
                <td className="whitespace-nowrap">
                  <Badge tone={DASHBOARD_BUCKETS[row.bucket].tone}>{r ? r.statusText : bucketLabel("none", d.level)}</Badge>
                </td>
                <td className="whitespace-nowrap text-slate-600">{r?.submittedAt ? formatDateTime(r.submittedAt, "date") : <span className="text-slate-300">—</span>}</td>
                <td className="text-right">{r ? num(r.round) : null}</td>
                <td className="text-right">{r ? num(r.openComments, true) : null}</td>
                <td>{r ? <Completeness value={r.completeness} /> : null}</td>
                <td className="text-right">{r ? num(r.problemCount, true) : null}</td>
                <td className="text-right">{r ? <span className={r.unmet ? "font-medium text-red-700" : "text-slate-300"}>{r.unmet}</span> : null}</td>
                <td className="text-right">
                  {r?.disputed ? (
                    <Link href={`/reports/${r.id}/verification`} prefetch={false} className="font-medium text-red-700 hover:underline" aria-label={`${row.county.name}核定有异议 ${r.disputed} 项`}>
                      {r.disputed}
                    </Link>
                  ) : r ? (
                    num(0)
                  ) : null}
                </td>
                <td className="whitespace-nowrap">
                  <LedgerCell code={row.county.code} c={ledger[row.county.code]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function LedgerCell({ code, c }: { code: string; c: LedgerCounts | undefined }) {
  if (!c?.total) return <span className="text-slate-300">—</span>;
  return (
    <Link href={`/review/ledger?county=${code}`} prefetch={false} className="inline-flex gap-1 hover:underline" aria-label={`整改台账：${c.total} 项，超期 ${c.overdue} 项，待复核 ${c.unverified} 项`}>
      {c.overdue ? <Badge tone="red">超期 {c.overdue}</Badge> : null}
      {c.unverified ? <Badge tone="blue">待复核 {c.unverified}</Badge> : null}
      {!c.overdue && !c.unverified ? <span className="text-xs text-slate-500">{c.total} 项</span> : null}
    </Link>
  );
}
