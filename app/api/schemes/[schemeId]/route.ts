import { route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { getSchemeRow } from "@/lib/schemes/server/service";

type Params = { params: Promise<{ schemeId: string }> };

/** GET — the stored scheme as an indented JSON file. Any signed-in user: a scheme is published policy, not county data. */
export async function GET(request: Request, { params }: Params) {
  const { schemeId } = await params;
  return route(async ({ db }) => {
    const row = await getSchemeRow(db, schemeId.slice(0, 64));
    // Re-indented so the download is a file an administrator can edit and upload again as a new version.
    const body = `${JSON.stringify(JSON.parse(row.definition), null, 2)}\n`;
    return new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": contentDisposition(`${row.code}-v${row.version}.json`),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  })(request);
}
