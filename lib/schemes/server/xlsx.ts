import "server-only";
// The Excel round trip of a scheme (decision 032): a 细则 workbook a 督导室 edits in Excel/WPS and uploads into a
// draft. Three sheets — 评价项目 (one row per item), 数据与指标 (one row per input or indicator, the formula as an
// operation picked from a list plus the codes of the inputs it reads), 表格 (the per-school tables' titles and
// placement). Whatever the sheets do not carry (hints, aliases, display formats, matrices, scoring, the tables'
// columns …) is kept from the base draft, matched by code. All or nothing: any wrong row gives its own Chinese
// error {sheet, row, column} and no scheme at all.
import ExcelJS from "exceljs";
import { FORMULA_OP_LABELS } from "@/lib/template/choices";
import { formulaOperands, FORMULA_OPS, type TFormula, type TTarget } from "@/lib/template/formula";
import type { TCriterion, TIndicator, TInput, TScheme } from "@/lib/template/schema";
import { expandMatrix } from "@/lib/template/matrix";
import { targetText } from "@/lib/template/scheme-diff";
import { validateScheme } from "@/lib/template/validate-scheme";
import { inertCellText, typedCellText } from "@/lib/spreadsheet-text";
import { probeXlsx } from "@/lib/schools/server/xlsx-probe";

export const ITEMS_SHEET = "评价项目";
export const FIGURES_SHEET = "数据与指标";
export const TABLES_SHEET = "表格";
export const SCHEME_XLSX_MAX_BYTES = 4 * 1024 * 1024;
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type TSheetError = { sheet: string; row: number | null; column: string | null; message: string };
export type TWorkbookResult = { ok: true; scheme: TScheme } | { ok: false; errors: TSheetError[] };

const ITEM_COLUMNS = ["代号", "序号", "标题", "评价要点", "分值"] as const;
const FIGURE_COLUMNS = ["所属", "类别", "代号", "名称", "单位", "数据类型", "运算", "数据项代号", "目标", "小数位数"] as const;
const TABLE_COLUMNS = ["代号", "标题", "所属评价项目", "内容（只读）"] as const;
const INPUT = "数据项";
const INDICATOR = "指标";
const KIND_LABELS = { integer: "整数", decimal: "小数", boolean: "是/否" } as const;

/** Operand codes as one cell: comma-separated in the formula's order (分子, 分母 / 本期, 上期 / 被减数, 减数). */
function operandText(formula: TFormula): string {
  return formulaOperands(formula).map((o) => o.key).join(", ");
}

