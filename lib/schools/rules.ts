// The verdict of a per-school table (教督〔2017〕6号 §2.1, thresholds from the scheme): every school meets at least
// `minIndicatorsMet` indicators and each one it misses still reaches `floorPercent`% of the standard; every
// indicator's enrolment-weighted 差异系数 per 学段 is at most `cvMax`. Pure: the editor shows it while the clerk types,
// the precheck and the Word annex read the same result.
import { createIndexEvaluator } from "@/lib/indicators/evaluate";
import { add, compare, rationalFromNumber, roundHalfUp, toFixedString, trimZeros, type Rational } from "@/lib/indicators/rational";
import type { TRounding } from "@/lib/template/display-format";
import type { TSchoolTable, TTableIndicator } from "@/lib/template/school-table";
import { weightedCv } from "@/lib/schools/cv";
import { effectiveValues, rowIndicators, schoolValues, tableFigureIndex, type RowIndicatorResult } from "@/lib/schools/row-values";
import { rowName, schoolTypeOf, stageOf, type TSchoolRow } from "@/lib/schools/rows";

export type SchoolStatus = "pass" | "fail" | "excluded" | "incomplete";

export interface SchoolResult {
  /** Position in the content's rows. */
  index: number;
  /** As messages name it: "城关学校（初中）" for one stage of a multi-stage school. */
  name: string;
  stage: string;
  status: SchoolStatus;
  metCount: number;
  indicators: RowIndicatorResult[];
  reason?: string;
}

export type CvStatus = "met" | "unmet" | "missing" | "none";

export interface CvResult {
  indicator: string;
  label: string;
  stage: string;
  stageLabel: string;
  status: CvStatus;
  /** County value X̄ (county total ÷ county pupils) at the indicator's precision, e.g. "5.21㎡". */
  meanDisplay: string | null;
  /** Rounded to rules.cvPrecision: the number printed and compared with the ceiling. */
  cv: number | null;
  display: string;
  max: number;
  schools: number;
  pupils: number;
  reason?: string;
}

export interface StageSummary {
  stage: string;
  label: string;
  schools: number;
  pupils: number;
  passed: number;
  failed: number;
  excluded: number;
  incomplete: number;
}

/** A "separate" indicator (e.g. school size ≤ 2000 for 政府保障程度): its own verdict over the schools, each
 *  multi-stage school counted once. */
export interface LimitResult {
  indicator: string;
  label: string;
  status: "met" | "unmet" | "missing" | "none";
  schools: number;
  met: number;
  /** Names of the schools that miss it / lack data, as messages name them. */
  unmet: string[];
  missing: string[];
}

export interface TableIssue {
  /** Row index, or null for the table as a whole. */
  index: number | null;
  message: string;
}

export interface SchoolTableResult {
  tableKey: string;
  schools: SchoolResult[];
  /** Per stage, then per indicator in scheme order. */
  cvs: CvResult[];
  stages: StageSummary[];
  /** Data problems that keep the verdict open: duplicates, a 九年一贯制 school missing a stage, blank names. */
  issues: TableIssue[];
  /** Verdicts of the "separate" indicators, in scheme order. */
  limits: LimitResult[];
  /** true: all met; false: something definitely fails; null: not decidable yet (missing data or issues). */
  passed: boolean | null;
}

/** `rounding` is the scheme's, used when the table's rules do not set their own. */
export function evaluateSchoolTable(table: TSchoolTable, rows: readonly TSchoolRow[], options: { rounding?: TRounding } = {}): SchoolTableResult {
  const issues = rowIssues(table, rows);
  const wholes = wholeSchools(table, rows);
  const schools = rows.map((row, index) => schoolResult(table, row, index, { rounding: options.rounding, school: wholes.get(index) }));
  const limits = limitResults(table, rows, schools);
  const cvs = table.stages.flatMap((stage) => {
    const counted = schools.filter((s) => s.stage === stage.key && s.status !== "excluded");
    const totals = columnTotals(table, counted.map((s) => ({ ...rows[s.index], values: effectiveValues(table, rows[s.index]) })));
    return table.indicators.flatMap((ind, i) => (ind.cv ? [cvResult(table, ind, i, stage.key, rows, counted, totals)] : []));
  });
  const stages = table.stages.map((stage): StageSummary => {
    const mine = schools.filter((s) => s.stage === stage.key);
    const counted = mine.filter((s) => s.status !== "excluded");
    return {
      stage: stage.key,
      label: stage.label,
      schools: counted.length,
      pupils: counted.reduce((n, s) => n + (rows[s.index].values[table.enrolment] ?? 0), 0),
      passed: mine.filter((s) => s.status === "pass").length,
      failed: mine.filter((s) => s.status === "fail").length,
      excluded: mine.length - counted.length,
      incomplete: mine.filter((s) => s.status === "incomplete").length,
    };
  });
  const failed = schools.some((s) => s.status === "fail") || cvs.some((c) => c.status === "unmet");
  const open = !rows.length || issues.length > 0 || schools.some((s) => s.status === "incomplete") || cvs.some((c) => c.status === "missing");
  return { tableKey: table.key, schools, cvs, stages, issues, limits, passed: failed ? false : open ? null : true };
}

