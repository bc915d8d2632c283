import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LedgerItemCard } from "@/components/review/ledger-item-card";
import { Card, PageHeader } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { z } from "@/lib/validation";
import { ledgerCounts, listLedger } from "@/lib/review/ledger/server";
import type { LedgerItemView } from "@/lib/review/ledger";

export const metadata: Metadata = { title: "整改台账" };

const ONLY = { "": "全部", open: "未完成", overdue: "已超期", unverified: "待复核" } as const;
const ZQuery = z.object({
  county: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  only: z.enum(["open", "overdue", "unverified"]).optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reviewer's ledger: every 整改事项 of the counties in reach, by county, with the 复核 of closed ones. */
export default async function LedgerPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!hasPermission(actor.role, "review:dashboard")) notFound();
  const query = ZQuery.parse(await searchParams);
  const db = getDb();
  const [items, counts, counties] = await Promise.all([
    listLedger(db, actor, { countyCode: query.county, only: query.only }),
    ledgerCounts(db, actor),
    db.region.findMany({ where: { level: "county", path: { startsWith: actor.region.path } }, orderBy: { path: "asc" }, select: { code: true, name: true } }),
  ]);
  const byCounty = new Map<string, LedgerItemView[]>();
  for (const item of items) byCounty.set(item.countyCode, [...(byCounty.get(item.countyCode) ?? []), item]);
  const total = Object.values(counts).reduce((a, c) => ({ overdue: a.overdue + c.overdue, unverified: a.unverified + c.unverified, total: a.total + c.total }), { overdue: 0, unverified: 0, total: 0 });
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${actor.region.name}整改台账`}
        description={`辖区内共 ${total.total} 项整改事项，已超期 ${total.overdue} 项，县区已完成或说明、待复核 ${total.unverified} 项`}
      />
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label="筛选整改事项">
        <label className="space-y-1">
          <span className="block text-slate-600">县（市、区）</span>
          <select name="county" defaultValue={query.county ?? ""} className={inputClass}>
            <option value="">全部县区</option>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
                {counts[c.code] ? `（${counts[c.code].total}）` : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-slate-600">范围</span>
          <select name="only" defaultValue={query.only ?? ""} className={inputClass}>
            {Object.entries(ONLY).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 font-medium text-white hover:bg-brand-700">
          筛选
        </button>
      </form>
      {byCounty.size === 0 ? (
        <Card>
          <p className="text-sm text-slate-500">没有符合条件的整改事项。</p>
        </Card>
      ) : (
        [...byCounty.entries()].map(([code, list]) => (
          <Card key={code} title={`${list[0].countyName}（${list.length} 项${counts[code]?.overdue ? `，已超期 ${counts[code].overdue} 项` : ""}${counts[code]?.unverified ? `，待复核 ${counts[code].unverified} 项` : ""}）`}>
            <p className="-mt-2 mb-3 text-xs text-slate-500">
              来自：
              {[...new Set(list.map((i) => i.reportId))].map((id, i) => (
                <Link key={id} href={`/reports/${id}`} className="mr-2 text-brand-700 hover:underline">
                  {i ? "、" : ""}
                  {list.find((x) => x.reportId === id)?.year} 年自评报告
                </Link>
              ))}
            </p>
            <ol className="space-y-3">
              {list.map((item, i) => (
                <LedgerItemCard key={`${item.id}-${item.version}`} item={item} n={i + 1} canEdit={false} canReview={hasPermission(actor.role, "report:review")} evidence={[]} />
              ))}
            </ol>
          </Card>
        ))
      )}
    </div>
  );
}
