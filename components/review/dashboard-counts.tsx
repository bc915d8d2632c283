import Link from "next/link";
import type { Dashboard } from "@/lib/review/dashboard";
import { BUCKET_KEYS, bucketLabel, type DashboardBucket } from "@/lib/review/dashboard";
import { dashboardQuery } from "@/lib/review/dashboard";

const ACCENT: Record<DashboardBucket, string> = {
  mine: "text-brand-700",
  elsewhere: "text-slate-700",
  returned: "text-red-700",
  accepted: "text-emerald-700",
  draft: "text-amber-700",
  none: "text-slate-500",
};

const only = (chosen: readonly DashboardBucket[], b: DashboardBucket) => chosen.length === 1 && chosen[0] === b;

/** How many counties stand where, as links that filter the tables to that status (and back to all); several statuses at once are chosen in the filter form. */
export function DashboardCounts({ d }: { d: Dashboard }) {
  const total = BUCKET_KEYS.reduce((n, b) => n + d.counts[b], 0);
  const tile = (active: boolean) =>
    `flex min-w-28 flex-1 flex-col rounded-lg border bg-white px-3 py-2 shadow-sm hover:border-brand-600 ${active ? "border-brand-600 ring-2 ring-brand-100" : "border-slate-200"}`;
  return (
    <nav aria-label="按状态统计" className="mb-4 flex flex-wrap gap-2">
      <Link href={`/review${dashboardQuery({ ...d.filters, status: [] })}`} className={tile(!d.filters.status.length)} aria-current={!d.filters.status.length ? "page" : undefined}>
        <span className="text-xs text-slate-500">全部县区</span>
        <span className="text-2xl font-semibold tabular-nums text-slate-900">{total}</span>
      </Link>
      {BUCKET_KEYS.map((b) => (
        <Link
          key={b}
          href={`/review${dashboardQuery({ ...d.filters, status: [b] })}`}
          className={tile(only(d.filters.status, b))}
          aria-current={only(d.filters.status, b) ? "page" : undefined}
          data-testid={`count-${b}`}
        >
          <span className="text-xs text-slate-500">{bucketLabel(b, d.level)}</span>
          <span className={`text-2xl font-semibold tabular-nums ${d.counts[b] ? ACCENT[b] : "text-slate-300"}`}>{d.counts[b]}</span>
        </Link>
      ))}
    </nav>
  );
}
