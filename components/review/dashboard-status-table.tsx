"use client";
// One line per county: where its report stands; the county name opens the report. A client component so that the
// server sends compact rows (lib/review/dashboard/status.ts) and only the rows in view are in the page
// (components/ui/virtual-rows.tsx): a province's 120 counties cost a screenful of rows.
import Link from "next/link";
import { Badge } from "@/components/ui/page";
import { useVirtualRows } from "@/components/ui/virtual-rows";
import type { StatusRow } from "@/lib/review/dashboard";
import type { LedgerCounts } from "@/lib/review/ledger";

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

const num = (n: number, warn = false) => <span className={n && warn ? "font-medium text-amber-700" : n ? "" : "text-slate-300"}>{n}</span>;
const HEAD = "sticky top-0 z-10 bg-white py-1.5 font-normal shadow-[inset_0_-1px_0_var(--color-slate-200)]";

export function DashboardStatusTable({ rows, title, byCity }: { rows: StatusRow[]; title: string; byCity: boolean }) {
  const columns = byCity ? 11 : 10;
  const { box, indices, rowProps, before, after } = useVirtualRows({ count: rows.length, rowHeight: 41, headerHeight: 30, columns });
  return (
    <div ref={box} className="max-h-[75vh] overflow-auto">
      <table className="w-full text-left text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:px-2 [&_td]:py-2 [&_th]:px-2" aria-label={title} aria-rowcount={rows.length + 1}>
        <thead className="text-xs text-slate-500">
          <tr aria-rowindex={1}>
            <th className={HEAD}>县（市、区）</th>
            {byCity ? <th className={HEAD}>所属市</th> : null}
            <th className={HEAD}>状态</th>
            <th className={HEAD}>提交日期</th>
            <th className={`${HEAD} text-right`}>提交轮次</th>
            <th className={`${HEAD} text-right`}>未解决评论</th>
            <th className={HEAD}>完成度</th>
            <th className={`${HEAD} text-right`}>待处理问题</th>
            <th className={`${HEAD} text-right`}>未达标指标</th>
            <th className={`${HEAD} text-right`}>核定有异议</th>
            <th className={HEAD}>整改台账</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {before}
          {indices.map((index) => {
            const row = rows[index];
            const r = row.report;
            return (
              <tr key={row.code} {...rowProps(index)} className="hover:bg-slate-50">
                <td className="whitespace-nowrap font-medium">
                  {r ? (
                    <Link href={`/reports/${r.id}`} prefetch={false} className="text-brand-700 hover:underline">
                      {row.name}
                    </Link>
                  ) : (
                    <span className="text-slate-500">{row.name}</span>
                  )}
                </td>
                {byCity ? <td className="whitespace-nowrap text-slate-600">{row.city}</td> : null}
                <td className="whitespace-nowrap">
                  <Badge tone={row.tone}>{row.statusText}</Badge>
                </td>
                <td className="whitespace-nowrap text-slate-600">{r?.submitted || <span className="text-slate-300">—</span>}</td>
                <td className="text-right">{r ? num(r.round) : null}</td>
                <td className="text-right">{r ? num(r.openComments, true) : null}</td>
                <td>{r ? <Completeness value={r.completeness} /> : null}</td>
                <td className="text-right">{r ? num(r.problemCount, true) : null}</td>
                <td className="text-right">{r ? <span className={r.unmet ? "font-medium text-red-700" : "text-slate-300"}>{r.unmet}</span> : null}</td>
                <td className="text-right">
                  {r?.disputed ? (
                    <Link href={`/reports/${r.id}/verification`} prefetch={false} className="font-medium text-red-700 hover:underline" aria-label={`${row.name}核定有异议 ${r.disputed} 项`}>
                      {r.disputed}
                    </Link>
                  ) : r ? (
                    num(0)
                  ) : null}
                </td>
                <td className="whitespace-nowrap">
                  <LedgerCell code={row.code} c={row.ledger} />
                </td>
              </tr>
            );
          })}
          {after}
        </tbody>
      </table>
    </div>
  );
}

function LedgerCell({ code, c }: { code: string; c: LedgerCounts | null }) {
  if (!c?.total) return <span className="text-slate-300">—</span>;
  return (
    <Link href={`/review/ledger?county=${code}`} prefetch={false} className="inline-flex gap-1 hover:underline" aria-label={`整改台账：${c.total} 项，超期 ${c.overdue} 项，待复核 ${c.unverified} 项`}>
      {c.overdue ? <Badge tone="red">超期 {c.overdue}</Badge> : null}
      {c.unverified ? <Badge tone="blue">待复核 {c.unverified}</Badge> : null}
      {!c.overdue && !c.unverified ? <span className="text-xs text-slate-500">{c.total} 项</span> : null}
    </Link>
  );
}
