// What a section holds besides its prose and typed figures: figures as people have them (a stated result with its
// source, 数据来源 / 统计口径 notes), 情况说明 answering a failed check or an unmet target, and prose warnings the
// county dismissed. All optional with empty defaults, so content saved before they existed reads unchanged.
import { z } from "@/lib/validation";

const ZKey = z.string().max(80).regex(/^[a-z][a-z0-9_]*$/, "数据键名有误");
const short = (max: number, what: string) => z.string().trim().max(max, `${what}最多 ${max} 个字`);

export const STATED_SOURCE_MAX = 100;
/** A result stated by another office (e.g. the finance bureau's growth rate) entered directly, with its source. */
export const ZStatedValue = z.strictObject({
  value: z.number({ error: "请输入数字" }).finite().min(-1e9).max(1e9),
  source: short(STATED_SOURCE_MAX, "来源"),
});
export type TStatedValue = z.infer<typeof ZStatedValue>;
export const ZStated = z.record(ZKey, ZStatedValue).default({});
export type TStated = z.infer<typeof ZStated>;

/** 数据来源 (where the number comes from) and 统计口径 (what exactly it counts), for any figure. */
export const ZFigureNote = z.strictObject({ source: short(200, "数据来源").default(""), basis: short(200, "统计口径").default("") });
export type TFigureNote = z.infer<typeof ZFigureNote>;
export const ZFigureNotes = z.record(ZKey, ZFigureNote).default({});
export type TFigureNotes = z.infer<typeof ZFigureNotes>;

export const EXPLANATION_MAX = 1000;
/** What a 情况说明 answers: a consistency check of the section ("check:<key>") or, in the problems section, an unmet
 *  target ("unmet:<indicator key>" or a per-school table's failure key). */
export const ZExplanationTarget = z.string().max(160).regex(/^(check|unmet):[a-z0-9_:-]+$/, "说明对象有误");
export const ZExplanation = z.strictObject({ text: short(EXPLANATION_MAX, "情况说明") });
export type TExplanation = z.infer<typeof ZExplanation>;
export const ZExplanations = z.record(ZExplanationTarget, ZExplanation).default({});
export type TExplanations = z.infer<typeof ZExplanations>;

/** A dismissed prose warning, by the warning's stable id (lib/report/dismissals.ts). */
export const ZDismissed = z
  .record(z.string().max(24).regex(/^[a-z0-9]+$/), z.strictObject({ reason: short(200, "忽略理由").default("") }))
  .refine((d) => Object.keys(d).length <= 300, "忽略的提示过多")
  .default({});
export type TDismissed = z.infer<typeof ZDismissed>;
