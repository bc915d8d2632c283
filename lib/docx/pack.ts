// The .docx bytes. docx stamps docProps/core.xml with the current time; the view model's date replaces it so the
// same report always yields the same XML (golden tests, and no spurious "changed" files in a county's archive).
import { Packer, type Document } from "docx";
import { buildReportDocument } from "@/lib/docx/build";
import type { ReportViewModel } from "@/lib/docx/types";
import { zipFiles } from "@/lib/docx/zip";

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

type Override = { path: string; data: string };
/**
 * docx's compiler turns a Document into the package's files (path → XML), the half of `Packer.toBuffer` before it
 * zips them with fflate. It is not public API, hence the check: should an upgrade move it, the export still works
 * through `Packer`, only slower, and the golden tests show nothing changed in the XML.
 */
const compiler = (Packer as unknown as { compiler?: { compile?: (doc: Document, prettify: undefined, overrides: Override[]) => Map<string, string | Uint8Array> } })
  .compiler;

export async function renderReportDocx(vm: ReportViewModel): Promise<Buffer> {
  const overrides = [{ path: "docProps/core.xml", data: coreXml(vm) }];
  const doc = buildReportDocument(vm);
  if (typeof compiler?.compile !== "function") return Packer.toBuffer(doc, false, overrides);
  return zipFiles(compiler.compile(doc, undefined, overrides));
}
