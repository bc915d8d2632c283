// Scores as scheme data: the total (满分), the step a score moves in (e.g. 0.1: “满分及依次以0.1分递减计分”), the
// grades by total (优秀 ≥ 90 …), when a 评分依据 must be written, rules that derive an item's score from its
// indicators, and results with several levels decided by conditions (巩固 / 提高 / 创优). Per item 满分 sits on the
// criterion (maxScore), per group on the group; scheme-scoring.ts checks that they add up.
import { z } from "@/lib/validation";
import { ZFigureKey, ZText } from "@/lib/template/keys";
import { ZCondition } from "@/lib/template/conditions";
import { onlyOneOf, VETO_EFFECT_LABELS } from "@/lib/template/choices";

/** One grade by total score. `min` is in points, `minPercent` in % of the total; the lowest grade has neither. */
export const ZGrade = z
  .strictObject({
    key: ZFigureKey,
    label: ZText,
    min: z.number().min(0, "不能为负").optional(),
    minPercent: z.number().min(0, "不能为负").max(100, "不能超过 100").optional(),
  })
  .refine((g) => g.min === undefined || g.minPercent === undefined, { path: ["minPercent"], message: "最低分（min）与最低得分率（minPercent）只能设置一个" });
export type TGrade = z.infer<typeof ZGrade>;

export const ZScoring = z.strictObject({
  /** 满分: the criteria's maxScore must add up to it. */
  total: z.number().positive("总分应大于 0"),
  /** Scores are multiples of this (0.1 → 1.8 is fine, 1.85 is not). */
  step: z.number().positive("计分步长应大于 0").optional(),
  /** From the best down; the first grade whose bound the total reaches applies. */
  grades: z.array(ZGrade).default([]),
  /** When a 评分依据 must be written: always, only when points are deducted (default), or never required. */
  basis: z.enum(["always", "whenDeducted", "optional"], { error: onlyOneOf("评分依据要求（basis）", { always: "每项都要写", whenDeducted: "扣分时要写", optional: "可不写" }) }).default("whenDeducted"),
});
export type TScoring = z.infer<typeof ZScoring>;

/** An item's score derived from indicators instead of typed: full marks when every listed indicator meets its
 *  target; without `deductPerUnmet` an unmet indicator gives 0, with it each unmet one deducts that many points
 *  (not below 0); `zeroIf` (e.g. a veto) gives 0 whatever the indicators say. */
export const ZScoreRule = z.strictObject({
  /** Indicator keys; the criterion's own indicators with a target when left out. */
  indicators: z.array(ZFigureKey).optional(),
  deductPerUnmet: z.number().positive("扣分应大于 0").optional(),
  zeroIf: ZCondition.optional(),
});
export type TScoreRule = z.infer<typeof ZScoreRule>;

/** A result with several levels, e.g. 学前双普 巩固 / 提高 / 创优: the first level (from the best) whose condition holds. */
export const ZResult = z.strictObject({
  key: ZFigureKey,
  title: ZText,
  levels: z
    .array(z.strictObject({ key: ZFigureKey, label: ZText, when: ZCondition, note: ZText.optional() }))
    .min(1, "至少需要一个等级"),
  /** The label when no level's condition holds, e.g. "未达到巩固标准". */
  otherwise: ZText,
});
export type TResult = z.infer<typeof ZResult>;

/** What a triggered 一票否决 item does: blocks submission (the default), sets the total to 0, caps the grade at
 *  `grade` (宁夏: 不得评定为优秀 → cap at 良好), or sets the grade to `grade`. */
export const VETO_EFFECTS = ["block", "zeroScore", "capGrade", "setGrade"] as const;
export const ZVetoEffect = z.enum(VETO_EFFECTS, { error: onlyOneOf("否决效果（effect）", VETO_EFFECT_LABELS) });
export type TVetoEffect = z.infer<typeof ZVetoEffect>;

/** Where a scheme's content comes from: the document, its address, and what of it the scheme does (not) cover. */
export const ZSource = z.strictObject({ title: ZText, url: z.url({ error: "应为网址" }).optional(), issuer: ZText.optional(), note: ZText.optional() });
export type TSource = z.infer<typeof ZSource>;
