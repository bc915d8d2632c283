import { route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { schemeWorkbook } from "@/lib/schemes/server/drafts-xlsx";
import { XLSX_TYPE } from "@/lib/schemes/server/xlsx";

type Params = { params: Promise<{ schemeId: string }> };

/** GET — a stored scheme as an .xlsx 细则 template (decision 032). Any signed-in user, as the JSON download. */
export async function GET(request: Request, { params }: Params) {
  const { schemeId } = await params;
  return route(async ({ db }) => {
    const { bytes, name } = await schemeWorkbook(db, schemeId.slice(0, 64));
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": contentDisposition(name), "Content-Length": String(bytes.length), "Cache-Control": "private, no-store" },
    });
  })(request);
}
