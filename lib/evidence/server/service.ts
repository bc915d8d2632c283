import "server-only";
// 佐证材料: files attached to one criterion of a report. Type is decided by the file's first bytes (not by its name
// or the browser's label), size is capped, the bytes are stored under a generated key with their sha256.
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { conflict, invalid, notFound, tooLarge } from "@/lib/errors";
import { audit } from "@/lib/audit/server";
import { getReportAccess } from "@/lib/auth/server/guards";
import { contributorHoldsItem, getItemAccess } from "@/lib/assignments/server/access";
import { criterionKey } from "@/lib/report/sections";
import { isEditableStatus } from "@/lib/report/status";
import { assertReportEditable } from "@/lib/report/server/editable";
import { sniffFileType, EVIDENCE_TYPES } from "@/lib/evidence/file-type";
import { cleanFileName } from "@/lib/evidence/file-name";
import type { FileStorage } from "@/lib/storage/storage";

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

const NOT_EDITABLE_UPLOAD = "报告已提交或已审核通过，不能再上传材料";
const NOT_EDITABLE_DELETE = "报告已提交或已审核通过，不能删除材料";

/** The report, if the actor may add evidence to it now (edit right, reach, an editable status); a contributor only
 *  to a criterion assigned to them. */
export async function assertMayAddEvidence(db: Db, actor: Actor, reportId: string, criterionCode?: string) {
  // Before the body is read the criterion is not known: a contributor must hold some item of the report.
  const report =
    criterionCode === undefined
      ? actor.role === "contributor"
        ? await contributorHoldsItem(db, actor, reportId)
        : await getReportAccess(db, actor, reportId, "report:edit")
      : (await getItemAccess(db, actor, reportId, criterionKey(criterionCode), "edit")).report;
  if (!isEditableStatus(report.status)) throw conflict(NOT_EDITABLE_UPLOAD);
  return report;
}

export async function addEvidence(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  input: { reportId: string; criterionCode: string; fileName: string; bytes: Uint8Array },
) {
  // Refused before the bytes are stored; asked again inside the transaction that records them.
  const report = await assertMayAddEvidence(db, actor, input.reportId, input.criterionCode);
  if (!report.schemeDef.criteria.some((c) => c.code === input.criterionCode)) throw notFound("评价重点");
  if (input.bytes.byteLength === 0) throw invalid("文件为空");
  if (input.bytes.byteLength > EVIDENCE_MAX_BYTES) throw tooLarge("文件过大：单个佐证材料不能超过 20 MB");
  const type = sniffFileType(input.bytes, input.fileName);
  if (!type) {
    throw invalid(`不支持的文件类型或文件内容与扩展名不符。可上传：${Object.values(EVIDENCE_TYPES).map((t) => t.label).join("、")}`);
  }
  const id = randomUUID();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const storageKey = `evidence/${report.id}/${id}`;
  await storage.put(storageKey, input.bytes);
  try {
    return await db.$transaction(async (tx) => {
      await assertReportEditable(tx, report.id, { message: NOT_EDITABLE_UPLOAD });
      const row = await tx.evidence.create({
        data: {
          id,
          reportId: report.id,
          criterionCode: input.criterionCode,
          fileName: cleanFileName(input.fileName),
          mimeType: type.mime,
          size: input.bytes.byteLength,
          sha256,
          storageKey,
          uploadedById: actor.userId,
        },
      });
      await audit(tx, actor.userId, "evidence.add", { type: "report", id: report.id }, { evidenceId: id, fileName: row.fileName });
      return row;
    });
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
}

export async function listEvidence(db: Db, actor: Actor, reportId: string) {
  await getReportAccess(db, actor, reportId, "report:read");
  return db.evidence.findMany({
    where: { reportId },
    orderBy: { createdAt: "asc" },
    include: { uploadedBy: { select: { name: true } } },
  });
}

/** The evidence row if the actor may read its report. */
export async function getEvidenceForDownload(db: Db, actor: Actor, evidenceId: string) {
  const row = await db.evidence.findUnique({ where: { id: evidenceId } });
  if (!row) throw notFound("文件");
  await getReportAccess(db, actor, row.reportId, "report:read");
  return row;
}

export async function deleteEvidence(db: Db, storage: FileStorage, actor: Actor, evidenceId: string) {
  const row = await db.evidence.findUnique({ where: { id: evidenceId } });
  if (!row) throw notFound("文件");
  const { report } = await getItemAccess(db, actor, row.reportId, criterionKey(row.criterionCode), "edit");
  if (!isEditableStatus(report.status)) throw conflict(NOT_EDITABLE_DELETE);
  await db.$transaction(async (tx) => {
    await assertReportEditable(tx, report.id, { message: NOT_EDITABLE_DELETE });
    await tx.evidence.delete({ where: { id: evidenceId } });
    await audit(tx, actor.userId, "evidence.delete", { type: "report", id: row.reportId }, { evidenceId, fileName: row.fileName });
  });
  await storage.delete(row.storageKey);
}
