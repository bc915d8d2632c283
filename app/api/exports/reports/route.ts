import { Readable } from "node:stream";
import { json, route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { reportsForYear, streamReportsZip } from "@/lib/export/reports-zip";
import { invalid } from "@/lib/errors";
import { readSource } from "@/lib/db/replica";

// An average report is about 40 kB of .docx; the page uses this to show progress while the zip streams.
const ESTIMATED_BYTES_PER_REPORT = 40 * 1024;

/** GET /api/exports/reports?year=2021[&count=1] — every report of the actor's region for that year, one .zip. */
export async function GET(request: Request) {
  return route(async ({ actor, db: primary }) => {
    // Every report of a region is the heaviest read there is: from the standby when one is configured and current.
    const { db } = await readSource(primary);
    const params = new URL(request.url).searchParams;
    const year = Number(params.get("year"));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid("请指定年份");
    if (params.get("count")) return json({ count: (await reportsForYear(db, actor, year)).length });
    const { count, stream } = await streamReportsZip(db, actor, year);
    if (count === 0) throw invalid(`辖区内没有 ${year} 年的报告`);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": contentDisposition(`${actor.region.name}-${year}-自评报告.zip`),
        "X-Report-Count": String(count),
        "X-Estimated-Bytes": String(count * ESTIMATED_BYTES_PER_REPORT),
        "Cache-Control": "private, no-store",
      },
    });
  })(request);
}
