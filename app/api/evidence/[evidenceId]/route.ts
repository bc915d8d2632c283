import { Readable } from "node:stream";
import { route, json } from "@/lib/http/route";
import { deleteEvidence, getEvidenceForDownload } from "@/lib/evidence/server/service";
import { contentDisposition } from "@/lib/http/content-disposition";
import { getStorage } from "@/lib/storage";
import { notFound } from "@/lib/errors";

type Params = { params: Promise<{ evidenceId: string }> };

/** GET — download, for anyone who may read the report. */
export async function GET(request: Request, { params }: Params) {
  const { evidenceId } = await params;
  return route(async ({ actor, db }) => {
    const row = await getEvidenceForDownload(db, actor, evidenceId.slice(0, 64));
    const stream = await getStorage().get(row.storageKey);
    if (!stream) throw notFound("文件");
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": row.mimeType,
        "Content-Length": String(row.size),
        "Content-Disposition": contentDisposition(row.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  })(request);
}

/** DELETE — remove while the report is editable. */
export async function DELETE(request: Request, { params }: Params) {
  const { evidenceId } = await params;
  return route(async ({ actor, db }) => {
    await deleteEvidence(db, getStorage(), actor, evidenceId.slice(0, 64));
    return json({ ok: true });
  })(request);
}
