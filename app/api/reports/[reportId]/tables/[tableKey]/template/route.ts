import { route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { notFound } from "@/lib/errors";
import { loadReport } from "@/lib/report/server/service";
import { tableSectionKey } from "@/lib/report/sections";
import type { TSchoolTableContent } from "@/lib/report/content";
import { buildSchoolTableWorkbook } from "@/lib/schools/server";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Params = { params: Promise<{ reportId: string; tableKey: string }> };

/** GET …/template[?rows=1] — the .xlsx to fill in and import; with rows=1, the table as currently saved, to edit in
 *  Excel and import again. */
export async function GET(request: Request, { params }: Params) {
  const { reportId, tableKey } = await params;
  return route(async ({ actor, db }) => {
    // loadReport checks report:read and the county against the actor's region.
    const { report, contents } = await loadReport(db, actor, reportId.slice(0, 64));
    const table = report.schemeDef.tables.find((t) => t.key === tableKey.slice(0, 80));
    if (!table) throw notFound("学校数据表");
    const withRows = new URL(request.url).searchParams.get("rows") === "1";
    const rows = withRows ? ((contents[tableSectionKey(table.key)] as TSchoolTableContent | undefined)?.rows ?? []) : [];
    const bytes = await buildSchoolTableWorkbook(table, rows);
    const name = `${table.title}${withRows ? `（${report.county.name}）` : "（导入模板）"}.xlsx`;
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": XLSX, "Content-Disposition": contentDisposition(name), "Content-Length": String(bytes.length), "Cache-Control": "no-store" },
    });
  })(request);
}
