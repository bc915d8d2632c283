import { json, readJson, route } from "@/lib/http/route";
import { saveSection } from "@/lib/report/server/save-section";
import { sectionHead } from "@/lib/report/server/section-head";
import { z } from "@/lib/validation";
import { invalid } from "@/lib/errors";

// A section holds at most ~20 000 characters per field; 2 MB is far above any legitimate save.
const MAX_BYTES = 2 * 1024 * 1024;
const ZBody = z.object({ baseVersion: z.number().int().min(0), content: z.unknown() });

type Params = { params: Promise<{ reportId: string; key: string }> };

/** PUT /api/reports/:reportId/sections/:key — autosave. 200 saved; 409 conflict with the current text. */
export async function PUT(request: Request, { params }: Params) {
  const { reportId, key } = await params;
  return route(async ({ actor, db }) => {
    const body = ZBody.safeParse(await readJson(request, MAX_BYTES));
    if (!body.success) throw invalid("请求格式有误");
    const outcome = await saveSection(db, actor, {
      reportId: reportId.slice(0, 64),
      // Next.js hands the segment over decoded; decoding it again turned a % in it into a 500.
      key: key.slice(0, 80),
      baseVersion: body.data.baseVersion,
      content: body.data.content,
    });
    return outcome.ok ? json(outcome) : json(outcome, 409);
  })(request);
}

/** GET /api/reports/:reportId/sections/:key — the section's current version, author and time (the editor polls it
 *  to tell the writer that someone else saved the section); `?content=1` adds the content, to view or merge. */
export async function GET(request: Request, { params }: Params) {
  const { reportId, key } = await params;
  const withContent = new URL(request.url).searchParams.get("content") === "1";
  return route(async ({ actor, db }) => json(await sectionHead(db, actor, reportId.slice(0, 64), key.slice(0, 80), withContent)))(request);
}
