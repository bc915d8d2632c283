// The dashboard's filters, kept in the URL query (?year=2021&scheme=…&city=140800&status=mine&unmet=1&comments=1&q=闻喜)
// so that a view can be bookmarked, shared and exported as it is. A value that does not parse is dropped rather
// than refused: the page then shows its default instead of an error.
import { z } from "@/lib/validation";
import { BUCKET_KEYS } from "@/lib/review/dashboard/buckets";

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "on");

export const ZDashboardFilters = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  scheme: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).optional().catch(undefined),
  city: z.string().regex(/^[1-9]\d{5}$/).optional().catch(undefined),
  status: z.enum(BUCKET_KEYS).optional().catch(undefined),
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

/** Parses a page's searchParams or a request's query; repeated keys take their first value. */
export function parseDashboardFilters(query: Query): TDashboardFilters {
  const get = (key: string): string | undefined => {
    if (query instanceof URLSearchParams) return query.get(key) ?? undefined;
    const v = query[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const raw = Object.fromEntries(Object.keys(ZDashboardFilters.shape).map((k) => [k, get(k)]));
  return ZDashboardFilters.parse(raw);
}

/** The query string for a set of filters (defaults left out), e.g. for links that change one filter. */
export function dashboardQuery(filters: Partial<TDashboardFilters>): string {
  const params = new URLSearchParams();
  if (filters.year) params.set("year", String(filters.year));
  if (filters.scheme) params.set("scheme", filters.scheme);
  if (filters.city) params.set("city", filters.city);
  if (filters.status) params.set("status", filters.status);
  if (filters.unmet) params.set("unmet", "1");
  if (filters.comments) params.set("comments", "1");
  if (filters.q) params.set("q", filters.q);
  const s = params.toString();
  return s ? `?${s}` : "";
}
