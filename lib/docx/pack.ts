// The .docx bytes. docx stamps docProps/core.xml with the current time; the view model's date replaces it so the
// same report always yields the same XML (golden tests, and no spurious "changed" files in a county's archive).
import { Packer } from "docx";
import { buildReportDocument } from "@/lib/docx/build";
import type { ReportViewModel } from "@/lib/docx/types";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function coreXml(vm: ReportViewModel): string {
  const who = escapeXml(vm.signature.issuer || "自评报告系统");
  const when = `<dcterms:created xsi:type="dcterms:W3CDTF">${vm.createdAt}</dcterms:created>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(vm.title)}</dc:title><dc:creator>${who}</dc:creator><cp:lastModifiedBy>${who}</cp:lastModifiedBy>` +
    `${when}${when.replace(/created/g, "modified")}</cp:coreProperties>`
  );
}

export async function renderReportDocx(vm: ReportViewModel): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(vm), false, [{ path: "docProps/core.xml", data: coreXml(vm) }]);
}
