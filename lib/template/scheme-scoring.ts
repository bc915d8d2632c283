// Cross-references of scores, grades, results, conditions and display formats that a zod shape cannot see: items
// that add up to their group and to the scheme's total (exactly: 0.6 + 0.4 is 1), grades from the best down,
// vetoes whose effect names a grade, conditions naming figures, tables and vetoes that exist.
import { conditionAtoms, type TCondition } from "@/lib/template/conditions";
import { formatPath, duplicateErrors, type SchemeError } from "@/lib/template/scheme-errors";
import { figureIndex, figureSections } from "@/lib/template/lookup";
import { add, compare, divide, rationalFromNumber, type Rational } from "@/lib/indicators/rational";
import type { TScheme } from "@/lib/template/schema";
import { FORMAT_KIND_LABELS, VETO_EFFECT_LABELS } from "@/lib/template/choices";

const ZERO: Rational = { n: 0n, d: 1n };
const exact = (x: number): Rational => rationalFromNumber(x) ?? ZERO;
const sum = (xs: number[]): Rational => xs.map(exact).reduce(add, ZERO);
const same = (a: Rational, b: number) => compare(a, exact(b)) === 0;
const shown = (x: Rational) => String(Number(x.n) / Number(x.d));

export function scoringErrors(scheme: TScheme): SchemeError[] {
  return [...scoreErrors(scheme), ...gradeErrors(scheme), ...vetoEffectErrors(scheme), ...conditionErrors(scheme), ...figureRuleErrors(scheme)];
}

function scoreErrors(scheme: TScheme): SchemeError[] {
  const errors: SchemeError[] = [];
  const { scoring } = scheme;
  scheme.criteria.forEach((c, i) => {
    const at = `criteria[${i}]`;
    if (scoring && c.maxScore === undefined) errors.push({ path: `${at}.maxScore`, message: "方案设了计分（scoring），每项评价重点都需要分值（maxScore）" });
    const points = c.subpoints.filter((s) => s.maxScore !== undefined);
    if (points.length && points.length < c.subpoints.length) {
      errors.push({ path: `${at}.subpoints`, message: "要点分值应逐项填写：有的要点设了分值（maxScore），有的没有" });
    } else if (points.length && c.maxScore !== undefined) {
      const total = sum(points.map((s) => s.maxScore!));
      if (!same(total, c.maxScore)) errors.push({ path: `${at}.maxScore`, message: `各要点分值之和为 ${shown(total)} 分，与本项分值 ${c.maxScore} 分不一致` });
    }
    if (c.scoreRule && c.maxScore === undefined) errors.push({ path: `${at}.scoreRule`, message: "按指标计分（scoreRule）需要本项的分值（maxScore）" });
    if (scoring?.step && c.maxScore !== undefined && !multipleOf(c.maxScore, scoring.step)) {
      errors.push({ path: `${at}.maxScore`, message: `分值 ${c.maxScore} 不是计分步长 ${scoring.step} 的整数倍` });
    }
  });
  const byCode = new Map(scheme.criteria.map((c) => [c.code, c]));
  scheme.groups.forEach((g, i) => {
    if (g.maxScore === undefined) return;
    const members = g.criteria.map((code) => byCode.get(code)).filter((c) => c !== undefined);
    if (members.some((c) => c.maxScore === undefined)) {
      errors.push({ path: `groups[${i}].maxScore`, message: "分组设了小计分值，其中的每项评价重点也需要分值（maxScore）" });
      return;
    }
    const total = sum(members.map((c) => c.maxScore!));
    if (!same(total, g.maxScore)) errors.push({ path: `groups[${i}].maxScore`, message: `分组「${g.title}」各项分值之和为 ${shown(total)} 分，与小计 ${g.maxScore} 分不一致` });
  });
  if (scoring && scheme.criteria.every((c) => c.maxScore !== undefined)) {
    const total = sum(scheme.criteria.map((c) => c.maxScore!));
    if (!same(total, scoring.total)) errors.push({ path: "scoring.total", message: `各项评价重点分值之和为 ${shown(total)} 分，与总分 ${scoring.total} 分不一致` });
  }
  return errors;
}

function multipleOf(value: number, step: number): boolean {
  const q = divide(exact(value), exact(step));
  return q !== null && q.d === 1n;
}

