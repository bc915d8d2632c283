import { json, route } from "@/lib/http/route";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { getReportAccess } from "@/lib/auth/server/guards";
import { saveSection } from "@/lib/report/server/save-section";
import { tableSectionKey } from "@/lib/report/sections";
import { IMPORT_MAX_BYTES, SchoolImportError, importSchoolSheet } from "@/lib/schools/server";

type Params = { params: Promise<{ reportId: string; tableKey: string }> };

/** POST multipart (file) — replace a per-school table with an uploaded .xlsx/.csv. All or nothing: 422 with every
 *  row problem ("第 7 行「…」：不是数字") and nothing stored, or 200 with the saved content and its new version. */
export async function POST(request: Request, { params }: Params) {
  const { reportId, tableKey } = await params;
  return route(async ({ actor, db }) => {
    // Refuse oversized uploads before reading them into memory.
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > IMPORT_MAX_BYTES + 64 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", `文件过大：不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    // The table comes from the report's own scheme; report:edit and the county are checked before the file is read.
    const report = await getReportAccess(db, actor, reportId.slice(0, 64), "report:edit");
    const table = report.schemeDef.tables.find((t) => t.key === decodeURIComponent(tableKey).slice(0, 80));
    if (!table) throw notFound("学校数据表");
    const form = await request.formData().catch(() => null);
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
