import { formData, json, refuseDeclaredLength, route } from "@/lib/http/route";
import { addEvidence, assertMayAddEvidence, EVIDENCE_MAX_BYTES } from "@/lib/evidence/server/service";
import { getStorage } from "@/lib/storage";
import { invalid } from "@/lib/errors";

type Params = { params: Promise<{ reportId: string }> };

/** A multipart body carries the file and a few short fields. */
const BODY_MAX_BYTES = EVIDENCE_MAX_BYTES + 64 * 1024;
const TOO_LARGE = "文件过大：单个佐证材料不能超过 20 MB";

/** POST multipart (file, criterionCode) — upload one evidence file. */
export async function POST(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    // A declared size over the limit is refused at once; who may upload here is decided before a byte of the upload
    // is read; the body is then read only up to its limit.
    refuseDeclaredLength(request, BODY_MAX_BYTES, TOO_LARGE);
    const report = await assertMayAddEvidence(db, actor, reportId.slice(0, 64));
    const form = await formData(request, BODY_MAX_BYTES, TOO_LARGE);
    const file = form?.get("file");
    const criterionCode = form?.get("criterionCode");
    if (!(file instanceof File)) throw invalid("请选择要上传的文件");
    if (typeof criterionCode !== "string" || criterionCode.length > 40) throw invalid("请求格式有误");
    const row = await addEvidence(db, getStorage(), actor, {
      reportId: report.id,
      criterionCode,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return json({ id: row.id, fileName: row.fileName, size: row.size, sha256: row.sha256 }, 201);
  })(request);
}
