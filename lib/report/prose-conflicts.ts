// Heuristic reading of the narrative against the figures: a number typed next to a figure's name that disagrees
// with the stored or computed value, and a sentence that claims 达标/完成 for an indicator that missed its target.
// It only flags what it can pin on a named figure with a matching unit, because a false alarm teaches writers to
// ignore the check. A number that states a change (撤并、新建、减少、增加…) is not the stock figure of the same name,
// nor is a number in a breakdown (其中…) of something that is not a figure related to it.
import type { ComputedFigures, FigureValues } from "@/lib/indicators/types";
import { rationalFromNumber, toFixedString } from "@/lib/indicators/rational";
import { figureIndex, schemeChecks, schemeIndicators, type Figure } from "@/lib/template/lookup";
import { formulaOperands } from "@/lib/template/formula";
import type { TScheme } from "@/lib/template/schema";
import { figureNames, findMentions, normaliseProse, splitSentences, type Mention } from "@/lib/report/prose-text";

export interface ProseConflict {
  kind: "number-mismatch" | "unmet-claim" | "unknown-figure";
  key: string;
  /** The sentence as written. */
  excerpt: string;
  message: string;
}

// Words allowed between a name and its number: "毛入园率达99.82%", "占比为17.25%", "教职工：3877人".
const NUMBER_AFTER_NAME = /^(?:[:：]|已|达到|达|为|是|约|共|计|仅|只有|有)*\s*(-?\d+(?:\.\d+)?)/;
const CLAUSE_END = /[,;。、!?]/;
const CLAIM = /达标|完成|达到|实现|符合/g;
const NEGATION = /(?:未|没|没有|不|无|未能|难以)$/;
// "5%以内", "90%以上" state a bound, not the figure's value.
const BOUND = /^(?:以内|以下|以上|之内|左右)/;
// Plans are not claims: "力争到2023年达到5%以内". (将 is left out: "已将占比降至4%" is a claim.)
const INTENT = /力争|争取|确保|计划|预计|拟|力求/;
// A number after these words counts a change, not what there is: "撤并…初中4所" is not the county's 10 初中.
const CHANGE = /撤并|撤销|合并|新建|新增|新设|改建|扩建|减少|增加|压减|关停|停办|停止办学|转为|调减|调增/g;
// …until the sentence returns to what there is now: "撤并初中4所，现有初中10所".
const STOCK = /现有|现在有|共有|目前|全县有|总数|总计|共计|保留/g;
const lastIndex = (re: RegExp, text: string) => {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index + m[0].length;
  return at;
};

/** Figures that belong together: the parts and total of a check, the operands of one formula. A breakdown after
 *  其中 is read only against a figure related to the one it breaks down. */
const related = new WeakMap<TScheme, Map<string, Set<string>>>();
function relatedFigures(scheme: TScheme): Map<string, Set<string>> {
  let map = related.get(scheme);
  if (map) return map;
  map = new Map();
  const link = (keys: string[]) => {
    for (const a of keys) for (const b of keys) if (a !== b) map!.set(a, (map!.get(a) ?? new Set()).add(b));
  };
  for (const check of schemeChecks(scheme)) link([...check.parts, check.total]);
  for (const ind of schemeIndicators(scheme)) link([ind.key, ...formulaOperands(ind.formula).map((o) => o.key)]);
  related.set(scheme, map);
  return map;
}

/** Whether the number after `mention` could be something other than the figure's own value. */
function notTheFigure(sentence: string, mention: Mention, mentions: Mention[], scheme: TScheme): boolean {
  const before = sentence.slice(0, mention.start);
  if (lastIndex(CHANGE, before) > lastIndex(STOCK, before)) return true;
  const partition = before.lastIndexOf("其中");
  if (partition < 0) return false;
  // "学校（园）193所，其中初中10所" is read; "民办学校12所，其中初中4所" is not: 民办学校 is no figure related to 初中.
  const links = relatedFigures(scheme).get(mention.key);
  return !mentions.some((m) => m.end <= partition && links?.has(m.key));
}