function header(sheet: ExcelJS.Worksheet, columns: readonly string[], widths: number[]) {
  sheet.addRow([...columns]).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

const text = (v: string | undefined) => (v === undefined ? null : inertCellText(v));

/** The scheme as an .xlsx 细则 template. */
export async function schemeToWorkbook(scheme: TScheme): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "县级政府履行教育职责自评报告系统";
  const items = wb.addWorksheet(ITEMS_SHEET);
  header(items, ITEM_COLUMNS, [14, 8, 40, 80, 8]);
  for (const c of scheme.criteria) items.addRow([text(c.code), c.ordinal, text(c.title), text(c.guidance), c.maxScore ?? null]);
  items.getColumn(4).alignment = { wrapText: true, vertical: "top" };

  const figures = wb.addWorksheet(FIGURES_SHEET);
  header(figures, FIGURE_COLUMNS, [14, 8, 24, 36, 8, 10, 14, 36, 14, 10]);
  const owners: { code: string; inputs: TInput[]; indicators: TIndicator[] }[] = [
    ...scheme.parts.flatMap((p) => (p.kind === "profile" ? [{ code: p.key, inputs: p.inputs, indicators: p.indicators }] : [])),
    ...scheme.criteria.map((c) => ({ code: c.code, inputs: c.inputs, indicators: c.indicators })),
  ];
  for (const o of owners) {
    for (const i of o.inputs) figures.addRow([text(o.code), INPUT, text(i.key), text(i.label), text(i.unit), KIND_LABELS[i.kind], null, null, null, null]);
    for (const i of o.indicators) {
      figures.addRow([text(o.code), INDICATOR, text(i.key), text(i.label), text(i.unit), null, FORMULA_OP_LABELS[i.formula.op], text(operandText(i.formula)), i.target ? text(targetCell(i.target)) : null, i.precision]);
    }
  }
  const last = Math.max(figures.rowCount + 200, 500);
  const ops = `"${FORMULA_OPS.map((op) => FORMULA_OP_LABELS[op]).join(",")}"`;
  for (let r = 2; r <= last; r++) {
    figures.getCell(r, 2).dataValidation = { type: "list", allowBlank: true, formulae: [`"${INPUT},${INDICATOR}"`] };
    figures.getCell(r, 6).dataValidation = { type: "list", allowBlank: true, formulae: [`"${Object.values(KIND_LABELS).join(",")}"`] };
    figures.getCell(r, 7).dataValidation = { type: "list", allowBlank: true, formulae: [ops] };
  }

  const tables = wb.addWorksheet(TABLES_SHEET);
  header(tables, TABLE_COLUMNS, [20, 40, 16, 80]);
  for (const t of scheme.tables) {
    const at = scheme.criteria.find((c) => c.table === t.key)?.code ?? "";
    const about = `列：${t.columns.map((c) => c.label).join("、")}；指标：${t.indicators.map((i) => i.label).join("、")}`;
    tables.addRow([text(t.key), text(t.title), text(at), text(about)]);
  }

  const help = wb.addWorksheet("说明");
  help.getColumn(1).width = 100;
  [
    `《${scheme.title}》的细则模板。修改后在系统的方案草稿页面“上传 Excel 细则”，任何一行有误都不会改动草稿。`,
    `「${ITEMS_SHEET}」每个评价项目一行；「代号」用于对应原有项目，改了代号就是删除原项目并新增一个项目。`,
    `「${FIGURES_SHEET}」每项数据或指标一行；「所属」填评价项目代号（或基本情况部分的代号）；指标的「运算」从下拉列表中选，「数据项代号」按顺序填所用数据项的代号，用逗号分隔（比值、百分比、千分比：分子, 分母；增长率：本期, 上期；差值：被减数, 减数）。`,
    "「目标」写作：≥ 95、≤ 10、= 1、90 ~ 100 或 是；不填表示没有目标。",
    `「${TABLES_SHEET}」只能修改标题和所属评价项目；表格的列和标准请在系统中编辑。`,
    "填写提示、别称、显示格式、计分规则等本模板不包含的内容，上传时保留草稿中原有的设置。",
  ].forEach((line) => (help.addRow([line]).alignment = { wrapText: true }));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function targetCell(target: TTarget): string {
  return target.op === "yes" ? "是" : targetText(target);
}

// ---------------------------------------------------------------- reading

type Cell = string | number | null;
type Row = { line: number; get: (column: string) => Cell };

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return typedCellText(value).trim() || null;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("").trim() || null;
  if ("result" in value) {
    const r = (value as { result?: unknown }).result;
    return typeof r === "number" || typeof r === "string" ? r : null;
  }
  if ("text" in value) return String(value.text).trim() || null;
  return null;
}

function readRows(sheet: ExcelJS.Worksheet | undefined, columns: readonly string[], errors: TSheetError[], name: string): Row[] | null {
  if (!sheet) {
    errors.push({ sheet: name, row: null, column: null, message: `缺少工作表「${name}」` });
    return null;
  }
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const v = cellValue(cell.value);
    if (typeof v === "string") at.set(v, col);
  });
  const missing = columns.filter((c) => !c.includes("只读") && !at.has(c));
  if (missing.length) {
    errors.push({ sheet: name, row: 1, column: null, message: `第一行缺少列标题：${missing.join("、")}（列标题不要修改）` });
    return null;
  }
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const values = columns.map((c) => (at.has(c) ? cellValue(row.getCell(at.get(c)!).value) : null));
    if (values.every((v) => v === null)) return;
    rows.push({ line, get: (c) => values[columns.indexOf(c)] ?? null });
  });
  return rows;
}

const str = (v: Cell) => (v === null ? "" : String(v).trim());

function num(v: Cell): number | null | "bad" {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "bad";
  const n = Number(v.replace(/[,，\s]/g, ""));
  return v.trim() && Number.isFinite(n) ? n : "bad";
}

