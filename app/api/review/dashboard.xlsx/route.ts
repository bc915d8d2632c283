import { route } from "@/lib/http/route";
import { readSource } from "@/lib/db/replica";
import { contentDisposition } from "@/lib/http/content-disposition";
import { loadDashboard } from "@/lib/review/dashboard/server";
import { parseDashboardFilters } from "@/lib/review/dashboard";
import { dashboardWorkbook } from "@/lib/review/dashboard/server";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /api/review/dashboard.xlsx?<the dashboard's filters> — what /review shows, as a workbook (概览, 指标). The
 *  region is the signed-in reviewer's (loadDashboard checks review:dashboard and reads only counties in reach). */
export async function GET(request: Request) {
  return route(async ({ actor, db: primary }) => {
    const source = await readSource(primary);
    const dashboard = await loadDashboard(source.db, actor, parseDashboardFilters(new URL(request.url).searchParams), source);
    const bytes = await dashboardWorkbook(dashboard);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": XLSX,
        "Content-Disposition": contentDisposition(`${actor.region.name}-${dashboard.filters.year}-辖区概览.xlsx`),
        "Content-Length": String(bytes.length),
        "Cache-Control": "private, no-store",
      },
    });
  })(request);
}
