// A per-school table declared by a scheme (e.g. the 7 资源配置 indicators of 优质均衡): the columns a county fills
// or imports, the per-school indicators derived from them with the ordinary formula engine, the standards per 学段
// and the pass rules. Everything is data so that another province's table (other columns, other standards, other
// thresholds) needs no code. Cross-references are checked in scheme-tables.ts.
import { z } from "@/lib/validation";
import { ZCode, ZFigureKey, ZText } from "@/lib/template/keys";
import { ZFormula } from "@/lib/template/formula";
import { ZRounding } from "@/lib/template/display-format";
import { ZVetoEffect } from "@/lib/template/scoring";
import { onlyOneOf } from "@/lib/template/choices";

/** Other spellings accepted as column headers on import (matched after whitespace/full-width normalisation). */
const ZHeaderAliases = z.array(ZText).default([]);

/** A 学段 the CV is computed for separately, e.g. primary → 小学. */
export const ZStage = z.strictObject({ key: ZFigureKey, label: ZText });
export type TStage = z.infer<typeof ZStage>;

/** A kind of school and the 学段 it has. A 九年一贯制 school lists two stages and is entered as one row per stage,
 *  because each part has its own pupils, teachers and rooms and is compared with its own level's standards. */
export const ZSchoolType = z.strictObject({
  key: ZFigureKey,
  label: ZText,
  stages: z.array(ZFigureKey).min(1, "学校类型至少对应一个学段"),
  aliases: ZHeaderAliases,
  /** Resources a multi-stage school shares (校舍, 场馆, 设备): each stage row carries the whole school's figure in
   *  these columns and counts `factors[stage]` of it, e.g. { primary: 0.4, junior: 0.6 }. */
  split: z
    .strictObject({
      factors: z.record(ZFigureKey, z.number().positive("分摊系数应大于 0").max(1, "分摊系数不能大于 1")),
      columns: z.array(ZFigureKey).min(1, "至少需要一列分摊的数据"),
    })
    .optional(),
});
export type TSchoolType = z.infer<typeof ZSchoolType>;

export const ZTableColumn = z
  .strictObject({
    key: ZFigureKey,
    label: ZText,
    unit: z.string().trim().default(""),
    kind: z.enum(["integer", "decimal"], { error: onlyOneOf("表格列的数据类型（kind）", { integer: "整数", decimal: "小数" }) }),
    min: z.number().optional(),
    max: z.number().optional(),
    required: z.boolean().default(true),
    hint: ZText.optional(),
    aliases: ZHeaderAliases,
  })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { path: ["max"], message: "最大值（max）不能小于最小值（min）" });
export type TTableColumn = z.infer<typeof ZTableColumn>;

/** A per-school mark the standards may depend on: a flag (寄宿制) or a category (城区 / 镇区 / 乡村). */
const ZAttributeOption = z.strictObject({ key: ZFigureKey, label: ZText, aliases: ZHeaderAliases });
export const ZRowAttribute = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ key: ZFigureKey, label: ZText, kind: z.literal("flag"), hint: ZText.optional(), aliases: ZHeaderAliases }),
    z.strictObject({
      key: ZFigureKey,
      label: ZText,
      kind: z.literal("category"),
      options: z.array(ZAttributeOption).min(2, "类别至少需要两个选项"),
      hint: ZText.optional(),
      aliases: ZHeaderAliases,
    }),
  ],
  { error: (iss) => (iss.code === "invalid_union" ? onlyOneOf("学校属性的类型（kind）", { flag: "是/否", category: "类别" }) : undefined) },
);
export type TRowAttribute = z.infer<typeof ZRowAttribute>;

/** Which rows a variant applies to: school types, and/or attribute values (a flag true/false, a category's options). */
export const ZRowCondition = z
  .strictObject({
    types: z.array(ZFigureKey).min(1).optional(),
    attributes: z.record(ZFigureKey, z.union([z.boolean(), z.array(ZFigureKey).min(1)])).optional(),
  })
  .refine((c) => c.types !== undefined || c.attributes !== undefined, "条件至少需要学校类型（types）或学校属性（attributes）之一");
export type TRowCondition = z.infer<typeof ZRowCondition>;

/** Another standard (or an exemption) for the rows the condition picks; the first matching variant applies. */
export const ZStandardVariant = z
  .strictObject({
    when: ZRowCondition,
    standards: z.record(ZFigureKey, z.number().positive("标准值应大于 0")).optional(),
    exempt: z.boolean().default(false),
    note: ZText.optional(),
  })
  .refine((v) => v.exempt !== (v.standards !== undefined), "变体应设置标准值（standards）或免于考核（exempt: true），二者选一");
export type TStandardVariant = z.infer<typeof ZStandardVariant>;