const TARGET_RE = /^(≥|>=|≤|<=|=|＝)\s*(-?[\d.]+)\s*%?$/;
const BETWEEN_RE = /^(-?[\d.]+)\s*(?:~|～|-|—|至)\s*(-?[\d.]+)\s*%?$/;

function parseTarget(cell: string): TTarget | null {
  if (cell === "是") return { op: "yes" };
  const m = TARGET_RE.exec(cell);
  if (m && Number.isFinite(Number(m[2]))) {
    const op = m[1] === "≥" || m[1] === ">=" ? ">=" : m[1] === "≤" || m[1] === "<=" ? "<=" : "=";
    return { op, value: Number(m[2]) };
  }
  const b = BETWEEN_RE.exec(cell);
  if (b && Number.isFinite(Number(b[1])) && Number.isFinite(Number(b[2]))) return { op: "between", min: Number(b[1]), max: Number(b[2]) };
  return null;
}

const sameTarget = (a: TTarget | undefined, b: TTarget | null) => {
  if (!a || !b) return !a && !b;
  return JSON.stringify({ ...a, label: undefined }) === JSON.stringify(b);
};

const OP_BY_LABEL = new Map<string, TFormula["op"]>(FORMULA_OPS.map((op) => [FORMULA_OP_LABELS[op], op]));
const KIND_BY_LABEL = new Map<string, TInput["kind"]>(Object.entries(KIND_LABELS).map(([k, v]) => [v, k as TInput["kind"]]));

function buildFormula(op: TFormula["op"], keys: string[], base: TFormula | undefined): TFormula | string {
  const two = (n: number) => (keys.length === n ? null : `${FORMULA_OP_LABELS[op]}需要 ${n} 个数据项代号，填了 ${keys.length} 个`);
  switch (op) {
    case "ratio":
    case "percent":
    case "permille":
      return two(2) ?? { op, num: keys[0], den: keys[1] };
    case "growth":
      return two(2) ?? { op, current: keys[0], previous: keys[1] };
    case "difference":
      return two(2) ?? { op, a: keys[0], b: keys[1] };
    case "sum":
    case "average":
      return keys.length ? { op, terms: keys } : `${FORMULA_OP_LABELS[op]}至少需要一个数据项代号`;
    case "value":
    case "yesno":
      return two(1) ?? { op, of: keys[0] };
    case "schools":
      return base?.op === "schools" ? base : "“统计学校表格”的指标请在系统中设置";
  }
}