/** Rows of one school (same name and type), for "school"-scoped indicators: the whole school's figures per row. */
function wholeSchools(table: TSchoolTable, rows: readonly TSchoolRow[]): Map<number, Record<string, number | null>> {
  const out = new Map<number, Record<string, number | null>>();
  if (!table.indicators.some((d) => d.scope === "school")) return out;
  for (const members of schoolGroups(rows).values()) {
    const whole = schoolValues(table, members.map((i) => rows[i]));
    for (const i of members) out.set(i, whole);
  }
  return out;
}

/** Row indexes by school (name and type); a row without a name is its own school. */
function schoolGroups(rows: readonly TSchoolRow[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const id = row.name.trim() ? `${row.name.trim()}\u0000${row.type}` : `\u0001${i}`;
    groups.set(id, [...(groups.get(id) ?? []), i]);
  });
  return groups;
}

function schoolResult(table: TSchoolTable, row: TSchoolRow, index: number, context: { rounding?: TRounding; school?: Record<string, number | null> }): SchoolResult {
  const name = rowName(table, row);
  const pupils = row.values[table.enrolment];
  const enrolmentLabel = table.columns.find((c) => c.key === table.enrolment)?.label ?? table.enrolment;
  const indicators = rowIndicators(table, row, context);
  const role = (r: RowIndicatorResult) => table.indicators.find((d) => d.key === r.key)!.role;
  // "counted" indicators enter the k-of-n rule (an exempt one counts as met), "required" ones must be met, and
  // "separate" ones have their own verdict (limitResults) and leave the school's alone.
  const counted = indicators.filter((r) => role(r) === "counted");
  const required = indicators.filter((r) => role(r) === "required");
  const metCount = counted.filter((r) => r.status === "met" || r.status === "exempt").length;
  const base = { index, name, stage: row.stage, metCount, indicators };
  if (pupils === 0) return { ...base, status: "excluded", reason: `${enrolmentLabel}为 0，不参与达标判断和差异系数计算` };
  const missing = [...counted, ...required].filter((r) => r.status === "missing");
  if (missing.length) {
    const lacks = [...new Set(missing.map((r) => r.reason))].join("；");
    return { ...base, status: "incomplete", reason: `无法计算：${lacks}` };
  }
  const below = counted.filter((r) => r.status === "below");
  const requiredUnmet = required.filter((r) => r.status !== "met" && r.status !== "exempt");
  const floor = table.rules.floorPercent;
  if (metCount >= table.rules.minIndicatorsMet && below.length === 0 && requiredUnmet.length === 0) return { ...base, status: "pass" };
  const labels = new Map(table.indicators.map((d) => [d.key, d.label]));
  const unmet = [...counted, ...required].filter((r) => r.status !== "met" && r.status !== "exempt").map((r) => `「${labels.get(r.key)}」${r.reason}`);
  const why =
    metCount < table.rules.minIndicatorsMet
      ? `只有 ${metCount} 项达标（应至少 ${table.rules.minIndicatorsMet} 项）`
      : below.length
        ? `未达标的指标低于标准的 ${floor}%`
        : "必须达到的指标未达到";
  return { ...base, status: "fail", reason: `${why}：${unmet.join("；")}` };
}

function limitResults(table: TSchoolTable, rows: readonly TSchoolRow[], schools: SchoolResult[]): LimitResult[] {
  const groups = [...schoolGroups(rows).values()];
  return table.indicators.flatMap((ind, position): LimitResult[] => {
    if (ind.role !== "separate") return [];
    const result: LimitResult = { indicator: ind.key, label: ind.label, status: "none", schools: 0, met: 0, unmet: [], missing: [] };
    for (const members of groups) {
      const counted = members.filter((i) => schools[i].status !== "excluded");
      if (!counted.length) continue;
      result.schools++;
      // A school-scoped value is the same on every row; a row-scoped one must hold on each of the school's rows.
      const verdicts = (ind.scope === "school" ? counted.slice(0, 1) : counted).map((i) => schools[i].indicators[position]);
      const name = ind.scope === "school" ? rows[counted[0]].name.trim() || "（未填写校名）" : schools[counted[0]].name;
      if (verdicts.some((r) => r.status === "below" || r.status === "floor")) result.unmet.push(name);
      else if (verdicts.some((r) => r.status === "missing")) result.missing.push(name);
      else result.met++;
    }
    result.status = !result.schools ? "none" : result.unmet.length ? "unmet" : result.missing.length ? "missing" : "met";
    return [result];
  });
}

