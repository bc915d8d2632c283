import "server-only";
// A report as a PDF: the same .docx as the Word download (byte for byte: exports are deterministic), rendered by
// LibreOffice; with the 签章页/版本页, that page names the Word file and its SHA-256, so the two can be matched.
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import { reportFileName } from "@/lib/docx/file-name";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { formatDateTime } from "@/lib/dates";
import { convertDocxToPdf } from "@/lib/pdf/server/libreoffice";
import { loadReport } from "@/lib/report/server/service";

export async function renderReportPdf(db: Db, actor: Actor, reportId: string, options: { versionPage: boolean }) {
  // loadReport checks report:read and the county against the actor's region (getReportAccess).
  const { report, contents, versions } = await loadReport(db, actor, reportId);
  const vm = buildReportViewModel({ scheme: report.schemeDef, contents, countyName: report.county.name });
  const docx = await renderReportDocx(vm);
  const docxFileName = reportFileName(report.county.name, report.year);
  const docxSha256 = createHash("sha256").update(docx).digest("hex");
  const saves = Object.values(versions).reduce((n, v) => n + v.version, 0);
  const source = options.versionPage
    ? await renderReportDocx(vm, {
        title: vm.title,
        version: `第 ${saves} 版（各部分保存次数之和）`,
        submission: report.submittedAt ? `第 ${report.round} 次提交，${formatDateTime(report.submittedAt)}（北京时间）` : "尚未提交（草稿）",
        docxFileName,
        docxSha256,
      })
    : docx;
  return { bytes: await convertDocxToPdf(source), fileName: reportFileName(report.county.name, report.year, "pdf"), docxSha256 };
}