/** Stands for a figure chip in the text handed to the checks: chips are bound to the data and cannot disagree with
 *  it, and the placeholder keeps their digits out of the scan. */
export const FIGURE_PLACEHOLDER = "〔数据〕";

/** Conflicts in `text` (chips replaced by FIGURE_PLACEHOLDER; lib/report/precheck.ts does that). */
export function findProseConflicts(text: string, scheme: TScheme, computed: ComputedFigures, values: FigureValues): ProseConflict[] {
  const index = figureIndex(scheme);
  const names = figureNames(scheme);
  const conflicts: ProseConflict[] = [];

  for (const excerpt of splitSentences(text)) {
    const sentence = normaliseProse(excerpt);
    const mentions = findMentions(sentence, names);
    for (const mention of mentions) {
      const figure = index.get(mention.key);
      const mismatch = figure && !notTheFigure(sentence, mention, mentions, scheme) && numberMismatch(sentence, mention, figure, computed, values);
      if (mismatch) conflicts.push({ kind: "number-mismatch", key: mention.key, excerpt, message: mismatch });
    }
    // A claim belongs to the nearest indicator: the span between the neighbouring indicator mentions.
    const named = mentions.filter((m) => index.get(m.key)?.kind === "indicator");
    named.forEach((mention, i) => {
      const result = computed.indicators[mention.key];
      const scope = sentence.slice(named[i - 1]?.end ?? 0, named[i + 1]?.start ?? sentence.length);
      if (result?.status === "unmet" && claimsSuccess(scope)) {
        const message = `“${mention.name}”为 ${result.display}，${result.reason ?? "未达到目标"}，文中却表述为已达到或已完成`;
        conflicts.push({ kind: "unmet-claim", key: mention.key, excerpt, message });
      }
    });
  }
  return conflicts;
}

function numberMismatch(sentence: string, mention: Mention, figure: Figure, computed: ComputedFigures, values: FigureValues): string | null {
  const rest = sentence.slice(mention.end);
  const clause = rest.slice(0, rest.search(CLAUSE_END) < 0 ? rest.length : rest.search(CLAUSE_END));
  const match = NUMBER_AFTER_NAME.exec(clause);
  const unit = normaliseProse(figure.kind === "input" ? figure.input.unit : figure.indicator.unit);
  // A number in another unit ("2021年", "6776人" after a rate) is not a statement of this figure, nor is a bound
  // or a plan ("力争…达到95%").
  if (!match || !unit || !clause.slice(match[0].length).startsWith(unit)) return null;
  const afterUnit = clause.slice(match[0].length + unit.length);
  if (BOUND.test(afterUnit) || INTENT.test(sentence.slice(0, mention.end))) return null;
  // "…和金山雨禾幼儿园5所民办幼儿园": the number counts the noun after it (named again), not the name before it.
  if (afterUnit.includes(mention.name)) return null;

  const stored = figure.kind === "input" ? values[mention.key] : computed.indicators[mention.key]?.value;
  const prose = rationalFromNumber(Number(match[1]));
  const exact = typeof stored === "number" ? rationalFromNumber(stored) : null;
  if (!prose || !exact) return null;
  // Typed figures must match exactly; a computed rate may be rounded more coarsely in prose ("99.8%" for 99.82%).
  const proseDecimals = match[1].split(".")[1]?.length ?? 0;
  const places = figure.kind === "input" ? 6 : Math.min(proseDecimals, figure.indicator.precision);
  if (toFixedString(prose, places) === toFixedString(exact, places)) return null;
  const source = figure.kind === "input" ? "填报数据" : "计算结果";
  const shown = figure.kind === "input" ? `${stored}${unit}` : computed.indicators[mention.key].display;
  return `文中“${mention.name}”为 ${match[1]}${unit}，与${source} ${shown} 不一致`;
}

function claimsSuccess(scope: string): boolean {
  for (const claim of scope.matchAll(CLAIM)) {
    const before = scope.slice(0, claim.index);
    if (!NEGATION.test(before) && !INTENT.test(before)) return true;
  }
  return false;
}