/** Schools (a multi-stage school once) counted, and those passing overall or meeting one indicator; null while
 *  any counted school's verdict is open. For "schools" formulas and conditions. */
export function schoolCounts(table: TSchoolTable, result: SchoolTableResult, rows: readonly TSchoolRow[], indicator?: string): { passing: number; failing: number; counted: number } | null {
  const position = indicator ? table.indicators.findIndex((d) => d.key === indicator) : -1;
  if (indicator && position < 0) return null;
  if (!rows.length || result.issues.length) return null;
  let passing = 0;
  let failing = 0;
  let counted = 0;
  for (const members of schoolGroups(rows).values()) {
    const mine = members.map((i) => result.schools[i]).filter((s) => s.status !== "excluded");
    if (!mine.length) continue;
    counted++;
    const states = mine.map((s) => {
      if (position < 0) return s.status === "pass" ? "ok" : s.status === "fail" ? "bad" : "open";
      const r = s.indicators[position];
      return r.status === "met" || r.status === "exempt" ? "ok" : r.status === "missing" ? "open" : "bad";
    });
    if (states.includes("bad")) failing++;
    else if (states.includes("open")) return null;
    else passing++;
  }
  return { passing, failing, counted };
}

function cvResult(
  table: TSchoolTable,
  ind: TTableIndicator,
  position: number,
  stage: string,
  rows: readonly TSchoolRow[],
  mine: SchoolResult[],
  totals: Record<string, number>,
): CvResult {
  const max = table.rules.cvMax[stage];
  const base = { indicator: ind.key, label: ind.label, stage, stageLabel: stageOf(table, stage)?.label ?? stage, max };
  const pupils = mine.reduce((n, s) => n + (rows[s.index].values[table.enrolment] ?? 0), 0);
  const counts = { schools: mine.length, pupils };
  const open = (status: CvStatus, reason: string): CvResult => ({ ...base, ...counts, status, meanDisplay: null, cv: null, display: "无法计算", reason });
  if (!mine.length) return { ...open("none", `没有${base.stageLabel}学校`), display: "—" };

  const points = mine.map((s) => ({ school: s, result: s.indicators[position] })).filter((p) => p.result.status !== "exempt");
  const lacking = points.filter((p) => p.result.exact === null || rows[p.school.index].values[table.enrolment] == null);
  if (lacking.length) {
    const names = lacking.slice(0, 3).map((p) => `「${p.school.name}」${p.result.reason ?? "缺少学生数"}`);
    const more = lacking.length > 3 ? `等 ${lacking.length} 所学校` : "";
    return open("missing", `无法计算：${names.join("；")}${more}`);
  }

  const mean = countyValue(table, ind, totals);
  if (!mean.ok) return open("missing", `无法计算全县${base.stageLabel}值：${mean.reason}`);
  const outcome = weightedCv(
    points.map((p) => ({ weight: rows[p.school.index].values[table.enrolment]!, value: toNumber(p.result.exact!) })),
    toNumber(mean.value),
  );
  const meanDisplay = `${trimZeros(toFixedString(mean.value, ind.precision))}${ind.unit}`;
  if (!outcome.ok) return { ...open("missing", `无法计算：${outcome.reason}`), meanDisplay };
  const rounded = roundHalfUp(rationalFromNumber(outcome.cv)!, table.rules.cvPrecision);
  const display = toFixedString(rounded, table.rules.cvPrecision);
  const met = compare(rounded, rationalFromNumber(max)!) <= 0;
  return {
    ...base,
    ...counts,
    status: met ? "met" : "unmet",
    meanDisplay,
    cv: Number(display),
    display,
    ...(met ? {} : { reason: `差异系数 ${display}，高于${base.stageLabel}上限 ${max}` }),
  };
}

/** Column totals of the counted schools of one stage, exact: decimals are summed as integers per denominator (a
 *  column's values share a handful of them), so 0.1 + 0.2 stays 0.3 without a gcd per addition. */
function columnTotals(table: TSchoolTable, rows: TSchoolRow[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const column of table.columns) {
    const byDenominator = new Map<bigint, bigint>();
    for (const row of rows) {
      const v = row.values[column.key];
      const exact = typeof v === "number" ? rationalFromNumber(v) : null;
      if (exact) byDenominator.set(exact.d, (byDenominator.get(exact.d) ?? 0n) + exact.n);
    }
    let sum: Rational = { n: 0n, d: 1n };
    for (const [d, n] of byDenominator) sum = add(sum, { n, d });
    totals[column.key] = Number(toFixedString(sum, 10));
  }
  return totals;
}

/** X̄ as the rule defines it: the indicator's formula applied to the county's column totals (e.g. all 小学 teachers
 *  ÷ all 小学 pupils × 100), not an average of school values. */
