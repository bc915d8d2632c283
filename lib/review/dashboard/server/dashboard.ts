import "server-only";
// The reviewer's dashboard over their region: every county with where its report stands, and the counties ×
// indicators matrix with last year's change. Built for a province of 120 counties from a fixed number of queries,
// whatever the number of counties: the counties in reach, the report years and schemes (for the filters), the
// schemes, the reports of the year and the year before (with their stored summaries), and one grouped count of
// open comment threads. Nothing is read per county; indicator values come from Report.summary
// (lib/review/report-summary.ts), recomputed only for rows written before summaries existed.
import type { Db } from "@/lib/db/connect";
import type { ReadSource } from "@/lib/db/replica";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import { schemeIndicators } from "@/lib/template/lookup";
import { targetLabel } from "@/lib/indicators/targets";
import { headerUnit, styleOf } from "@/lib/indicators/display";
import { cachedScheme } from "@/lib/schemes/server/service";
import { reportStatusText } from "@/lib/report/status";
import { beijingParts } from "@/lib/dates";
import { bucketOf, levelOfRegion, BUCKET_KEYS, type DashboardBucket } from "@/lib/review/dashboard/buckets";
import type { TDashboardFilters } from "@/lib/review/dashboard/filters";
import { ensureSummaries } from "@/lib/review/dashboard/server/summaries";
import { disputeCounts } from "@/lib/review/verification/server";
import type { TReportSummary } from "@/lib/report/summary";
import type { Dashboard, DashboardReport, DashboardRow, IndicatorColumn, MatrixCell } from "@/lib/review/dashboard/types";


const REPORT_FIELDS = {
  id: true,
  countyCode: true,
  schemeId: true,
  schemeCode: true,
  year: true,
  status: true,
  reviewStage: true,
  submittedAt: true,
  round: true,
  completeness: true,
  problemCount: true,
  summary: true,
  lastEditedAt: true,
} as const;

/**
 * `db` is where the dashboard is read from: the primary, or a standby (lib/db/replica.ts) — then `source` gives the
 * primary for the one write a view may make (summaries of old rows) and how current the standby's data is.
 */
