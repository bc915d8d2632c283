// The PDF copy of the demo report, end to end on a real database: the guard, LibreOffice, and the 签章页/版本页
// naming the same Word file the export route serves (its SHA-256 printed on the page equals the file's).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "@/lib/docx/pack";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { missingRenderTool } from "@/lib/docx/testing/render";
import { pdfRenderer } from "@/lib/pdf/server/libreoffice";
import { renderReportPdf } from "@/lib/pdf/server/report-pdf";
import { loadReport } from "@/lib/report/server/service";
import { actorFor } from "@/lib/testing/actors";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { createUser } from "@/lib/users/server/service";

const missing = missingRenderTool();
const ARTEFACTS = path.resolve(import.meta.dirname, "../../../test-results/docx");

describe.skipIf(missing).each(TEST_PROVIDERS)(`PDF copy of a report on %s${missing ? `（跳过：${missing}）` : ""}`, (provider) => {
  const t = useDemoDb(provider);
  let reportId: string;
  const dir = mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));
  const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path.join(dir, pdf)], { encoding: "utf8" }))![1]);
  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    await createUser(t.db, await actorFor(t.db, "admin"), { username: "linfen_reviewer", name: "临汾督导", role: "city_reviewer", regionCode: "141000", password: "Linfen2021x" });
    reportId = (await t.db.report.findFirstOrThrow()).id;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds LibreOffice", () => {
    expect(pdfRenderer()).toMatchObject({ available: true });
  });

  it("renders the report with a 签章页 naming the Word file's SHA-256, and without one when not asked", async () => {
    const reviewer = await actorFor(t.db, "yuncheng_reviewer");
    const withPage = await renderReportPdf(t.db, reviewer, reportId, { versionPage: true });
    expect(withPage.fileName).toBe("闻喜县-2021-自评报告.pdf");
    expect(withPage.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    const { report, contents } = await loadReport(t.db, reviewer, reportId);
    const docx = await renderReportDocx(buildReportViewModel({ scheme: report.schemeDef, contents, countyName: report.county.name }));
    const sha = createHash("sha256").update(docx).digest("hex");
    expect(withPage.docxSha256).toBe(sha);

    const text = (bytes: Buffer, name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    };
    const last = text(withPage.bytes, "with.pdf").split("\f").filter((p) => p.trim()).at(-1)!.replace(/\s+/g, "");
    expect(last).toContain("签章页（版本页）");
    expect(last).toContain(sha);
    expect(last).toContain("闻喜县-2021-自评报告.docx");
    expect(last).toContain("尚未提交（草稿）");
    expect(last).toMatch(/内容版本：第\d+版/);
    execFileSync("pdftoppm", ["-r", "60", "-png", "-singlefile", "-f", String(pages("with.pdf")), path.join(dir, "with.pdf"), path.join(ARTEFACTS, `version-page-${provider}`)]);
    // Conversions take seconds: the copy without the page is compared on the first database only.
    if (provider !== TEST_PROVIDERS[0]) return;
    const plain = await renderReportPdf(t.db, reviewer, reportId, { versionPage: false });
    expect(text(plain.bytes, "plain.pdf")).not.toContain("签章页");
    expect(pages("with.pdf")).toBe(pages("plain.pdf") + 1);
  }, 180_000);

  it("refuses a reviewer of another city as if the report did not exist", async () => {
    const outsider = await actorFor(t.db, "linfen_reviewer");
    await expect(renderReportPdf(t.db, outsider, reportId, { versionPage: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
