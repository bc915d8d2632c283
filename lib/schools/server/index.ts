import "server-only";
// Server-only half of lib/schools (exceljs, node:zlib): import of an uploaded sheet and the template download.
// Kept apart from index.ts so that the browser bundle, which needs the verdict and the content schema, never
// pulls in exceljs.
export { importSchoolSheet, SchoolImportError, IMPORT_MAX_BYTES, type SchoolImportResult } from "@/lib/schools/server/import";
export { buildSchoolTableWorkbook, templateHeaders, DATA_SHEET } from "@/lib/schools/server/template-xlsx";
export type { ImportProblem } from "@/lib/schools/sheet-rows";