export async function loadDashboard(db: Db, actor: Actor, filters: TDashboardFilters, source?: Pick<ReadSource, "primary" | "asOf">): Promise<Dashboard> {
  requirePermission(actor, "review:dashboard");
  const inReach = countiesInScope(actor);
  const [counties, used, schemeRows] = await Promise.all([
    db.region.findMany({
      where: inReach,
      orderBy: { path: "asc" },
      select: { code: true, name: true, parent: { select: { code: true, name: true } } },
    }),
    db.report.groupBy({ by: ["year", "schemeCode"], where: { county: inReach }, _count: { _all: true } }),
    db.scheme.findMany({
      select: { id: true, code: true, title: true, year: true, version: true },
      orderBy: [{ year: "desc" }, { code: "asc" }, { version: "desc" }],
    }),
  ]);

  const latest = new Map<string, (typeof schemeRows)[number]>();
  for (const s of schemeRows) if (!latest.has(s.code)) latest.set(s.code, s);
  const years = [...new Set([...used.map((u) => u.year), ...[...latest.values()].map((s) => s.year)])].sort((a, b) => b - a);
  const usedYears = used.map((u) => u.year);
  // A year no report or scheme has (typed into the URL) would show an empty page under a select that says otherwise.
  const resolvedYear =
    (filters.year && years.includes(filters.year) ? filters.year : undefined) ??
    (filters.scheme ? latest.get(filters.scheme)?.year : undefined) ??
    (usedYears.length ? Math.max(...usedYears) : years[0]) ??
    beijingParts().year;
  const schemeCodes = [...new Set([...used.filter((u) => u.year === resolvedYear).map((u) => u.schemeCode), ...[...latest.values()].filter((s) => s.year === resolvedYear).map((s) => s.code)])];
  const reportsPer = (code: string) => used.find((u) => u.year === resolvedYear && u.schemeCode === code)?._count._all ?? 0;
  schemeCodes.sort((a, b) => reportsPer(b) - reportsPer(a) || a.localeCompare(b));
  const schemeCode = filters.scheme && schemeCodes.includes(filters.scheme) ? filters.scheme : (schemeCodes[0] ?? null);
  const schemeRow = schemeCode ? latest.get(schemeCode) : undefined;

  const [reportRows, openThreads, scheme] = await Promise.all([
    schemeCode
      ? db.report.findMany({
          where: { county: inReach, OR: [{ year: resolvedYear, schemeCode }, { year: resolvedYear - 1 }] },
          select: REPORT_FIELDS,
        })
      : Promise.resolve([]),
    schemeCode
      ? db.comment.groupBy({
          by: ["reportId", "status"],
          where: { parentId: null, report: { year: resolvedYear, schemeCode, county: inReach } },
          _count: { _all: true },
        })
      : Promise.resolve([]),
    schemeRow ? cachedScheme(db, schemeRow.id) : Promise.resolve(null),
  ]);

  const [summaries, disputes] = await Promise.all([
    ensureSummaries(db, reportRows, source?.primary),
    disputeCounts(db, reportRows.filter((r) => r.year === resolvedYear).map((r) => r.id)),
  ]);
  const current = new Map<string, (typeof reportRows)[number]>();
  const previous = new Map<string, (typeof reportRows)[number]>();
  for (const r of reportRows) {
    if (r.year === resolvedYear) current.set(r.countyCode, r);
    else {
      // Of several reports the year before (under different schemes), the one last worked on.
      const seen = previous.get(r.countyCode);
      if (!seen || seen.lastEditedAt < r.lastEditedAt) previous.set(r.countyCode, r);
    }
  }
  const openBy = new Map(openThreads.filter((o) => o.status === "open").map((o) => [o.reportId, o._count._all]));
  const resolvedBy = new Map(openThreads.filter((o) => o.status === "resolved").map((o) => [o.reportId, o._count._all]));
  const columns: IndicatorColumn[] = scheme
    ? schemeIndicators(scheme).map((i) => {
        const style = styleOf(i);
        return {
          key: i.key,
          label: i.label,
          unit: headerUnit(style),
          target: i.target ? targetLabel(i.target, style) : null,
          precision: style.places,
          affix: { prefix: style.prefix, suffix: style.suffix },
          bounds: !i.target || i.target.op === "yes" ? [] : i.target.op === "between" ? [i.target.min, i.target.max] : [i.target.value],
        };
      })
    : [];
  const level = levelOfRegion(actor.region.level);

  const all: DashboardRow[] = counties.map((c) => {
    const r = current.get(c.code);
    const prev = previous.get(c.code);
    const report: DashboardReport | null = r
      ? {
          id: r.id,
          status: r.status,
          statusText: reportStatusText(r.status, r.reviewStage),
          submittedAt: r.submittedAt,
          round: r.round,
          completeness: r.completeness,
          problemCount: r.problemCount,
          openComments: openBy.get(r.id) ?? 0,
          unmet: summaries.get(r.id)?.unmet ?? 0,
          resolvedComments: resolvedBy.get(r.id) ?? 0,
          score: scoreOf(summaries.get(r.id)),
          disputed: disputes.get(r.id) ?? 0,
          cells: cellsOf(columns, summaries.get(r.id), prev ? summaries.get(prev.id) : undefined),
        }
      : null;
    return {
      county: { code: c.code, name: c.name },
      city: c.parent ? { code: c.parent.code, name: c.parent.name } : null,
      bucket: bucketOf(r ?? null, level),
      report,
    };
  });

  const cities = [...new Map(all.filter((r) => r.city).map((r) => [r.city!.code, r.city!])).values()];
  // Cities outside the reviewer's reach are dropped, not trusted; none left means every city.
  const city = filters.city.filter((code) => cities.some((c) => c.code === code));
  const narrowed = all.filter(
    (row) =>
      (!city.length || (row.city !== null && city.includes(row.city.code))) &&
      (!filters.q || row.county.name.includes(filters.q)) &&
      (!filters.unmet || (row.report?.unmet ?? 0) > 0) &&
      (!filters.comments || (row.report?.openComments ?? 0) > 0),
  );
  const counts = Object.fromEntries(BUCKET_KEYS.map((b) => [b, 0])) as Record<DashboardBucket, number>;
  for (const row of narrowed) counts[row.bucket]++;
  const rows = filters.status.length ? narrowed.filter((r) => filters.status.includes(r.bucket)) : narrowed;

  return {
    filters: { ...filters, year: resolvedYear, scheme: schemeCode ?? undefined, city, ind: filters.ind.filter((k) => columns.some((c) => c.key === k)) },
    scheme: schemeCode ? { code: schemeCode, title: schemeRow?.title ?? schemeCode } : null,
    options: {
      years,
      schemes: schemeCodes.map((code) => ({ code, title: latest.get(code)?.title ?? code })),
      cities,
    },
    counts,
    columns,
    rows,
    hasPrevious: rows.some((r) => r.report && previous.has(r.county.code)),
    level,
    grades: scheme?.scoring?.grades.map((g) => g.label) ?? [],
    reportsInYear: used.filter((u) => u.year === resolvedYear).reduce((n, u) => n + u._count._all, 0),
    dataAsOf: source?.asOf ? source.asOf.toISOString() : null,
  };
}

function cellsOf(columns: IndicatorColumn[], now: TReportSummary | undefined, before: TReportSummary | undefined): Record<string, MatrixCell> {
  const cells: Record<string, MatrixCell> = {};
  if (!now) return cells;
  for (const col of columns) {
    const s = now.indicators[col.key];
    if (!s) continue;
    const p = before?.indicators[col.key];
    const delta = s.value !== null && p?.value != null ? Number((s.value - p.value).toFixed(col.precision)) : null;
    cells[col.key] = { display: s.display, value: s.value, met: s.met, delta, previous: p?.display ?? null };
  }
  return cells;
}

function scoreOf(summary: TReportSummary | undefined): DashboardReport["score"] {
  const s = summary?.score;
  if (!s) return null;
  const total = Number(s.total);
  return { total: s.complete && Number.isFinite(total) ? total : null, max: s.max, grade: s.grade };
}