/** A per-school indicator. `standards` per stage key are floors (bound "min", every resource standard of 2017) or
 *  ceilings (bound "max": school size ≤ 2000, class size ≤ 45). `role` says which verdict it enters: the k-of-n
 *  count ("counted"), a must-meet condition of the school's verdict ("required"), or a verdict of its own
 *  ("separate", e.g. 政府保障程度 limits checked per school). `scope` "school" evaluates it on the sum of a
 *  multi-stage school's rows (九年一贯制 school size). */
export const ZTableIndicator = z.strictObject({
  key: ZFigureKey,
  label: ZText,
  unit: z.string().trim().default(""),
  precision: z.number().int().min(0, "小数位数不能为负").max(6, "小数位数最多 6 位").default(2),
  formula: ZFormula,
  standards: z.record(ZFigureKey, z.number().positive("标准值应大于 0")),
  /** Whether the county-wide 差异系数 is computed for it. */
  cv: z.boolean().default(true),
  bound: z.enum(["min", "max"], { error: onlyOneOf("标准方向（bound）", { min: "不低于标准", max: "不高于标准" }) }).default("min"),
  role: z.enum(["counted", "required", "separate"], { error: onlyOneOf("指标作用（role）", { counted: "计入达标项数", required: "必须达标", separate: "单独判定" }) }).default("counted"),
  scope: z.enum(["row", "school"], { error: onlyOneOf("计算范围（scope）", { row: "按每行", school: "按全校合计" }) }).default("row"),
  variants: z.array(ZStandardVariant).default([]),
});
export type TTableIndicator = z.infer<typeof ZTableIndicator>;

export const ZTableRules = z.strictObject({
  /** Each school must meet at least this many indicators… */
  minIndicatorsMet: z.number().int().min(0, "不能为负"),
  /** …and every indicator it misses must still reach this percentage of its standard (85 in 2017). */
  floorPercent: z.number().min(0, "不能为负").max(100, "不能超过 100"),
  /** Highest allowed 差异系数 per stage key (0.50 小学, 0.45 初中 in 2017). */
  cvMax: z.record(ZFigureKey, z.number().positive("差异系数上限应大于 0")),
  /** Decimals the 差异系数 is printed and compared with (the comparison uses the printed value, as a reviewer would). */
  cvPrecision: z.number().int().min(2, "差异系数至少保留 2 位小数").max(6, "差异系数最多保留 6 位小数").default(3),
  /** Compare per-school values as displayed (the default) or exactly; the scheme's rounding when left out. */
  rounding: ZRounding.optional(),
});
export type TTableRules = z.infer<typeof ZTableRules>;

export const SCHOOL_TABLE_MAX_ROWS = 5000;

export const ZSchoolTable = z.strictObject({
  key: ZCode,
  title: ZText,
  guidance: ZText.optional(),
  /** Header labels of the three identity columns every per-school table has. */
  nameLabel: ZText.default("学校名称"),
  typeLabel: ZText.default("学校类型"),
  stageLabel: ZText.default("学段"),
  stages: z.array(ZStage).min(1, "至少需要一个学段"),
  schoolTypes: z.array(ZSchoolType).min(1, "至少需要一种学校类型"),
  /** The column holding each school's pupils: the weight Pᵢ of the 差异系数. */
  enrolment: ZFigureKey,
  columns: z.array(ZTableColumn).min(1, "表格至少需要一列数据"),
  /** Per-school flags and categories that select standards (indicators[].variants). */
  attributes: z.array(ZRowAttribute).default([]),
  indicators: z.array(ZTableIndicator).min(1, "表格至少需要一项指标"),
  rules: ZTableRules,
  maxRows: z.number().int().min(1).max(SCHOOL_TABLE_MAX_ROWS, `每张表最多 ${SCHOOL_TABLE_MAX_ROWS} 行`).default(SCHOOL_TABLE_MAX_ROWS),
});
export type TSchoolTable = z.infer<typeof ZSchoolTable>;
export type TSchoolTableInput = z.input<typeof ZSchoolTable>;

/** 一票否决 item, phrased as the condition that vetoes (“是否存在…”), so that “是” means the veto applies. */
export const ZVeto = z.strictObject({
  key: ZFigureKey,
  question: ZText,
  hint: ZText.optional(),
  /** Where the rule comes from, e.g. "教督〔2017〕6号". */
  source: ZText.optional(),
  /** What a “是” does; "block" (the default) keeps the report from being submitted as passing. */
  effect: ZVetoEffect.default("block"),
  /** The grade (scoring.grades key) for capGrade and setGrade. */
  grade: ZFigureKey.optional(),
});
export type TVeto = z.infer<typeof ZVeto>;
