import { Readable } from "node:stream";
import { route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { parseOrThrow } from "@/lib/validation";
import { ZCityFeedbackZip } from "@/lib/review/verification";
import { streamFeedbackZip } from "@/lib/review/verification/server";

/** GET /api/review/feedback.zip?year=2021[&city=140800] — one 督导反馈意见书 per county of the city (default: the
 *  actor's whole region) with a report under review, streamed as one .zip. */
export async function GET(request: Request) {
  return route(async ({ actor, db }) => {
    const params = new URL(request.url).searchParams;
    const input = parseOrThrow(ZCityFeedbackZip, { year: params.get("year"), city: params.get("city") ?? undefined });
    const { count, stream } = await streamFeedbackZip(db, actor, input);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": contentDisposition(`${actor.region.name}-${input.year}-督导反馈意见书.zip`),
        "X-Report-Count": String(count),
        "Cache-Control": "private, no-store",
      },
    });
  })(request);
}
