import { readBody, route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { invalid } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { dashboardWorkbook, loadDashboard } from "@/lib/review/dashboard/server";
import { dashboardCharts, decodeChartPng, ledgerProgress, parseDashboardFilters, MAX_CHART_BODY_BYTES, ZChartImages } from "@/lib/review/dashboard";
import { ledgerCounts } from "@/lib/review/ledger/server";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** POST /api/review/dashboard-charts.xlsx?<the dashboard's filters> { images: [{ id, png }] } — the workbook of GET
 *  /api/review/dashboard.xlsx plus sheet 图表: the PNGs the browser drew, each beside the data the server rebuilds
 *  for the same filters (so only the pictures come from the client). Same-origin and session checks in route(). */
export async function POST(request: Request) {
  return route(async ({ actor, db }) => {
    const body = await readBody(request, MAX_CHART_BODY_BYTES, "图表图片过大，请减少图表后重试");
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw invalid("请求内容不是有效的 JSON");
    }
    const { images } = parseOrThrow(ZChartImages, raw);
    const [dashboard, ledger] = await Promise.all([loadDashboard(db, actor, parseDashboardFilters(new URL(request.url).searchParams)), ledgerCounts(db, actor)]);
    const specs = new Map(dashboardCharts(dashboard, undefined, ledgerProgress(dashboard, ledger)).map((s) => [s.id, s]));
    const drawn = images.map(({ id, png }) => {
      const spec = specs.get(id);
      if (!spec) throw invalid("图表与当前视图不一致，请刷新页面后重试");
      const decoded = decodeChartPng(png);
      if (!decoded) throw invalid("图表图片不是有效的 PNG");
      return { spec, png: decoded };
    });
    const bytes = await dashboardWorkbook(dashboard, drawn);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": XLSX,
        "Content-Disposition": contentDisposition(`${actor.region.name}-${dashboard.filters.year}-辖区概览（含图表）.xlsx`),
        "Content-Length": String(bytes.length),
        "Cache-Control": "private, no-store",
      },
    });
  })(request);
}
