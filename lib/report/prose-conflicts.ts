// Heuristic reading of the narrative against the figures: a number typed next to a figure's name that disagrees
// with the stored or computed value, and a sentence that claims 达标/完成 for an indicator that missed its target.
// It only flags what it can pin on a named figure with a matching unit, because a false alarm teaches writers to
// ignore the check.
import type { ComputedFigures, FigureValues } from "@/lib/indicators/types";
import { rationalFromNumber, toFixedString } from "@/lib/indicators/rational";
import { figureIndex, type Figure } from "@/lib/template/lookup";
import type { TScheme } from "@/lib/template/schema";
import { FIGURE_TOKEN, figureRefsIn } from "@/lib/report/figures";
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

export function findProseConflicts(text: string, scheme: TScheme, computed: ComputedFigures, values: FigureValues): ProseConflict[] {
  const index = figureIndex(scheme);
  const names = figureNames(scheme);
  const conflicts: ProseConflict[] = figureRefsIn(text)
    .filter((key) => !index.has(key))
    .map((key) => ({ kind: "unknown-figure", key, excerpt: `{{figure:${key}}}`, message: `引用了不存在的数据「${key}」` }));

  for (const excerpt of splitSentences(text)) {
    // Tokens are bound to the data and cannot disagree with it; a placeholder keeps their digits out of the scan.
    const sentence = normaliseProse(excerpt.replace(FIGURE_TOKEN, "〔数据〕"));
    const mentions = findMentions(sentence, names);
    for (const mention of mentions) {
      const figure = index.get(mention.key);
      const mismatch = figure && numberMismatch(sentence, mention, figure, computed, values);
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
  if (BOUND.test(clause.slice(match[0].length + unit.length)) || INTENT.test(sentence.slice(0, mention.end))) return null;

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