function gradeErrors(scheme: TScheme): SchemeError[] {
  const grades = scheme.scoring?.grades ?? [];
  const errors = duplicateErrors(grades.map((g, i) => ({ value: g.key, path: `scoring.grades[${i}].key` })), "等次键名");
  const bound = (g: (typeof grades)[number]) =>
    g.min !== undefined ? (g.min / scheme.scoring!.total) * 100 : g.minPercent;
  grades.forEach((g, i) => {
    const b = bound(g);
    const last = i === grades.length - 1;
    if (b === undefined && !last) errors.push({ path: `scoring.grades[${i}]`, message: "只有最低的等次可以不设下限（min 或 minPercent）" });
    if (g.min !== undefined && g.min > scheme.scoring!.total) errors.push({ path: `scoring.grades[${i}].min`, message: `下限 ${g.min} 分高于总分 ${scheme.scoring!.total} 分` });
    const previous = i > 0 ? bound(grades[i - 1]) : undefined;
    if (b !== undefined && previous !== undefined && b >= previous) {
      errors.push({ path: `scoring.grades[${i}]`, message: `等次应从高到低排列：「${g.label}」的下限应低于「${grades[i - 1].label}」` });
    }
  });
  return errors;
}

function vetoEffectErrors(scheme: TScheme): SchemeError[] {
  const grades = new Set((scheme.scoring?.grades ?? []).map((g) => g.key));
  const errors: SchemeError[] = [];
  scheme.vetoes.forEach((v, i) => {
    const at = `vetoes[${i}]`;
    if (v.effect === "capGrade" || v.effect === "setGrade") {
      if (!v.grade) errors.push({ path: `${at}.grade`, message: `否决效果 ${v.effect}（${VETO_EFFECT_LABELS[v.effect]}）需要指定等次（grade）` });
      else if (!grades.has(v.grade)) errors.push({ path: `${at}.grade`, message: `未知的等次「${v.grade}」（可用的有：${[...grades].join("、") || "无，请先在 scoring.grades 中列出等次"}）` });
    } else if (v.grade) errors.push({ path: `${at}.grade`, message: `否决效果 ${v.effect}（${VETO_EFFECT_LABELS[v.effect]}）不使用等次（grade）` });
    if (v.effect === "zeroScore" && !scheme.scoring) errors.push({ path: `${at}.effect`, message: "否决效果 zeroScore（总分记为 0）需要方案计分（scoring）" });
  });
  return errors;
}

/** Every condition of the scheme with its path: results' levels and score rules' zeroIf. */
function schemeConditions(scheme: TScheme): { condition: TCondition; path: string }[] {
  const roots = [
    ...scheme.results.flatMap((r, i) => r.levels.map((l, j) => ({ condition: l.when, path: `results[${i}].levels[${j}].when` }))),
    ...scheme.criteria.flatMap((c, i) => (c.scoreRule?.zeroIf ? [{ condition: c.scoreRule.zeroIf, path: `criteria[${i}].scoreRule.zeroIf` }] : [])),
  ];
  return roots.flatMap((root) => conditionAtoms(root.condition).map((a) => ({ condition: a.condition, path: a.path.length ? `${root.path}.${formatPath(a.path)}` : root.path })));
}

function conditionErrors(scheme: TScheme): SchemeError[] {
  const index = figureIndex(scheme);
  const tables = new Map(scheme.tables.map((t) => [t.key, t]));
  const vetoes = new Set(scheme.vetoes.map((v) => v.key));
  const errors: SchemeError[] = [];
  const tableProblem = (key: string, indicator?: string, stage?: string): string | null => {
    const t = tables.get(key);
    if (!t) return `引用了不存在的表格「${key}」`;
    if (indicator && !t.indicators.some((d) => d.key === indicator)) return `表格「${t.title}」中没有指标「${indicator}」`;
    if (stage && !t.stages.some((s) => s.key === stage)) return `表格「${t.title}」中没有学段「${stage}」`;
    return null;
  };
  errors.push(...duplicateErrors(scheme.results.map((r, i) => ({ value: r.key, path: `results[${i}].key` })), "评价结果键名"));
  for (const { condition: c, path } of schemeConditions(scheme)) {
    let problem: string | null = null;
    if ("indicator" in c) {
      const f = index.get(c.indicator);
      problem = !f ? `引用了不存在的指标「${c.indicator}」` : f.kind !== "indicator" ? `「${c.indicator}」是填报数据，不是指标` : !f.indicator.target ? `指标「${f.indicator.label}」没有目标，无法判断是否达标` : null;
    } else if ("schools" in c) problem = tableProblem(c.schools.table, c.schools.indicator);
    else if ("cv" in c) problem = tableProblem(c.cv.table, c.cv.indicator, c.cv.stage);
    else if ("table" in c) problem = tableProblem(c.table);
    else if ("veto" in c) problem = c.veto !== "any" && !vetoes.has(c.veto) ? `引用了不存在的否决事项「${c.veto}」` : null;
    else if ("score" in c) problem = !scheme.scoring ? "按得分判断需要方案计分（scoring）" : path.includes(".zeroIf") ? "计分规则的记零条件（zeroIf）不能依据总分（总分由各项得分组成）" : null;
    if (problem) errors.push({ path, message: problem });
  }
  return errors;
}

