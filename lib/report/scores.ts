// The self-evaluation score sheet: per item 满分 and 自评得分 (typed by the county, or derived by the item's score
// rule from its indicators), sums per group and in total — exact fractions, so 0.6 + 0.4 is 1 — the veto effects
// (total 0, grade capped or set) and the grade by total. Pure: the editor shows it live, the precheck and the Word
// file (自评得分表, the total in the text) read the same sheet.
import { evaluateCondition, type Verdicts } from "@/lib/indicators/conditions";
import { plainNumber } from "@/lib/indicators/format";
import { add, compare, divide, multiply, rationalFromNumber, subtract, type Rational } from "@/lib/indicators/rational";
import type { ComputedFigures } from "@/lib/indicators/types";
import type { TCriterion, TScheme } from "@/lib/template/schema";
import type { TGrade } from "@/lib/template/scoring";
import { criterionLabel } from "@/lib/template/numbering";
import { criterionKey, orderedCriteria } from "@/lib/report/sections";
import type { SectionContent, TNarrativeContent, TVetoContent } from "@/lib/report/content";

const ZERO: Rational = { n: 0n, d: 1n };
const exact = (x: number): Rational => rationalFromNumber(x) ?? ZERO;
/** "87.5", "3", "0.3": how scores are written. */
export const scoreText = (x: Rational | number): string => plainNumber(typeof x === "number" ? exact(x) : x);

export interface ItemScore {
  code: string;
  sectionKey: string;
  /** "1.主体责任" as the report numbers it. */
  heading: string;
  title: string;
  groupCode?: string;
  max: number;
  /** null while not scored (or, for a rule, while its indicators are incomplete). */
  score: Rational | null;
  basis: string;
  source: "entered" | "rule";
  /** For rule-based items: how the score came about ("2 项指标未达标，每项扣 1 分"). */
  note?: string;
}

export interface GroupScore {
  code: string;
  title: string;
  max: number | null;
  sum: Rational;
  complete: boolean;
}

export interface VetoEffect {
  key: string;
  question: string;
  effect: "zeroScore" | "capGrade" | "setGrade";
  grade?: string;
}

export interface GradeView {
  key: string;
  label: string;
}

export interface ScoreSheet {
  items: ItemScore[];
  groups: GroupScore[];
  max: number;
  /** Sum of the scored items. */
  sum: Rational;
  /** After veto effects (a zeroScore veto makes it 0). */
  total: Rational;
  complete: boolean;
  /** Items still to score. */
  open: number;
  /** null while undecided (an item unscored, or a veto with an effect unanswered). */
  grade: GradeView | null;
  /** Triggered vetoes that change the result, and unanswered ones that could. */
  effects: VetoEffect[];
  pendingVetoes: number;
  /** One sentence for the report's text: "自评总得分为 87.5 分（满分 100 分），自评等次为良好。" */
  sentence: string;
}

function itemScore(scheme: TScheme, criterion: TCriterion, content: TNarrativeContent | undefined, computed: ComputedFigures, verdicts: Verdicts, groupCode?: string): ItemScore {
  const max = criterion.maxScore ?? 0;
  const base = { code: criterion.code, sectionKey: criterionKey(criterion.code), heading: `${criterionLabel(scheme, criterion)}${criterion.title}`, title: criterion.title, groupCode, max, basis: content?.scoreBasis ?? "" };
  const rule = criterion.scoreRule;
  if (!rule) return { ...base, score: typeof content?.score === "number" ? exact(content.score) : null, source: "entered" };
  const zero = rule.zeroIf ? evaluateCondition(rule.zeroIf, verdicts) : false;
  if (zero === true) return { ...base, score: ZERO, source: "rule", note: "触发计 0 分的情形，本项计 0 分" };
  const keys = rule.indicators ?? criterion.indicators.filter((d) => d.target).map((d) => d.key);
  const statuses = keys.map((k) => computed.indicators[k]?.status);
  if (zero === null || statuses.some((s) => s !== "met" && s !== "unmet")) return { ...base, score: null, source: "rule", note: "待相关数据填写完整后自动计分" };
  const unmet = statuses.filter((s) => s === "unmet").length;
  if (!unmet) return { ...base, score: exact(max), source: "rule", note: "各项指标均达标，得满分" };
  if (rule.deductPerUnmet === undefined) return { ...base, score: ZERO, source: "rule", note: `${unmet} 项指标未达标，本项不得分` };
  const left = subtract(exact(max), multiply(exact(rule.deductPerUnmet), { n: BigInt(unmet), d: 1n }));
  return { ...base, score: compare(left, ZERO) < 0 ? ZERO : left, source: "rule", note: `${unmet} 项指标未达标，每项扣 ${rule.deductPerUnmet} 分` };
}

