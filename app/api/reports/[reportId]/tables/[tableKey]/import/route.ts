import { formData, json, refuseDeclaredLength, route } from "@/lib/http/route";
import { conflict, invalid, notFound } from "@/lib/errors";
import { isEditableStatus } from "@/lib/report/status";
import { NOT_EDITABLE } from "@/lib/report/server/editable";
import { getItemAccess } from "@/lib/assignments/server/access";
import { saveSection } from "@/lib/report/server/save-section";
import { tableSectionKey } from "@/lib/report/sections";
import { IMPORT_MAX_BYTES, SchoolImportError, importSchoolSheet } from "@/lib/schools/server";

type Params = { params: Promise<{ reportId: string; tableKey: string }> };

const BODY_MAX_BYTES = IMPORT_MAX_BYTES + 64 * 1024;
const TOO_LARGE = `文件过大：不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`;

/** POST multipart (file) — replace a per-school table with an uploaded .xlsx/.csv. All or nothing: 422 with every
 *  row problem ("第 7 行「…」：不是数字") and nothing stored, or 200 with the saved content and its new version. */
export async function POST(request: Request, { params }: Params) {
  const { reportId, tableKey } = await params;
  return route(async ({ actor, db }) => {
    refuseDeclaredLength(request, BODY_MAX_BYTES, TOO_LARGE);
    // The table comes from the report's own scheme; report:edit, the county and the status are checked before a
    // byte of the file is read, and the body is read only up to its limit. (Next.js has decoded the key already.)
    // A contributor imports only the table of a criterion assigned to them (lib/assignments/server/access.ts).
    const { report } = await getItemAccess(db, actor, reportId.slice(0, 64), tableSectionKey(tableKey.slice(0, 80)), "edit");
    const table = report.schemeDef.tables.find((t) => t.key === tableKey.slice(0, 80));
    if (!table) throw notFound("学校数据表");
    if (!isEditableStatus(report.status)) throw conflict(NOT_EDITABLE);
    const form = await formData(request, BODY_MAX_BYTES, TOO_LARGE);
    const file = form?.get("file");
    if (!(file instanceof File)) throw invalid("请选择要导入的文件（.xlsx 或 .csv）");
    const outcome = await importSchoolSheet(table, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!outcome.ok) throw new SchoolImportError(outcome.errors, outcome.more);

    // An import replaces the whole table, so it builds on whatever version is current rather than the client's.
    const key = tableSectionKey(table.key);
    const current = await db.reportSection.findFirst({ where: { reportId: report.id, key }, select: { version: true } });
    const saved = await saveSection(db, actor, { reportId: report.id, key, baseVersion: current?.version ?? 0, content: outcome.content });
    if (!saved.ok) throw conflict("导入时该表恰好被他人保存，请重新导入");
    return json({ ...saved, content: outcome.content, sheetName: outcome.sheetName });
  })(request);
}
