// The verdict of a per-school table (教督〔2017〕6号 §2.1, thresholds from the scheme): every school meets at least
// `minIndicatorsMet` indicators and each one it misses still reaches `floorPercent`% of the standard; every
// indicator's enrolment-weighted 差异系数 per 学段 is at most `cvMax`. Pure: the editor shows it while the clerk types,
// the precheck and the Word annex read the same result.
import { createIndexEvaluator } from "@/lib/indicators/evaluate";
import { add, compare, rationalFromNumber, roundHalfUp, toFixedString, trimZeros, type Rational } from "@/lib/indicators/rational";
import type { TSchoolTable, TTableIndicator } from "@/lib/template/school-table";
import { weightedCv } from "@/lib/schools/cv";
import { rowIndicators, tableFigureIndex, type RowIndicatorResult } from "@/lib/schools/row-values";
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
  /** true: all met; false: something definitely fails; null: not decidable yet (missing data or issues). */
  passed: boolean | null;
}

export function evaluateSchoolTable(table: TSchoolTable, rows: readonly TSchoolRow[]): SchoolTableResult {
  const issues = rowIssues(table, rows);
  const schools = rows.map((row, index) => schoolResult(table, row, index));
  const cvs = table.stages.flatMap((stage) => {
    const counted = schools.filter((s) => s.stage === stage.key && s.status !== "excluded");
    const totals = columnTotals(table, counted.map((s) => rows[s.index]));
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
  return { tableKey: table.key, schools, cvs, stages, issues, passed: failed ? false : open ? null : true };
}

function schoolResult(table: TSchoolTable, row: TSchoolRow, index: number): SchoolResult {
  const name = rowName(table, row);
  const pupils = row.values[table.enrolment];
  const enrolmentLabel = table.columns.find((c) => c.key === table.enrolment)?.label ?? table.enrolment;
  const indicators = rowIndicators(table, row);
  const metCount = indicators.filter((r) => r.status === "met").length;
  const base = { index, name, stage: row.stage, metCount, indicators };
  if (pupils === 0) return { ...base, status: "excluded", reason: `${enrolmentLabel}为 0，不参与达标判断和差异系数计算` };
  const missing = indicators.filter((r) => r.status === "missing");
  if (missing.length) {
    const lacks = [...new Set(missing.map((r) => r.reason))].join("；");
    return { ...base, status: "incomplete", reason: `无法计算：${lacks}` };
  }
  const below = indicators.filter((r) => r.status === "below");
  const floor = table.rules.floorPercent;
  if (metCount >= table.rules.minIndicatorsMet && below.length === 0) return { ...base, status: "pass" };
  const labels = new Map(table.indicators.map((d) => [d.key, d.label]));
  const unmet = indicators.filter((r) => r.status !== "met").map((r) => `「${labels.get(r.key)}」${r.reason}`);
  const why =
    metCount < table.rules.minIndicatorsMet
      ? `只有 ${metCount} 项达标（应至少 ${table.rules.minIndicatorsMet} 项）`
      : `未达标的指标低于标准的 ${floor}%`;
  return { ...base, status: "fail", reason: `${why}：${unmet.join("；")}` };
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

  const points = mine.map((s) => ({ school: s, result: s.indicators[position] }));
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
  if (!rows.length) issues.push({ index: null, message: "尚未填写或导入学校数据" });
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
  for (const cv of result.cvs) {
    if (cv.status === "unmet") out.push({ key: cvProblemKey(table.key, cv.indicator, cv.stage), message: `${cv.stageLabel}「${cv.label}」差异系数为 ${cv.display}，高于 ${cv.max}` });
  }
  return out;
}

export const schoolsProblemKey = (tableKey: string) => `${tableKey}:schools`;
export const cvProblemKey = (tableKey: string, indicator: string, stage: string) => `${tableKey}:cv:${indicator}:${stage}`;
