import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { Dashboard } from "@/lib/review/dashboard";
import { BUCKET_KEYS, bucketLabel } from "@/lib/review/dashboard";

const select = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none";
const field = "flex flex-col gap-1 text-xs text-slate-500";

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and the export repeats it. */
export function DashboardFilters({ d, byCity }: { d: Dashboard; byCity: boolean }) {
  const f = d.filters;
  const active = f.city || f.status || f.unmet || f.comments || f.q;
  return (
    <form role="search" aria-label="筛选" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className={field}>
        <label htmlFor="f-year">年度</label>
        <select id="f-year" name="year" defaultValue={f.year} className={select}>
          {d.options.years.map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
        </select>
      </div>
      {d.options.schemes.length > 1 ? (
        <div className={field}>
          <label htmlFor="f-scheme">评价方案</label>
          <select id="f-scheme" name="scheme" defaultValue={f.scheme} className={`${select} max-w-64`}>
            {d.options.schemes.map((s) => (
              <option key={s.code} value={s.code}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
      ) : f.scheme ? (
        <input type="hidden" name="scheme" value={f.scheme} />
      ) : null}
      {byCity ? (
        <div className={field}>
          <label htmlFor="f-city">所属市</label>
          <select id="f-city" name="city" defaultValue={f.city ?? ""} className={select}>
            <option value="">全部</option>
            {d.options.cities.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={field}>
        <label htmlFor="f-status">状态</label>
        <select id="f-status" name="status" defaultValue={f.status ?? ""} className={select}>
          <option value="">全部</option>
          {BUCKET_KEYS.map((b) => (
            <option key={b} value={b}>
              {bucketLabel(b, d.level)}
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="q">县（市、区）</label>
        <input id="q" name="q" defaultValue={f.q} placeholder="按县（市、区）名称筛选" className={`${select} w-48`} />
      </div>
      <div className="flex flex-col gap-1 pb-1.5 text-sm text-slate-700">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" name="unmet" value="1" defaultChecked={f.unmet} className="accent-brand-600" />
          只看有未达标指标的
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" name="comments" value="1" defaultChecked={f.comments} className="accent-brand-600" />
          只看有未解决评论的
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary">
          筛选
        </Button>
        {active ? (
          <Link href={`/review?year=${f.year}${f.scheme ? `&scheme=${f.scheme}` : ""}`} className="text-sm text-brand-600 hover:underline">
            清除条件
          </Link>
        ) : null}
      </div>
    </form>
  );
}
