// A spreadsheet's cells → table rows, all or nothing. Headers are matched by the scheme's labels (tolerant of spaces,
// full-width characters, "*" markers and a unit suffix); every row is checked and every problem is reported with its
// line and column in Chinese ("第 7 行「教学及辅助用房面积」：不是数字"); if there is any, no row is returned, so
// nothing half-imported can be stored. Format-independent: read-xlsx.ts and read-csv.ts produce the grid.
import type { RowError } from "@/lib/errors";
import { validateInputValue } from "@/lib/indicators/input-value";
import { headerWithUnit, normaliseHeader } from "@/lib/template/headers";
import type { TRowAttribute, TSchoolTable, TTableColumn } from "@/lib/template/school-table";
import { SCHOOL_NAME_MAX, type TSchoolRow } from "@/lib/schools/rows";
import { typedCellText } from "@/lib/spreadsheet-text";

/** A cell as the readers hand it over: text, a number, empty, or a cell that cannot hold data (with the reason). */
export type RawCell = string | number | null | { problem: string };
export interface GridRow {
  /** 1-based line in the file, as Excel or a text editor shows it. */
  line: number;
  cells: RawCell[];
}

export type ImportProblem = RowError;
export type ImportOutcome =
  | { ok: true; rows: TSchoolRow[] }
  | { ok: false; errors: ImportProblem[]; /** Problems found beyond those listed. */ more: number };

/** A sheet with a mistake in every cell would produce thousands of lines; the first ones are enough to act on. */
export const IMPORT_ERRORS_MAX = 200;

type Target = { kind: "name" | "type" | "stage" } | { kind: "column"; column: TTableColumn } | { kind: "attr"; attr: TRowAttribute };

export function rowsFromGrid(table: TSchoolTable, grid: Iterable<GridRow>): ImportOutcome {
  const problems = new Problems();
  const iterator = grid[Symbol.iterator]();
  let header: GridRow | undefined;
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    if (!isBlank(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) return { ok: false, errors: [{ line: null, message: "表格为空：没有找到列标题行" }], more: 0 };
  const targets = matchHeaders(table, header, problems);
  if (!targets) return problems.outcome();

  const rows: TSchoolRow[] = [];
  const lines: number[] = [];
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    const { line, cells } = next.value;
    if (isBlank(cells)) continue;
    if (rows.length >= table.maxRows) {
      return { ok: false, errors: [{ line, message: `数据行超过 ${table.maxRows} 行的上限，未导入任何数据。请分表或删去多余的行` }], more: 0 };
    }
    const row = parseRow(table, targets, line, cells, problems);
    if (row) {
      rows.push(row);
      lines.push(line);
    }
  }
  if (!rows.length && !problems.count) return { ok: false, errors: [{ line: null, message: "表格中只有列标题，没有数据行" }], more: 0 };
  crossRowChecks(table, rows, lines, problems);
  return problems.count ? problems.outcome() : { ok: true, rows };
}

