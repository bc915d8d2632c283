// The .docx bytes. docx stamps docProps/core.xml with the current time; the view model's date replaces it so the
// same report always yields the same XML (golden tests, and no spurious "changed" files in a county's archive).
import { Document, Packer } from "docx";
import { addResolvedPart } from "@/lib/docx/comments-extended";
import { withZeroSpacing, zeroSpacingStyleIds } from "@/lib/docx/explicit-spacing";
import { REPORT_STYLES } from "@/lib/docx/styles";
import { buildReportDocument } from "@/lib/docx/build";
import type { ReportViewModel, VersionPageView } from "@/lib/docx/types";
import { zipFiles } from "@/lib/docx/zip";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What docProps/core.xml says: a report's and a feedback's view models both carry it. */
type CoreProps = Pick<ReportViewModel, "title" | "signature" | "createdAt">;

function coreXml(vm: CoreProps): string {
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

/** styles.xml is the same for every report: compiled once, with the zero character spacings put back. */
let styles: string | undefined;
function stylesXml(): string {
  if (styles === undefined) {
    const bare = new Document({ styles: REPORT_STYLES, sections: [{ children: [] }] });
    const compiled = typeof compiler?.compile === "function" ? compiler.compile(bare, undefined, []).get("word/styles.xml") : undefined;
    if (typeof compiled !== "string") throw new Error("docx compiled no word/styles.xml");
    styles = withZeroSpacing(compiled, zeroSpacingStyleIds(REPORT_STYLES.paragraphStyles ?? []));
  }
  return styles;
}

/** The .docx of `vm`; with `versionPage`, the copy a PDF is rendered from (its last page names the plain file). */
export async function renderReportDocx(vm: ReportViewModel, versionPage?: VersionPageView): Promise<Buffer> {
  return packDocument(buildReportDocument(vm, versionPage), vm, vm.comments);
}

/** Any document built on REPORT_STYLES (the report, the 督导反馈意见书) as .docx bytes, the same way. */
export async function packDocument(doc: Document, vm: CoreProps, comments: ReportViewModel["comments"] = []): Promise<Buffer> {
  if (typeof compiler?.compile !== "function") {
    // Without the compiler the styles keep docx's own output (zero spacings lost) and resolved-only threads lose
    // their state in Word; the file is otherwise the same.
    return Packer.toBuffer(doc, false, [{ path: "docProps/core.xml", data: coreXml(vm) }]);
  }
  const files = compiler.compile(doc, undefined, [
    { path: "docProps/core.xml", data: coreXml(vm) },
    { path: "word/styles.xml", data: stylesXml() },
  ]);
  addResolvedPart(files, comments);
  return zipFiles(files);
}
