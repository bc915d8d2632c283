import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Dashboard } from "@/lib/review/dashboard";
import { BUCKET_KEYS, bucketLabel, shortLabel } from "@/lib/review/dashboard";

const select = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none";
const field = "flex flex-col gap-1 text-xs text-slate-500";

/** A multi-select as a disclosure of checkboxes: a plain GET form then sends the key once per ticked value
 *  (?status=mine&status=returned), which is what parseDashboardFilters reads. No script needed. */
function MultiSelect({ id, label, name, chosen, options, wide }: { id: string; label: string; name: string; chosen: readonly string[]; options: { value: string; label: string; title?: string }[]; wide?: boolean }) {
  const summary: ReactNode = chosen.length === 0 ? "全部" : chosen.length === 1 ? (options.find((o) => o.value === chosen[0])?.label ?? "1 项") : `已选 ${chosen.length} 项`;
  return (
    <div className={field}>
      <span id={`${id}-label`}>{label}</span>
      <details className="relative" data-testid={`filter-${name}`}>
        <summary aria-labelledby={`${id}-label`} className={`${select} flex min-w-32 cursor-pointer list-none items-center justify-between gap-2 text-slate-800`}>
          <span className="truncate">{summary}</span>
          <span aria-hidden className="text-slate-400">▾</span>
        </summary>
        <fieldset aria-labelledby={`${id}-label`} className={`absolute z-20 mt-1 max-h-72 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg ${wide ? "w-96" : "w-56"}`}>
          {options.map((o) => (
            <label key={o.value} title={o.title} className="flex items-center gap-2 rounded px-1.5 py-1 text-sm text-slate-700 hover:bg-slate-50">
              <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.includes(o.value)} className="accent-brand-600" />
              <span className="truncate">{o.label}</span>
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and the export repeats it. */
export function DashboardFilters({ d, byCity }: { d: Dashboard; byCity: boolean }) {
  const f = d.filters;
  const active = f.city.length || f.status.length || f.ind.length || f.unmet || f.comments || f.q;
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
      {byCity ? <MultiSelect id="f-city" label="所属市" name="city" chosen={f.city} options={d.options.cities.map((c) => ({ value: c.code, label: c.name }))} /> : null}
      <MultiSelect id="f-status" label="状态" name="status" chosen={f.status} options={BUCKET_KEYS.map((b) => ({ value: b, label: bucketLabel(b, d.level) }))} />
      {d.columns.length ? (
        <MultiSelect id="f-ind" label="图表指标" name="ind" chosen={f.ind} wide options={d.columns.map((c) => ({ value: c.key, label: shortLabel(c.label, 24), title: c.label }))} />
      ) : null}
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
