import "server-only";
// All reports of the actor's region for one year as one .zip, streamed: each .docx is built when the archive asks
// for it and written straight out, so memory holds one report at a time, not the whole region.
import { PassThrough, type Readable } from "node:stream";
import { ZipArchive } from "archiver";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guards";
import { countiesInScope } from "@/lib/auth/scope";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { renderReportDocx } from "@/lib/docx/pack";
import { reportFileName } from "@/lib/docx/file-name";
import { loadReport } from "@/lib/report/service";

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
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  archive.on("error", (error: Error) => out.destroy(error));
  archive.pipe(out);
  void (async () => {
    try {
      const used = new Set<string>();
      for (const r of reports) {
        const { report, contents } = await loadReport(db, actor, r.id);
        const vm = buildReportViewModel({ scheme: report.schemeDef, contents, countyName: report.county.name });
        let name = reportFileName(report.county.name, report.year);
        for (let i = 2; used.has(name); i++) name = name.replace(/(-\d+)?\.docx$/, `-${i}.docx`);
        used.add(name);
        // A .docx is already deflated: store it rather than compress it twice.
        archive.append(await renderReportDocx(vm), { name, store: true });
        // Let the archive drain before building the next report.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await archive.finalize();
    } catch (error) {
      archive.abort();
      out.destroy(error as Error);
    }
  })();
  return { count: reports.length, stream: out };
}
