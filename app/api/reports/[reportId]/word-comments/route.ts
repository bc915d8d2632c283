import { formData, json, readJson, refuseDeclaredLength, route } from "@/lib/http/route";
import type { TApplyCommentImport as TApply } from "@/lib/word/schemas";
import { invalid } from "@/lib/errors";
import { getReportAccess, requirePermission } from "@/lib/auth/server/guards";
import { applyCommentImport, previewCommentImport } from "@/lib/word/server/import-comments";
import { WORD_MAX_BYTES, WORD_MESSAGES } from "@/lib/word/server/read-docx";

type Params = { params: Promise<{ reportId: string }> };
const BODY_MAX_BYTES = WORD_MAX_BYTES + 64 * 1024;

/** POST multipart (file) — a reviewer's annotated Word/WPS file: its comments with a proposed section each; nothing written. */
export async function POST(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    // Access before a byte of the file is read: reviewers (report:review) with the report in reach.
    requirePermission(actor, "report:review");
    await getReportAccess(db, actor, reportId.slice(0, 64), "report:comment");
    refuseDeclaredLength(request, BODY_MAX_BYTES, WORD_MESSAGES.tooLarge);
    const file = (await formData(request, BODY_MAX_BYTES, WORD_MESSAGES.tooLarge))?.get("file");
    if (!(file instanceof File)) throw invalid("请选择加了批注的 Word 文件（.docx）");
    return json(await previewCommentImport(db, actor, reportId.slice(0, 64), new Uint8Array(await file.arrayBuffer())));
  })(request);
}

/** PUT JSON { threads: [{ sectionKey, body, replies }] } — creates the confirmed threads. */
export async function PUT(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    const body = await readJson(request, 2 * 1024 * 1024);
    return json(await applyCommentImport(db, actor, { ...(typeof body === "object" && body ? body : {}), reportId: reportId.slice(0, 64) } as TApply));
  })(request);
}