function countyValue(table: TSchoolTable, ind: TTableIndicator, totals: Record<string, number>): { ok: true; value: Rational } | { ok: false; reason: string } {
  const outcome = createIndexEvaluator(tableFigureIndex(table), totals).evaluate(ind.key);
  if (!outcome.ok) return { ok: false, reason: outcome.reason ?? `缺少${outcome.missing.join("、")}` };
  if (typeof outcome.value === "boolean") return { ok: false, reason: "不是数值" };
  return { ok: true, value: outcome.value };
}

const toNumber = (x: Rational): number => Number(x.n) / Number(x.d);

function rowIssues(table: TSchoolTable, rows: readonly TSchoolRow[]): TableIssue[] {
  const issues: TableIssue[] = [];
  const seen = new Map<string, number>();
  const stagesByName = new Map<string, { index: number; type: string; stages: Set<string> }>();
  rows.forEach((row, index) => {
    const at = `第 ${index + 1} 行`;
    const name = row.name.trim();
    if (!name) issues.push({ index, message: `${at}：学校名称尚未填写` });
    const key = `${name}\u0000${row.stage}`;
    const first = seen.get(key);
    if (name && first !== undefined) issues.push({ index, message: `${at}：「${rowName(table, row)}」与第 ${first + 1} 行重复` });
    else seen.set(key, index);
    const entry = stagesByName.get(name) ?? { index, type: row.type, stages: new Set<string>() };
    entry.stages.add(row.stage);
    stagesByName.set(name, entry);
  });
  for (const [name, entry] of stagesByName) {
    const type = schoolTypeOf(table, entry.type);
    if (!name || !type || type.stages.length < 2) continue;
    const lacking = type.stages.filter((s) => !entry.stages.has(s)).map((s) => stageOf(table, s)?.label ?? s);
    if (lacking.length) {
      issues.push({ index: entry.index, message: `「${name}」是${type.label}学校，还缺少${lacking.join("、")}部分的数据行（每个学段单独一行）` });
    }
  }
  issues.push(...splitIssues(table, rows));
  if (!rows.length) issues.push({ index: null, message: "尚未填写或导入学校数据" });
  return issues;
}

/** A split school's stage rows carry the whole school's shared figures: they must agree, or the shares do not add up. */
function splitIssues(table: TSchoolTable, rows: readonly TSchoolRow[]): TableIssue[] {
  const issues: TableIssue[] = [];
  for (const members of schoolGroups(rows).values()) {
    const type = schoolTypeOf(table, rows[members[0]].type);
    if (!type?.split || members.length < 2) continue;
    for (const key of type.split.columns) {
      const values = members.map((i) => rows[i].values[key]);
      if (values.every((v) => typeof v === "number") && new Set(values).size > 1) {
        const label = table.columns.find((c) => c.key === key)?.label ?? key;
        issues.push({ index: members[1], message: `「${rows[members[0]].name.trim()}」各学段行的「${label}」应填全校数且相同（按分摊系数计入各学段），现为 ${values.join("、")}` });
      }
    }
  }
  return issues;
}

/** Problem keys (ZProblem.indicatorKey) that a failing table asks the 存在问题 section to cover. */
export function tableFailures(table: TSchoolTable, result: SchoolTableResult): { key: string; message: string }[] {
  const out: { key: string; message: string }[] = [];
  const failing = result.schools.filter((s) => s.status === "fail");
  if (failing.length) {
    const names = failing.slice(0, 5).map((s) => `「${s.name}」`).join("、");
    out.push({
      key: schoolsProblemKey(table.key),
      message: `${table.title}：${failing.length} 所学校资源配置未达标（${names}${failing.length > 5 ? " 等" : ""}）`,
    });
  }
  for (const limit of result.limits) {
    if (limit.status === "unmet") {
      const names = limit.unmet.slice(0, 5).map((n) => `「${n}」`).join("、");
      out.push({ key: limitProblemKey(table.key, limit.indicator), message: `${limit.label}：${limit.unmet.length} 所学校未达到要求（${names}${limit.unmet.length > 5 ? " 等" : ""}）` });
    }
  }
  for (const cv of result.cvs) {
    if (cv.status === "unmet") out.push({ key: cvProblemKey(table.key, cv.indicator, cv.stage), message: `${cv.stageLabel}「${cv.label}」差异系数为 ${cv.display}，高于 ${cv.max}` });
  }
  return out;
}

export const schoolsProblemKey = (tableKey: string) => `${tableKey}:schools`;
export const limitProblemKey = (tableKey: string, indicator: string) => `${tableKey}:limit:${indicator}`;
export const cvProblemKey = (tableKey: string, indicator: string, stage: string) => `${tableKey}:cv:${indicator}:${stage}`;
