import { formData, json, readJson, refuseDeclaredLength, route } from "@/lib/http/route";
import type { TApplyWordImport as TApply } from "@/lib/word/schemas";
import { invalid } from "@/lib/errors";
import { getReportAccess } from "@/lib/auth/server/guards";
import { applyWordImport, previewWordImport } from "@/lib/word/server/import-report";
import { WORD_MAX_BYTES, WORD_MESSAGES } from "@/lib/word/server/read-docx";

type Params = { params: Promise<{ reportId: string }> };
const BODY_MAX_BYTES = WORD_MAX_BYTES + 64 * 1024;

/** POST multipart (file) — last year's Word report split into pieces with a proposed section each; nothing written. */
export async function POST(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    refuseDeclaredLength(request, BODY_MAX_BYTES, WORD_MESSAGES.tooLarge);
    // Access before a byte of the file is read.
    await getReportAccess(db, actor, reportId.slice(0, 64), "report:edit");
    const file = (await formData(request, BODY_MAX_BYTES, WORD_MESSAGES.tooLarge))?.get("file");
    if (!(file instanceof File)) throw invalid("请选择要导入的 Word 文件（.docx）");
    return json(await previewWordImport(db, actor, reportId.slice(0, 64), new Uint8Array(await file.arrayBuffer())));
  })(request);
}

/** PUT JSON { pieces: [{ sectionKey, blocks }] } — writes the confirmed pieces into their sections. */
export async function PUT(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    const body = await readJson(request, 2 * 1024 * 1024);
    return json(await applyWordImport(db, actor, { ...(typeof body === "object" && body ? body : {}), reportId: reportId.slice(0, 64) } as TApply));
  })(request);
}
