// The shape of an evaluation scheme (评价方案). Cross-references (unknown keys, loops, group coverage) are checked
// in validate-scheme.ts; this file only says what each node looks like. Objects are strict so that a misspelt
// field in an edited scheme is an error rather than a silently ignored setting.
import { z } from "@/lib/validation";
import { ZCode, ZFigureKey, ZText } from "@/lib/template/keys";
import { ZFormula, ZTarget } from "@/lib/template/formula";
import { ZSchoolTable, ZVeto } from "@/lib/template/school-table";
import { ZDisplayFormat, ZRounding } from "@/lib/template/display-format";
import { ZResult, ZScoreRule, ZScoring, ZSource } from "@/lib/template/scoring";
import { onlyOneOf } from "@/lib/template/choices";

// Names the prose may use for a figure besides its label (used to spot contradicting numbers in the narrative).
const ZAliases = z.array(ZText).default([]);

export const ZInput = z
  .strictObject({
    key: ZFigureKey,
    label: ZText,
    unit: z.string().trim().default(""),
    kind: z.enum(["integer", "decimal", "boolean"], { error: onlyOneOf("数据类型（kind）", { integer: "整数", decimal: "小数", boolean: "是/否" }) }),
    min: z.number().optional(),
    max: z.number().optional(),
    required: z.boolean().default(true),
    hint: ZText.optional(),
    aliases: ZAliases,
  })
  .refine((i) => i.kind !== "boolean" || (i.min === undefined && i.max === undefined), {
    path: ["kind"],
    message: "是/否项不能设置最小值（min）或最大值（max）",
  })
  .refine((i) => i.min === undefined || i.max === undefined || i.min <= i.max, {
    path: ["max"],
    message: "最大值（max）不能小于最小值（min）",
  });
export type TInput = z.infer<typeof ZInput>;

export const ZIndicator = z
  .strictObject({
    key: ZFigureKey,
    label: ZText,
    unit: z.string().trim().default(""),
    precision: z.number().int().min(0, "小数位数不能为负").max(6, "小数位数最多 6 位").default(2),
    formula: ZFormula,
    target: ZTarget.optional(),
    aliases: ZAliases,
    /** How the value is written (percent, ‰, "1:N", 万元, counts); plain number + unit when left out. */
    format: ZDisplayFormat.optional(),
    /** Overrides the scheme's rounding for this indicator. */
    rounding: ZRounding.optional(),
    /** Present when the county may enter the result as stated by another office (a growth rate, a ratio) instead
     *  of its parts; `hint` says what to enter. The target applies either way (lib/report/stated.ts). */
    stated: z.strictObject({ hint: ZText.optional() }).optional(),
  })
  .superRefine((ind, ctx) => {
    if (!ind.target) return;
    const yesno = ind.formula.op === "yesno";
    if (yesno !== (ind.target.op === "yes")) {
      const message = yesno ? "是/否指标的目标只能是 yes（为“是”）" : "目标 yes（为“是”）只能用于是/否指标（op 为 yesno）";
      ctx.addIssue({ code: "custom", path: ["target", "op"], message });
    }
  })
  .superRefine((ind, ctx) => {
    if (ind.stated && (ind.formula.op === "yesno" || ind.formula.op === "value" || ind.formula.op === "schools")) {
      ctx.addIssue({ code: "custom", path: ["stated"], message: "只有由多项数据计算的指标才能直接填写结果" });
    }
  });
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZCheck = z.strictObject({
  key: ZFigureKey,
  label: ZText,
  kind: z.literal("sumEquals", { error: onlyOneOf("核对类型（kind）", { sumEquals: "各项之和等于合计" }) }),
  parts: z.array(ZFigureKey).min(2, "求和核对至少需要两项"),
  total: ZFigureKey,
  // May use {sum} and {total}; the default names the total's label.
  message: ZText.optional(),
});
export type TCheck = z.infer<typeof ZCheck>;

/** Figures by level (小学/初中/高中/中职 …) as one small table instead of copies: each input and indicator exists
 *  once per level, with the key "<key>_<level>" and the label "<level label><label>"; formulas name the matrix's
 *  own keys and mean the same level. `targets` sets a target per level (生均公用经费 ≥ 650 / 850 元). Expanded by
 *  lib/template/matrix.ts, so every other part of the system sees ordinary inputs and indicators. */
export const ZFigureMatrix = z.strictObject({
  key: ZCode,
  title: ZText.optional(),
  levels: z.array(z.strictObject({ key: ZFigureKey, label: ZText })).min(2, "按学段填报至少需要两个学段"),
  inputs: z.array(ZInput).min(1, "至少需要一项数据"),
  indicators: z.array(ZIndicator).default([]),
  targets: z.record(ZFigureKey, z.record(ZFigureKey, ZTarget)).default({}),
});
export type TFigureMatrix = z.infer<typeof ZFigureMatrix>;

const figures = {
  inputs: z.array(ZInput).default([]),
  indicators: z.array(ZIndicator).default([]),
  checks: z.array(ZCheck).default([]),
  matrices: z.array(ZFigureMatrix).default([]),
};

export const ZSubpoint = z.strictObject({ code: ZCode, title: ZText, guidance: ZText.optional(), maxScore: z.number().min(0, "分值不能为负").optional() });
export type TSubpoint = z.infer<typeof ZSubpoint>;

