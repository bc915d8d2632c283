import { route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { feedbackDocx } from "@/lib/review/verification/server";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Params = { params: Promise<{ reportId: string }> };

/** GET /api/reports/:reportId/feedback — the 督导反馈意见书 as a GB/T 9704 .docx: a reviewer's own level's (draft, as
 *  saved or pre-filled, or sent), a county user's once sent; 404 otherwise and outside the actor's reach. */
export async function GET(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    const { fileName, bytes } = await feedbackDocx(db, actor, reportId.slice(0, 64));
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": DOCX, "Content-Disposition": contentDisposition(fileName), "Content-Length": String(bytes.length), "Cache-Control": "no-store" },
    });
  })(request);
}