/** Score rules, shown indicators, table counts and display formats. */
function figureRuleErrors(scheme: TScheme): SchemeError[] {
  const index = figureIndex(scheme);
  const errors: SchemeError[] = [];
  const indicatorProblem = (key: string): string | null => {
    const f = index.get(key);
    if (!f) return `引用了不存在的指标「${key}」`;
    return f.kind === "indicator" ? null : `「${key}」是填报数据，不是指标`;
  };
  scheme.criteria.forEach((c, i) => {
    c.shows.forEach((key, j) => {
      const problem = indicatorProblem(key);
      if (problem) errors.push({ path: `criteria[${i}].shows[${j}]`, message: problem });
    });
    (c.scoreRule?.indicators ?? []).forEach((key, j) => {
      const problem = indicatorProblem(key);
      const f = index.get(key);
      if (problem) errors.push({ path: `criteria[${i}].scoreRule.indicators[${j}]`, message: problem });
      else if (f?.kind === "indicator" && !f.indicator.target) errors.push({ path: `criteria[${i}].scoreRule.indicators[${j}]`, message: `指标「${f.indicator.label}」没有目标，无法按达标情况计分` });
    });
    if (c.scoreRule && !c.scoreRule.indicators && !c.indicators.some((d) => d.target)) {
      errors.push({ path: `criteria[${i}].scoreRule`, message: "本项没有带目标的指标：请在计分规则的指标列表（scoreRule.indicators）中列出据以计分的指标" });
    }
  });
  for (const section of figureSections(scheme)) {
    section.indicators.forEach((ind, i) => {
      const at = section.indicatorPaths[i];
      if (ind.formula.op === "schools") {
        const t = scheme.tables.find((x) => x.key === (ind.formula as { table: string }).table);
        const f = ind.formula;
        if (!t) errors.push({ path: `${at}.formula.table`, message: `引用了不存在的表格「${f.table}」` });
        else if (f.indicator && !t.indicators.some((d) => d.key === f.indicator)) errors.push({ path: `${at}.formula.indicator`, message: `表格「${t.title}」中没有指标「${f.indicator}」` });
        else if (!f.indicator && (f.count === "met" || f.count === "unmet")) errors.push({ path: `${at}.formula.count`, message: `统计方式（count）为 ${f.count}（${f.count === "met" ? "该指标达标的学校数" : "该指标未达标的学校数"}）时需要指定表格指标（indicator）` });
        else if (f.indicator && (f.count === "pass" || f.count === "fail")) errors.push({ path: `${at}.formula.count`, message: `指定了表格指标时统计方式（count）应为 met（该指标达标的学校数）或 unmet（该指标未达标的学校数）` });
      }
      const format = ind.format;
      if (!format || format.kind === "number") return;
      const suffix = format.kind === "percent" ? "%" : format.kind === "permille" ? "‰" : format.kind === "currency" || format.kind === "count" ? format.unit : "";
      if (ind.unit && ind.unit !== suffix) errors.push({ path: `${at}.unit`, message: `显示格式为 ${format.kind}（${FORMAT_KIND_LABELS[format.kind]}）时单位由格式决定，请删除单位（unit）「${ind.unit}」${suffix ? `或改为「${suffix}」` : ""}` });
      if (ind.formula.op === "yesno") errors.push({ path: `${at}.format`, message: "是/否指标不能设置显示格式" });
    });
  }
  return errors;
}
