import { route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { renderReportPdf } from "@/lib/pdf/server/report-pdf";

type Params = { params: Promise<{ reportId: string }> };

/** GET /api/reports/:reportId/pdf[?versionPage=1] — the report rendered by LibreOffice, optionally with a
 *  签章页/版本页 naming the Word file's SHA-256; 404 outside the actor's reach, 503 without LibreOffice. */
export async function GET(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    const versionPage = new URL(request.url).searchParams.get("versionPage") === "1";
    const pdf = await renderReportPdf(db, actor, reportId.slice(0, 64), { versionPage });
    return new Response(new Uint8Array(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition(pdf.fileName),
        "Content-Length": String(pdf.bytes.length),
        "X-Docx-Sha256": pdf.docxSha256,
        "Cache-Control": "no-store",
      },
    });
  })(request);
}