/** The grade a total reaches: the first (best) grade whose bound it meets. */
export function gradeOf(grades: readonly TGrade[], total: Rational, max: number): TGrade | null {
  for (const g of grades) {
    if (g.min === undefined && g.minPercent === undefined) return g;
    const bound = g.min !== undefined ? exact(g.min) : multiply(exact(max), divide(exact(g.minPercent!), { n: 100n, d: 1n })!);
    if (compare(total, bound) >= 0) return g;
  }
  return null;
}

export function scoreSheet(input: {
  scheme: TScheme;
  contents: Record<string, SectionContent | undefined>;
  computed: ComputedFigures;
  verdicts: Verdicts;
  veto: TVetoContent | undefined;
}): ScoreSheet | null {
  const { scheme, contents, computed, verdicts, veto } = input;
  const scoring = scheme.scoring;
  if (!scoring) return null;
  const groupOf = new Map(scheme.groups.flatMap((g) => g.criteria.map((c) => [c, g.code] as const)));
  const items = orderedCriteria(scheme).map(({ criterion }) =>
    itemScore(scheme, criterion, contents[criterionKey(criterion.code)] as TNarrativeContent | undefined, computed, verdicts, groupOf.get(criterion.code)),
  );
  const sumOf = (xs: ItemScore[]) => xs.reduce((s, i) => (i.score ? add(s, i.score) : s), ZERO);
  const groups = scheme.groups.map((g): GroupScore => {
    const mine = items.filter((i) => i.groupCode === g.code);
    return { code: g.code, title: g.title, max: g.maxScore ?? null, sum: sumOf(mine), complete: mine.every((i) => i.score !== null) };
  });
  const sum = sumOf(items);
  const open = items.filter((i) => i.score === null).length;
  const effects: VetoEffect[] = [];
  let pendingVetoes = 0;
  for (const v of scheme.vetoes) {
    if (v.effect === "block") continue;
    const answer = veto?.answers[v.key]?.answer ?? null;
    if (answer === null) pendingVetoes++;
    else if (answer === "是") effects.push({ key: v.key, question: v.question, effect: v.effect, ...(v.grade ? { grade: v.grade } : {}) });
  }
  const total = effects.some((e) => e.effect === "zeroScore") ? ZERO : sum;
  const complete = open === 0;
  const grade = complete && !pendingVetoes ? finalGrade(scoring.grades, total, scoring.total, effects) : null;
  const sheet = { items, groups, max: scoring.total, sum, total, complete, open, grade, effects, pendingVetoes };
  return { ...sheet, sentence: scoreSentence(sheet) };
}

function finalGrade(grades: readonly TGrade[], total: Rational, max: number, effects: VetoEffect[]): GradeView | null {
  if (!grades.length) return null;
  const set = effects.find((e) => e.effect === "setGrade");
  if (set) return view(grades.find((g) => g.key === set.grade));
  let index = grades.findIndex((g) => g === gradeOf(grades, total, max));
  if (index < 0) return null;
  // A cap keeps the grade at or below it: "不得评定为优秀" caps at 良好.
  for (const e of effects) if (e.effect === "capGrade") index = Math.max(index, grades.findIndex((g) => g.key === e.grade));
  return view(grades[index]);
}

const view = (g: TGrade | undefined): GradeView | null => (g ? { key: g.key, label: g.label } : null);

function scoreSentence(s: Omit<ScoreSheet, "sentence">): string {
  if (!s.complete) return `自评得分尚未完成（还有 ${s.open} 项未评分），目前合计 ${scoreText(s.sum)} 分（满分 ${scoreText(s.max)} 分）。`;
  const zero = s.effects.some((e) => e.effect === "zeroScore");
  const total = zero ? `存在一票否决情形，自评总得分计为 0 分（各项合计 ${scoreText(s.sum)} 分，满分 ${scoreText(s.max)} 分）` : `自评总得分为 ${scoreText(s.total)} 分（满分 ${scoreText(s.max)} 分）`;
  return s.grade ? `${total}，自评等次为${s.grade.label}。` : `${total}。`;
}
