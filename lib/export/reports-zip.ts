import "server-only";
// All reports of the actor's region for one year as one .zip, streamed (lib/export/docx-zip.ts): each report is
// read with the actor's access check, rendered on the render pool and written straight out, so memory holds a few
// reports at a time, not the whole region.
import type { Readable } from "node:stream";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { streamDocxZip } from "@/lib/export/docx-zip";
import { renderInPool } from "@/lib/export/render-pool";
import { reportFileName } from "@/lib/docx/file-name";
import { loadReport } from "@/lib/report/server/service";

/** The reports a zip for `year` would contain (for the page to show a count before downloading). */
export async function reportsForYear(db: Db, actor: Actor, year: number) {
  requirePermission(actor, "report:read");
  return db.report.findMany({
    where: { year, county: countiesInScope(actor) },
    orderBy: { county: { path: "asc" } },
    select: { id: true, county: { select: { name: true } } },
  });
}

export async function streamReportsZip(db: Db, actor: Actor, year: number): Promise<{ count: number; stream: Readable }> {
  const reports = await reportsForYear(db, actor, year);
  const stream = streamDocxZip(reports, async (r) => {
    const { report, contents } = await loadReport(db, actor, r.id);
    const vm = buildReportViewModel({ scheme: report.schemeDef, contents, countyName: report.county.name });
    return { name: reportFileName(report.county.name, report.year), bytes: await renderInPool(vm) };
  });
  return { count: reports.length, stream };
}
