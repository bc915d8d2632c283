import { json, route } from "@/lib/http/route";
import { addEvidence, EVIDENCE_MAX_BYTES } from "@/lib/evidence/server/service";
import { getStorage } from "@/lib/storage";
import { AppError, invalid } from "@/lib/errors";

type Params = { params: Promise<{ reportId: string }> };

/** POST multipart (file, criterionCode) — upload one evidence file. */
export async function POST(request: Request, { params }: Params) {
  const { reportId } = await params;
  return route(async ({ actor, db }) => {
    // Refuse oversized uploads before reading them into memory.
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > EVIDENCE_MAX_BYTES + 64 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", "文件过大：单个佐证材料不能超过 20 MB");
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    const criterionCode = form?.get("criterionCode");
    if (!(file instanceof File)) throw invalid("请选择要上传的文件");
    if (typeof criterionCode !== "string" || criterionCode.length > 40) throw invalid("请求格式有误");
    const row = await addEvidence(db, getStorage(), actor, {
      reportId: reportId.slice(0, 64),
      criterionCode,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return json({ id: row.id, fileName: row.fileName, size: row.size, sha256: row.sha256 }, 201);
  })(request);
}
