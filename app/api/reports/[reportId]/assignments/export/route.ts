import { route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { loadBoard } from "@/lib/assignments/server/service";
import { boardWorkbook } from "@/lib/assignments/server/xlsx";

type Params = { params: Promise<{ reportId: string }> };

/** GET — the progress board as .xlsx, for the county lead (404 for anyone else, as for any report out of reach). */
export async function GET(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    const { report, rows } = await loadBoard(db, actor, reportId.slice(0, 64));
    const title = `${report.county.name} ${report.year} 年自评报告 填报进度`;
    const bytes = await boardWorkbook(title, rows);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDisposition(`${title}.xlsx`),
        "Cache-Control": "no-store",
      },
    });
  })(request);
}
