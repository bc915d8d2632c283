import { route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { loadReport } from "@/lib/report/server/service";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { renderReportDocx } from "@/lib/docx/pack";
import { reportFileName } from "@/lib/docx/file-name";
import { listComments } from "@/lib/review/comments/server";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Params = { params: Promise<{ reportId: string }> };

/** GET /api/reports/:reportId/export[?comments=1] — the report as a GB/T 9704 .docx, optionally with the review
 *  threads as native Word comments; 404 for a report outside the actor's reach. */
export async function GET(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    // loadReport checks report:read and the county against the actor's region (lib/auth/server/guards.ts).
    const { report, contents } = await loadReport(db, actor, reportId.slice(0, 64));
    const withComments = new URL(request.url).searchParams.get("comments") === "1";
    const comments = withComments ? await listComments(db, actor, report.id) : [];
    const vm = buildReportViewModel({ scheme: report.schemeDef, contents, countyName: report.county.name, comments });
    const bytes = await renderReportDocx(vm);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": DOCX,
        "Content-Disposition": contentDisposition(reportFileName(report.county.name, report.year)),
        "Content-Length": String(bytes.length),
        // A report may change at any save: never serve a cached copy.
        "Cache-Control": "no-store",
      },
    });
  })(request);
}
