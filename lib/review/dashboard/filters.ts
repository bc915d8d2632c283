// The dashboard's filters, kept in the URL query (?year=2021&scheme=…&city=140800&status=mine&status=returned&ind=…
// &unmet=1&comments=1&q=闻喜) so that a view can be bookmarked, shared and exported as it is. city, status and ind
// are multi-select: the key repeats, one value each (what a form's checkboxes send). A value that does not parse is
// dropped rather than refused: the page then shows its default instead of an error.
import { z } from "@/lib/validation";
import { BUCKET_KEYS } from "@/lib/review/dashboard/buckets";

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "on");

/** A repeated key: the values that parse, each once, at most 200 (a province has ~120 counties, a scheme ~40
 *  indicators); one bad value drops only itself. */
function many<T extends string>(item: z.ZodType<T>) {
  return z
    .array(z.string())
    .optional()
    .transform((vs) => [...new Set((vs ?? []).slice(0, 200).flatMap((v) => { const r = item.safeParse(v); return r.success ? [r.data] : []; }))])
    .catch([]);
}

const MULTI = new Set(["city", "status", "ind"]);

export const ZDashboardFilters = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  scheme: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).optional().catch(undefined),
  city: many(z.string().regex(/^[1-9]\d{5}$/)),
  status: many(z.enum(BUCKET_KEYS)),
  /** Indicators the charts draw (keys of the scheme); none chosen: every indicator with a numeric target. */
  ind: many(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)),
  unmet: flag.catch(false),
  comments: flag.catch(false),
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().slice(0, 20))
    .catch(""),
});
export type TDashboardFilters = z.infer<typeof ZDashboardFilters>;

type Query = URLSearchParams | Record<string, string | string[] | undefined>;

/** Parses a page's searchParams or a request's query; a repeated single-valued key takes its first value. */
export function parseDashboardFilters(query: Query): TDashboardFilters {
  const all = (key: string): string[] => {
    if (query instanceof URLSearchParams) return query.getAll(key);
    const v = query[key];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const raw = Object.fromEntries(Object.keys(ZDashboardFilters.shape).map((k) => [k, MULTI.has(k) ? all(k) : all(k)[0]]));
  return ZDashboardFilters.parse(raw);
}

/** The query string for a set of filters (defaults left out), e.g. for links that change one filter. */
export function dashboardQuery(filters: Partial<TDashboardFilters>): string {
  const params = new URLSearchParams();
  if (filters.year) params.set("year", String(filters.year));
  if (filters.scheme) params.set("scheme", filters.scheme);
  for (const c of filters.city ?? []) params.append("city", c);
  for (const b of filters.status ?? []) params.append("status", b);
  for (const k of filters.ind ?? []) params.append("ind", k);
  if (filters.unmet) params.set("unmet", "1");
  if (filters.comments) params.set("comments", "1");
  if (filters.q) params.set("q", filters.q);
  const s = params.toString();
  return s ? `?${s}` : "";
}