class Problems {
  list: ImportProblem[] = [];
  count = 0;
  add(line: number | null, message: string) {
    this.count++;
    if (this.list.length < IMPORT_ERRORS_MAX) this.list.push({ line, message });
  }
  outcome(): ImportOutcome {
    const errors = [...this.list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { ok: false, errors, more: this.count - this.list.length };
  }
}

/** A cell's text, trimmed, without the apostrophe our exports put before text a spreadsheet could run (lib/spreadsheet-text.ts). */
const cellText = (cell: RawCell): string => (cell === null ? "" : typeof cell === "object" ? "" : typedCellText(String(cell).trim()).trim());
const isBlank = (cells: RawCell[]) => cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

function matchHeaders(table: TSchoolTable, header: GridRow, problems: Problems): Map<number, Target> | null {
  const known = new Map<string, Target>();
  const put = (label: string, target: Target) => known.set(normaliseHeader(label), target);
  put(table.nameLabel, { kind: "name" });
  put(table.typeLabel, { kind: "type" });
  put(table.stageLabel, { kind: "stage" });
  for (const attr of table.attributes) for (const label of [attr.label, ...attr.aliases]) put(label, { kind: "attr", attr });
  for (const column of table.columns) {
    for (const label of [column.label, ...column.aliases]) {
      put(label, { kind: "column", column });
      put(headerWithUnit(label, column.unit), { kind: "column", column });
      put(`${label}(${column.unit})`, { kind: "column", column });
    }
  }

  const targets = new Map<number, Target>();
  const seen = new Map<string, number>();
  const unknown: string[] = [];
  header.cells.forEach((cell, i) => {
    const text = cellText(cell);
    if (!text) return;
    const target = known.get(normaliseHeader(text));
    if (!target) {
      unknown.push(`「${text}」（第 ${columnLetter(i)} 列）`);
      return;
    }
    const id = target.kind === "column" ? target.column.key : target.kind === "attr" ? `attr:${target.attr.key}` : target.kind;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.add(header.line, `列「${text}」重复：第 ${columnLetter(first)} 列和第 ${columnLetter(i)} 列是同一项`);
      return;
    }
    seen.set(id, i);
    targets.set(i, target);
  });

  const missing = [
    ...(seen.has("name") ? [] : [table.nameLabel]),
    ...(seen.has("type") ? [] : [table.typeLabel]),
    ...table.columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.label),
  ];
  if (missing.length) problems.add(header.line, `缺少列：${missing.map((m) => `「${m}」`).join("、")}`);
  if (unknown.length) {
    const allowed = [table.nameLabel, table.typeLabel, table.stageLabel, ...table.attributes.map((a) => a.label), ...table.columns.map((c) => c.label)].join("、");
    problems.add(header.line, `无法识别的列：${unknown.join("、")}。可用的列标题：${allowed}`);
  }
  return problems.count ? null : targets;
}

/** 0 → A, 25 → Z, 26 → AA: how Excel names a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function parseRow(table: TSchoolTable, targets: Map<number, Target>, line: number, cells: RawCell[], problems: Problems): TSchoolRow | null {
  const before = problems.count;
  const at = (label: string) => `第 ${line} 行「${label}」`;
  let name = "";
  let typeText = "";
  let stageText = "";
  const values: Record<string, number | null> = {};
  const attrs: Record<string, string | boolean> = {};
  for (const [i, target] of targets) {
    const cell = cells[i] ?? null;
    const label =
      target.kind === "column" ? target.column.label : target.kind === "attr" ? target.attr.label : target.kind === "name" ? table.nameLabel : target.kind === "type" ? table.typeLabel : table.stageLabel;
    if (cell !== null && typeof cell === "object") {
      problems.add(line, `${at(label)}：${cell.problem}`);
      continue;
    }
    if (target.kind === "name") name = cellText(cell);
    else if (target.kind === "type") typeText = cellText(cell);
    else if (target.kind === "stage") stageText = cellText(cell);
    else if (target.kind === "column") values[target.column.key] = numberCell(target.column, cell, at(target.column.label), line, problems);
    else if (target.kind === "attr") {
      const text = cellText(cell);
      if (!text) continue;
      const value = attributeValue(target.attr, text);
      if (value === null) problems.add(line, `${at(target.attr.label)}：「${text}」不是可用的值（${attributeChoices(target.attr)}）`);
      else attrs[target.attr.key] = value;
    }
  }

  if (!name) problems.add(line, `${at(table.nameLabel)}：未填写`);
  else if (name.length > SCHOOL_NAME_MAX) problems.add(line, `${at(table.nameLabel)}：最多 ${SCHOOL_NAME_MAX} 个字`);
  const type = table.schoolTypes.find((t) => [t.label, ...t.aliases].some((l) => normaliseHeader(l) === normaliseHeader(typeText)));
  let stage: string | undefined;
  if (!typeText) problems.add(line, `${at(table.typeLabel)}：未填写`);
  else if (!type) problems.add(line, `${at(table.typeLabel)}：「${typeText}」不是可用的类型（${table.schoolTypes.map((t) => t.label).join("、")}）`);
  else {
    const stageKey = stageText ? matchStage(table, stageText) : undefined;
    if (stageText && !stageKey) problems.add(line, `${at(table.stageLabel)}：「${stageText}」不是可用的学段（${table.stages.map((s) => s.label).join("、")}）`);
    else if (stageKey && !type.stages.includes(stageKey)) problems.add(line, `${at(table.stageLabel)}：${type.label}学校没有「${stageText}」学段`);
    else if (!stageKey && type.stages.length > 1) {
      const labels = type.stages.map((s) => table.stages.find((x) => x.key === s)?.label ?? s).join("、");
      problems.add(line, `${at(table.stageLabel)}：${type.label}学校须分学段各填一行，请填写${labels}`);
    } else stage = stageKey ?? type.stages[0];
  }
  if (problems.count > before || !type || !stage) return null;
  return { name, type: type.key, stage, values, ...(Object.keys(attrs).length ? { attrs } : {}) };
}

const FLAG_TEXT: Record<string, boolean> = { 是: true, 否: false, true: true, false: false, "1": true, "0": false, "√": true, "×": false };

/** A flag cell (是/否) or a category cell (an option's label, alias or key) as the stored value; null if unknown. */
export function attributeValue(attr: TRowAttribute, text: string): string | boolean | null {
  const wanted = normaliseHeader(text);
  if (attr.kind === "flag") return Object.hasOwn(FLAG_TEXT, wanted) ? FLAG_TEXT[wanted] : null;
  return attr.options.find((o) => [o.label, o.key, ...o.aliases].some((l) => normaliseHeader(l) === wanted))?.key ?? null;
}

