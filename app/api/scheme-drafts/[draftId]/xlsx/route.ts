import { formData, json, refuseDeclaredLength, route } from "@/lib/http/route";
import { contentDisposition } from "@/lib/http/content-disposition";
import { invalid } from "@/lib/errors";
import { z } from "@/lib/validation";
import { getDraftAccess } from "@/lib/schemes/server/drafts";
import { draftWorkbook, uploadDraftWorkbook } from "@/lib/schemes/server/drafts-xlsx";
import { SCHEME_XLSX_MAX_BYTES, XLSX_TYPE } from "@/lib/schemes/server/xlsx";

type Params = { params: Promise<{ draftId: string }> };

const BODY_MAX_BYTES = SCHEME_XLSX_MAX_BYTES + 64 * 1024;
const TOO_LARGE = `文件过大：不能超过 ${SCHEME_XLSX_MAX_BYTES / 1024 / 1024} MB`;
const ZBaseVersion = z.coerce.number({ error: "缺少草稿版本，请刷新页面后再上传" }).int().min(1, "缺少草稿版本，请刷新页面后再上传");

/** GET — the draft as an .xlsx 细则 template (scheme:manage, region reach; 404 outside it). */
export async function GET(request: Request, { params }: Params) {
  const { draftId } = await params;
  return route(async ({ actor, db }) => {
    const { bytes, name } = await draftWorkbook(db, actor, draftId.slice(0, 64));
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": contentDisposition(name), "Content-Length": String(bytes.length), "Cache-Control": "private, no-store" },
    });
  })(request);
}

/** POST multipart (file, baseVersion) — the workbook into the draft. 400 with every row error {sheet, row, column,
 *  message} and nothing saved, or 200 with the draft's new version and the change list against the draft before. */
export async function POST(request: Request, { params }: Params) {
  const { draftId } = await params;
  return route(async ({ actor, db }) => {
    refuseDeclaredLength(request, BODY_MAX_BYTES, TOO_LARGE);
    // Access first: nothing of the body is read for a draft out of reach.
    const draft = await getDraftAccess(db, actor, draftId.slice(0, 64));
    const form = await formData(request, BODY_MAX_BYTES, TOO_LARGE);
    const file = form?.get("file");
    if (!(file instanceof File)) throw invalid("请选择要上传的 Excel 细则（.xlsx）");
    const baseVersion = ZBaseVersion.safeParse(form?.get("baseVersion"));
    if (!baseVersion.success) throw invalid(baseVersion.error.issues[0]?.message ?? "缺少草稿版本");
    const outcome = await uploadDraftWorkbook(db, actor, { id: draft.id, baseVersion: baseVersion.data, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!outcome.ok) return json({ error: `Excel 细则有 ${outcome.errors.length} 处错误，草稿未作任何修改`, code: "INVALID_INPUT", sheetErrors: outcome.errors }, 400);
    return json(outcome);
  })(request);
}