export const ZCriterion = z.strictObject({
  code: ZCode,
  ordinal: z.number().int().min(1, "序号从 1 开始"),
  title: ZText,
  guidance: ZText,
  subpoints: z.array(ZSubpoint).default([]),
  ...figures,
  maxScore: z.number().min(0, "分值不能为负").optional(),
  /** Derives the item's score from its indicators instead of letting the county type it. */
  scoreRule: ZScoreRule.optional(),
  /** Indicators computed elsewhere (e.g. from another item's inputs) whose results this item also shows. */
  shows: z.array(ZFigureKey).default([]),
  /** Key of a per-school table (scheme.tables) filled under this criterion; it becomes its own report section. */
  table: ZCode.optional(),
});
export type TCriterion = z.infer<typeof ZCriterion>;

export const PART_KINDS = ["profile", "criteria", "problems", "nextSteps", "rectification", "selfScore", "veto"] as const;
export type PartKind = (typeof PART_KINDS)[number];
/** The usual heading of each kind of part, for messages and new schemes. */
export const PART_KIND_LABELS = {
  profile: "基本情况",
  criteria: "自查情况和工作成效",
  problems: "存在问题和改进措施",
  nextSteps: "下一步工作打算",
  rectification: "上年问题整改情况",
  selfScore: "自评得分",
  veto: "一票否决事项",
} as const satisfies Record<PartKind, string>;

const partBase = { key: ZCode, title: ZText, guidance: ZText.optional() };
export const ZPart = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ ...partBase, kind: z.literal("profile"), ...figures }),
    z.strictObject({ ...partBase, kind: z.enum(["criteria", "problems", "nextSteps", "rectification", "selfScore", "veto"]) }),
  ],
  { error: (iss) => (iss.code === "invalid_union" ? onlyOneOf("部分类型（kind）", PART_KIND_LABELS) : undefined) },
);
export type TPart = z.infer<typeof ZPart>;

export const ZGroup = z.strictObject({
  code: ZCode,
  title: ZText,
  criteria: z.array(ZCode).min(1, "分组至少包含一个评价重点"),
  /** Subtotal: the group's criteria must add up to it. */
  maxScore: z.number().min(0, "分值不能为负").optional(),
  guidance: ZText.optional(),
});
export type TGroup = z.infer<typeof ZGroup>;

export const ZScheme = z.strictObject({
  code: ZCode,
  title: ZText,
  province: ZText,
  level: z.enum(["county", "city"], { error: onlyOneOf("层级（level）", { county: "县级", city: "市级" }) }),
  year: z.number().int().min(2000, "年份应为四位数").max(2100, "年份应为四位数"),
  // One message for every way a version can be wrong: JSON's 1e309 parses as Infinity, and zod's own words for it
  // were "期望 数字，实际接收 数字".
  version: z.number({ error: "版本号必须是正整数" }).int({ error: "版本号必须是正整数" }).min(1, "版本号必须是正整数"),
  notice: z.strictObject({ title: ZText, docNumber: ZText }),
  // Who decides on a submitted report, in order: one level (the city) or two (the city accepts, then the province).
  review: z
    .strictObject({
      levels: z
        .array(z.enum(["city", "province"], { error: onlyOneOf("审核层级", { city: "市级", province: "省级" }) }))
        .min(1, "至少需要一个审核层级")
        .refine((l) => l.length === 1 || (l.length === 2 && l[0] === "city" && l[1] === "province"), "两级审核的顺序应为先市级、后省级"),
    })
    .default({ levels: ["city"] }),
  detailTitle: ZText.optional(),
  numbering: z.enum(["flat", "grouped"], { error: onlyOneOf("编号方式", { flat: "平铺编号", grouped: "分组编号" }) }),
  groups: z.array(ZGroup).default([]),
  parts: z.array(ZPart).min(1, "至少需要一个部分"),
  criteria: z.array(ZCriterion).min(1, "至少需要一个评价重点"),
  /** Per-school tables (e.g. 资源配置); each is placed under one criterion by its `table` field. */
  tables: z.array(ZSchoolTable).default([]),
  /** 一票否决 items, answered in the "veto" part. */
  vetoes: z.array(ZVeto).default([]),
  /** What the report is about, for its default title and preamble when the scheme is not a 履职评价 scheme, e.g.
   *  subject "县域义务教育优质均衡发展督导评估" → “…关于县域义务教育优质均衡发展督导评估的自评报告”. */
  report: z.strictObject({ subject: ZText, scope: ZText.optional() }).optional(),
  /** The public documents the scheme is built from. */
  source: z.array(ZSource).default([]),
  /** A note for everyone who writes under the scheme, e.g. which parts of the source are missing. */
  guidance: ZText.optional(),
  /** Whether targets are checked against the value as displayed (the default) or the exact value. */
  rounding: ZRounding.default("displayed"),
  /** Scores: total, step, grades by total. Without it the scheme is not scored. */
  scoring: ZScoring.optional(),
  /** Results with several levels decided by conditions (e.g. 巩固 / 提高 / 创优). */
  results: z.array(ZResult).default([]),
});
export type TScheme = z.infer<typeof ZScheme>;
/** What a scheme file contains before defaults are applied. */
export type TSchemeInput = z.input<typeof ZScheme>;
export type TCriterionInput = z.input<typeof ZCriterion>;
export type TPartInput = z.input<typeof ZPart>;