export const attributeChoices = (attr: TRowAttribute): string => (attr.kind === "flag" ? "是、否" : attr.options.map((o) => o.label).join("、"));

/** "小学", "小学部", "小学段" all name the 小学 stage. */
function matchStage(table: TSchoolTable, text: string): string | undefined {
  const wanted = normaliseHeader(text).replace(/[部段]$/, "");
  return table.stages.find((s) => normaliseHeader(s.label) === wanted)?.key;
}

function numberCell(column: TTableColumn, cell: string | number | null, at: string, line: number, problems: Problems): number | null {
  const result = validateInputValue(column, cell);
  if (!result.ok) {
    problems.add(line, `${at}：${result.message === "请输入数字" ? "不是数字" : result.message}`);
    return null;
  }
  if (result.value === null && column.required) problems.add(line, `${at}：未填写`);
  return typeof result.value === "number" ? result.value : null;
}

function crossRowChecks(table: TSchoolTable, rows: TSchoolRow[], lines: number[], problems: Problems) {
  const first = new Map<string, number>();
  const schools = new Map<string, { line: number; type: string; stages: Set<string> }>();
  rows.forEach((row, i) => {
    const key = `${row.name}\u0000${row.stage}`;
    const earlier = first.get(key);
    const stageLabel = table.stages.find((s) => s.key === row.stage)?.label ?? row.stage;
    if (earlier !== undefined) problems.add(lines[i], `第 ${lines[i]} 行：「${row.name}」（${stageLabel}）与第 ${earlier} 行重复`);
    else first.set(key, lines[i]);
    const school = schools.get(row.name) ?? { line: lines[i], type: row.type, stages: new Set<string>() };
    if (school.type !== row.type) {
      problems.add(lines[i], `第 ${lines[i]} 行：「${row.name}」的学校类型与第 ${school.line} 行不一致`);
    }
    school.stages.add(row.stage);
    schools.set(row.name, school);
  });
  for (const [name, school] of schools) {
    const type = table.schoolTypes.find((t) => t.key === school.type);
    if (!type || type.stages.length < 2) continue;
    const lacking = type.stages.filter((s) => !school.stages.has(s)).map((s) => table.stages.find((x) => x.key === s)?.label ?? s);
    if (lacking.length) problems.add(school.line, `第 ${school.line} 行：「${name}」是${type.label}学校，缺少${lacking.join("、")}部分的数据行（每个学段单独一行）`);
  }
}
