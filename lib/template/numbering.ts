// Heading labels follow the 公文 ladder 一、 → （一） → 1. → （1）. Labels are derived from order and the scheme's
// numbering style, never stored, so reordering or regrouping items cannot leave a stale number behind.
import type { PartKind, TCriterion, TScheme } from "@/lib/template/schema";

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99; reports never need more). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`无法用中文数字编号：${n}`);
  const tens = Math.floor(n / 10);
  const ones = DIGITS[n % 10];
  if (tens === 0) return ones;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones}`;
}

/** Level 1: "一、" */
export const levelOneLabel = (n: number): string => `${chineseNumeral(n)}、`;
/** Level 2: "（一）" */
export const levelTwoLabel = (n: number): string => `（${chineseNumeral(n)}）`;
/** Level 3: "1." */
export const levelThreeLabel = (n: number): string => `${n}.`;
/** Level 4: "（1）" */
export const levelFourLabel = (n: number): string => `（${n}）`;

export interface PartHeading {
  key: string;
  kind: PartKind;
  label: string;
  title: string;
}

/** The report's level-1 headings, numbered by their order in the scheme. */
export function partHeadings(scheme: TScheme): PartHeading[] {
  return scheme.parts.map((p, i) => ({ key: p.key, kind: p.kind, label: levelOneLabel(i + 1), title: p.title }));
}

/** Flat schemes make each criterion a level-2 heading （一）; grouped schemes make the groups level 2 and number
 *  the criteria 1. 2. 3. straight through all groups. Either way the number is the criterion's ordinal. */
export function criterionLabel(scheme: TScheme, criterion: TCriterion): string {
  return scheme.numbering === "flat" ? levelTwoLabel(criterion.ordinal) : levelThreeLabel(criterion.ordinal);
}

/** Group headings (grouped schemes only): （一）, （二）… by position. */
export const groupLabel = (groupIndex: number): string => levelTwoLabel(groupIndex + 1);

/** Sub-points sit one level below their criterion, restarting at 1 in each criterion. */
export function subpointLabel(scheme: TScheme, subpointIndex: number): string {
  return scheme.numbering === "flat" ? levelThreeLabel(subpointIndex + 1) : levelFourLabel(subpointIndex + 1);
}
