// Per-school tables (资源配置 of 县域义务教育优质均衡发展, or any table a scheme declares): the API the editor, the
// import route and the Word annex use. Decision record: docs/decisions/011-school-tables-and-cv.md.
//
// SCHEME DATA (lib/template/school-table.ts): scheme.tables[] — ZSchoolTable { key, title, stages, schoolTypes,
//   enrolment, columns, indicators (formula + standards per stage), rules { minIndicatorsMet, floorPercent, cvMax per
//   stage, cvPrecision }, maxRows }; a criterion places it with `table: "<key>"`. scheme.vetoes[] — ZVeto { key,
//   question, hint?, source? }, answered in the part of kind "veto".
//
// REPORT SECTIONS (lib/report/sections.ts): sectionsOf(scheme) emits, right after the criterion's narrative section,
//   { key: "table:<tableKey>", kind: "schoolTable", partKind: "criteria", table, criterion }, and for the veto part
//   { key: <part.key>, kind: "veto", partKind: "veto", vetoes }.
// CONTENT (lib/report/content.ts, saved through the ordinary autosave; parseSectionContent validates shape + scheme):
//   schoolTable → TSchoolTableContent { rows: TSchoolRow[] ; source: { fileName, importedAt, rowCount } | null }
//     TSchoolRow { name, type: <schoolType key>, stage: <stage key>, values: { <column key>: number | null } }.
//     A 九年一贯制 school is two rows with the same name and type, one per stage.
//   veto → TVetoContent { answers: { <veto key>: { answer: "是" | "否" | null, explanation, evidence, evidenceIds } } }
//     ("是" = the vetoing condition exists: a blocking precheck error).
//
// TABLE v2 (decision 022): indicators[].bound "min" | "max" (ceilings), role "counted" | "required" | "separate"
//   (separate ones get their own verdict in result.limits), scope "row" | "school" (a multi-stage school's rows
//   summed), variants [{ when: { types?, attributes? }, standards? | exempt }] (first match wins); attributes[]
//   (flags and categories stored in row.attrs); schoolTypes[].split { factors per stage, columns } (shared
//   resources entered whole on each stage row and counted by share); rules.rounding "displayed" | "exact".
//
// RESULTS: reportState(scheme, contents).tables[tableKey] (lib/report/precheck.ts) is evaluateSchoolTable(table, rows):
//   { schools: SchoolResult[] (status pass|fail|excluded|incomplete, metCount, indicators[] with value/display/status
//   met|floor|below|missing and reason), cvs: CvResult[] per stage × indicator (status met|unmet|missing|none, cv,
//   display, meanDisplay, max, schools, pupils, reason), stages: StageSummary[], issues: TableIssue[], passed:
//   true|false|null }. tableFailures(table, result) gives the problem keys ("<table>:schools",
//   "<table>:cv:<indicator>:<stage>") a ZProblem.indicatorKey must carry to cover a failure in 存在问题和改进措施.
//   Veto helpers: vetoAnswers(scheme, contents) (triggered → unanswered → clear) and sectionsForReview(scheme) in
//   lib/report/veto.ts.
//
// IMPORT / TEMPLATE (server side: exceljs, node:zlib):
//   importSchoolSheet(table, { fileName, bytes }) → { ok: true, content, sheetName } | { ok: false, errors:
//     { line, message }[], more } — .xlsx or .csv (UTF-8/GB18030), all or nothing; new SchoolImportError(errors, more)
//     is the 422 AppError for a route. Store `content` with saveSection(…, key "table:<tableKey>").
//   buildSchoolTableWorkbook(table, rows?) → .xlsx bytes (template with 说明 sheet, or the current table for editing).
export { evaluateSchoolTable, tableFailures, schoolCounts, schoolsProblemKey, cvProblemKey, limitProblemKey } from "@/lib/schools/rules";
export type { SchoolTableResult, SchoolResult, CvResult, StageSummary, TableIssue, LimitResult } from "@/lib/schools/rules";
export { rowIndicators, rowMatches, variantOf, type RowIndicatorResult } from "@/lib/schools/row-values";
export { weightedCv, type CvOutcome, type CvPoint } from "@/lib/schools/cv";
export { ZSchoolRow, ZSchoolTableContent, emptySchoolTableContent, rowName, schoolTableContentErrors } from "@/lib/schools/rows";
export type { TSchoolRow, TSchoolTableContent } from "@/lib/schools/rows";
