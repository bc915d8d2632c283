// Runs once when the server starts (Next.js instrumentation): finds out whether PDF copies can be made here, so
// /api/health and the report page answer at once and the operator sees it in the start-up log.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { pdfRenderer } = await import("@/lib/pdf/server/libreoffice");
  const renderer = pdfRenderer();
  console.log(renderer.available ? `PDF 导出：可用（LibreOffice ${renderer.version}）` : `PDF 导出：不可用（${renderer.reason}）`);
}