/** The scheme the workbook describes, built on `base`; or every row error. Nothing is stored here. */
export async function workbookToScheme(bytes: Uint8Array, base: TScheme): Promise<TWorkbookResult> {
  const fail = (message: string): TWorkbookResult => ({ ok: false, errors: [{ sheet: "", row: null, column: null, message }] });
  const probe = probeXlsx(bytes);
  if (!probe.ok) return fail(probe.reason === "legacy-xls" ? "这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再上传" : "不是有效的 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传");
  if (probe.totalUncompressed > 10 * SCHEME_XLSX_MAX_BYTES) return fail("文件解压后过大，请删去图片和无关工作表后再上传");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return fail("无法读取 .xlsx 文件，文件可能已损坏。请用 Excel 或 WPS 打开后重新保存");
  }
  const errors: TSheetError[] = [];
  const err = (sheet: string, row: number, column: string | null, message: string) => errors.push({ sheet, row, column, message });
  const itemRows = readRows(wb.getWorksheet(ITEMS_SHEET), ITEM_COLUMNS, errors, ITEMS_SHEET);
  const figureRows = readRows(wb.getWorksheet(FIGURES_SHEET), FIGURE_COLUMNS, errors, FIGURES_SHEET);
  const tableRows = readRows(wb.getWorksheet(TABLES_SHEET), TABLE_COLUMNS, errors, TABLES_SHEET);
  if (!itemRows || !figureRows || !tableRows) return { ok: false, errors };

  // 评价项目
  const baseCriteria = new Map(base.criteria.map((c) => [c.code, c]));
  const criteria: TCriterion[] = [];
  const seenItems = new Set<string>();
  for (const r of itemRows) {
    const code = str(r.get("代号"));
    if (!code) err(ITEMS_SHEET, r.line, "代号", "代号不能为空");
    else if (seenItems.has(code)) err(ITEMS_SHEET, r.line, "代号", `代号 ${code} 重复`);
    seenItems.add(code);
    const ordinal = num(r.get("序号"));
    if (ordinal === null || ordinal === "bad" || !Number.isInteger(ordinal) || ordinal < 1) err(ITEMS_SHEET, r.line, "序号", "序号应为从 1 开始的整数");
    const title = str(r.get("标题"));
    if (!title) err(ITEMS_SHEET, r.line, "标题", "标题不能为空");
    const score = num(r.get("分值"));
    if (score === "bad" || (typeof score === "number" && score < 0)) err(ITEMS_SHEET, r.line, "分值", `分值应为不小于 0 的数字，而不是“${str(r.get("分值"))}”`);
    const was = baseCriteria.get(code);
    const next: TCriterion = {
      ...(was ?? { subpoints: [], inputs: [], indicators: [], checks: [], matrices: [], shows: [] }),
      code,
      ordinal: typeof ordinal === "number" ? ordinal : 0,
      title,
      guidance: str(r.get("评价要点")),
      inputs: [],
      indicators: [],
    } as TCriterion;
    if (typeof score === "number") next.maxScore = score;
    else delete next.maxScore;
    criteria.push(next);
  }

  // 数据与指标
  const owners = new Map<string, { inputs: TInput[]; indicators: TIndicator[] }>();
  for (const c of criteria) owners.set(c.code, c);
  const parts = base.parts.map((p) => (p.kind === "profile" ? { ...p, inputs: [] as TInput[], indicators: [] as TIndicator[] } : p));
  for (const p of parts) if (p.kind === "profile") owners.set(p.key, p);
  const baseFigures = new Map<string, TInput | TIndicator>();
  for (const o of [...base.parts.flatMap((p) => (p.kind === "profile" ? [p] : [])), ...base.criteria]) {
    for (const f of [...o.inputs, ...o.indicators]) baseFigures.set(f.key, f);
  }
  const keys = new Map<string, number>();
  // Keys that exist besides the sheet's rows: per-level matrices (kept from the base) expand into ordinary figures.
  const matrixKeys = new Set<string>();
  for (const o of [...parts.flatMap((p) => (p.kind === "profile" ? [p] : [])), ...criteria]) {
    for (const m of o.matrices) for (const f of Object.values(expandMatrix(m, "")).flat()) if (typeof f === "object") matrixKeys.add(f.key);
  }
  const pending: { row: Row; keys: string[] }[] = [];
  for (const r of figureRows) {
    const ownerCode = str(r.get("所属"));
    const owner = owners.get(ownerCode);
    if (!owner) err(FIGURES_SHEET, r.line, "所属", ownerCode ? `没有代号为 ${ownerCode} 的评价项目` : "所属不能为空");
    const key = str(r.get("代号"));
    if (!key) err(FIGURES_SHEET, r.line, "代号", "代号不能为空");
    else if (keys.has(key) || matrixKeys.has(key)) err(FIGURES_SHEET, r.line, "代号", `代号 ${key} 重复${keys.has(key) ? `（第 ${keys.get(key)} 行已使用）` : ""}`);
    else keys.set(key, r.line);
    const label = str(r.get("名称"));
    if (!label) err(FIGURES_SHEET, r.line, "名称", "名称不能为空");
    const unit = str(r.get("单位"));
    const category = str(r.get("类别"));
    const was = baseFigures.get(key);
    if (category === INPUT) {
      const kind = KIND_BY_LABEL.get(str(r.get("数据类型")));
      if (!kind) err(FIGURES_SHEET, r.line, "数据类型", `数据类型应为${Object.values(KIND_LABELS).join("、")}之一`);
      const prev = was && !("formula" in was) ? was : undefined;
      owner?.inputs.push({ ...(prev ?? { required: true, aliases: [] }), key, label, unit, kind: kind ?? "decimal" } as TInput);
    } else if (category === INDICATOR) {
      const opLabel = str(r.get("运算"));
      const op = OP_BY_LABEL.get(opLabel);
      const prev = was && "formula" in was ? was : undefined;
      const operands = str(r.get("数据项代号")).split(/[,，、\s]+/).filter(Boolean);
      let formula: TFormula | undefined;
      if (!op) err(FIGURES_SHEET, r.line, "运算", opLabel ? `未知的运算“${opLabel}”，请从下拉列表中选择` : "指标需要选择运算");
      else {
        const built = buildFormula(op, operands, prev?.formula);
        if (typeof built === "string") err(FIGURES_SHEET, r.line, "数据项代号", built);
        else {
          formula = built;
          pending.push({ row: r, keys: op === "schools" ? [] : operands });
        }
      }
      const targetCellText = str(r.get("目标"));
      const target = targetCellText ? parseTarget(targetCellText) : null;
      if (targetCellText && !target) err(FIGURES_SHEET, r.line, "目标", `目标“${targetCellText}”无法识别，应写作 ≥ 95、≤ 10、= 1、90 ~ 100 或 是`);
      const precision = num(r.get("小数位数"));
      if (precision === "bad" || (typeof precision === "number" && (!Number.isInteger(precision) || precision < 0 || precision > 6))) {
        err(FIGURES_SHEET, r.line, "小数位数", "小数位数应为 0 到 6 的整数");
      }
      const next = { ...(prev ?? { aliases: [] }), key, label, unit, precision: typeof precision === "number" ? precision : 2, formula } as TIndicator;
      if (prev?.target && sameTarget(prev.target, target)) next.target = prev.target;
      else if (target) next.target = target;
      else delete next.target;
      owner?.indicators.push(next);
    } else {
      err(FIGURES_SHEET, r.line, "类别", `类别应为“${INPUT}”或“${INDICATOR}”`);
    }
  }
  for (const p of pending) {
    const unknown = p.keys.filter((k) => !keys.has(k) && !matrixKeys.has(k));
    if (unknown.length) err(FIGURES_SHEET, p.row.line, "数据项代号", `没有代号为 ${unknown.join("、")} 的数据项或指标`);
  }

  // 表格
  const tables = base.tables.map((t) => ({ ...t }));
  const placed = new Map<string, string>();
  for (const r of tableRows) {
    const key = str(r.get("代号"));
    const table = tables.find((t) => t.key === key);
    if (!table) {
      err(TABLES_SHEET, r.line, "代号", `没有代号为 ${key || "（空）"} 的表格；新增表格请在系统中编辑`);
      continue;
    }
    const title = str(r.get("标题"));
    if (!title) err(TABLES_SHEET, r.line, "标题", "标题不能为空");
    else table.title = title;
    const at = str(r.get("所属评价项目"));
    if (at && !seenItems.has(at)) err(TABLES_SHEET, r.line, "所属评价项目", `没有代号为 ${at} 的评价项目`);
    placed.set(key, at);
  }
  for (const c of criteria) {
    const entry = [...placed].find(([, at]) => at === c.code);
    if (entry) c.table = entry[0];
    else if (c.table && placed.has(c.table)) delete c.table;
  }
  if (errors.length) return { ok: false, errors };

  const result = validateScheme({ ...base, parts, criteria, tables });
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => validatorError(e, itemRows)) };
  return { ok: true, scheme: result.scheme };
}

const ITEM_FIELDS: Record<string, string> = { code: "代号", ordinal: "序号", title: "标题", guidance: "评价要点", maxScore: "分值" };

/** A validator error at the item row it concerns when it is about an item's own field; else the sheet-less message. */
function validatorError(e: { path: string; message: string }, itemRows: Row[]): TSheetError {
  const m = /^criteria\[(\d+)\](?:\.(\w+))?/.exec(e.path);
  const row = m ? itemRows[Number(m[1])] : undefined;
  if (row) return { sheet: ITEMS_SHEET, row: row.line, column: (m?.[2] && ITEM_FIELDS[m[2]]) || null, message: e.message };
  return { sheet: "", row: null, column: null, message: e.path ? `${e.path}：${e.message}` : e.message };
}

/** "工作表「X」第 N 行「Y」列：…", as the upload lists them. */
export function describeSheetError(e: TSheetError): string {
  const where = [e.sheet && `工作表「${e.sheet}」`, e.row !== null && `第 ${e.row} 行`, e.column && `「${e.column}」列`].filter(Boolean).join(" ");
  return where ? `${where}：${e.message}` : e.message;
}
