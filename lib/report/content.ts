// What each section of a report holds. The same schemas validate the browser form and every save on the server.
// They bound sizes and shapes only: a draft may be incomplete (empty titles, measures without units); what must be
// filled before submitting is decided by lib/report/precheck.ts.
// Every section carries its format version "v" (lib/report/migrate.ts brings older rows up to date on read).
import { z } from "@/lib/validation";
import { ZSchoolTableContent, emptySchoolTableContent } from "@/lib/schools/rows";
import { CONTENT_VERSION } from "@/lib/report/migrate";
import { NARRATIVE_MAX, ZRichText, emptyRich } from "@/lib/report/rich-text";
import { ZDismissed, ZExplanations, ZFigureNotes, ZStated } from "@/lib/report/content-extras";

export { NARRATIVE_MAX };
/** One narrative field: rich text (paragraphs, the report's lists, bold, figures; lib/report/rich-text.ts). */
export const ZNarrative = ZRichText;
const ZShort = (max: number, what: string) => z.string().trim().max(max, `${what}最多 ${max} 个字`);
const ZId = z.string().min(1).max(40);
const ZVersion = z.literal(CONTENT_VERSION).default(CONTENT_VERSION);

/** Figure values typed by the county; checked against the scheme's inputs by lib/report/values.ts. A value the
 *  form could not read (the clerk typed "18a4") is held as its text, which no schema accepts: it never saves. */
export const ZFigureValues = z.record(z.string().max(80), z.union([z.number(), z.boolean(), z.null()], { error: "请输入数字" }));
export type TFigureValues = z.infer<typeof ZFigureValues>;

export const ZMetaContent = z.object({
  v: ZVersion,
  title: ZShort(120, "标题"),
  issuer: ZShort(60, "发文机关"),
  /** 主送机关 (e.g. 运城市人民政府教育督导室), optional; rows saved before the field existed decode with "". */
  recipient: ZShort(200, "主送机关").default(""),
  date: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 年-月-日")]),
  preamble: ZNarrative,
});

export const ZNarrativeContent = z.object({
  v: ZVersion,
  narrative: ZNarrative,
  subpoints: z.record(z.string().max(40), ZNarrative).default({}),
  values: ZFigureValues.default({}),
  score: z.number({ error: "得分应为数字" }).min(0, "得分不能为负").max(1000).nullable().default(null),
  /** 评分依据: why the county gave itself this score (required when points are deducted, see lib/report/scores.ts). */
  scoreBasis: z.string().trim().max(2000, "评分依据最多 2000 个字").optional(),
  /** Indicators entered as the result another office stated (a growth rate), with its source, instead of parts. */
  stated: ZStated,
  /** 数据来源 / 统计口径 of any figure of the section. */
  notes: ZFigureNotes,
  /** 情况说明 answering the section's failed consistency checks ("check:<key>"). */
  explanations: ZExplanations,
  /** Prose warnings the county dismissed, with an optional reason. */
  dismissed: ZDismissed,
});

export const MEASURE_STATUSES = ["未启动", "整改中", "已完成", "长期坚持"] as const;
export const PROBLEM_SOURCES = { self: "本次自查", indicator: "指标未达标", lastYear: "上年遗留" } as const;

export const ZMeasure = z.object({
  id: ZId,
  text: ZNarrative,
  leadUnit: ZShort(60, "牵头单位"),
  partnerUnits: ZShort(200, "配合单位"),
  owner: ZShort(40, "责任人"),
  deadline: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "完成时限格式应为 年-月 或 年-月-日")]),
  status: z.enum(MEASURE_STATUSES),
});
export type TMeasure = z.infer<typeof ZMeasure>;

export const ZProblem = z.object({
  id: ZId,
  title: ZShort(300, "问题"),
  detail: ZNarrative,
  criterionCode: z.string().max(40).nullable(),
  indicatorKey: z.string().max(80).nullable(),
  source: z.enum(["self", "indicator", "lastYear"]),
  measures: z.array(ZMeasure).max(30, "每个问题最多 30 条措施"),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZProblemsContent = z.object({
  v: ZVersion,
  intro: ZNarrative,
  items: z.array(ZProblem).max(50, "最多 50 个问题"),
  /** 情况说明 answering unmet targets instead of listing them as problems ("unmet:<indicator or table key>"). */
  explanations: ZExplanations,
});

export const ZNextStepsContent = z.object({
  v: ZVersion,
  intro: ZNarrative,
  items: z
    .array(z.object({ id: ZId, heading: ZShort(120, "标题"), body: ZNarrative }))
    .max(30, "最多 30 项"),
  /** Last year's commitments carried forward: each to be answered. */
  commitments: z
    .array(z.object({ id: ZId, text: ZNarrative, answer: ZNarrative, done: z.boolean().nullable() }))
    .max(50)
    .default([]),
});

/** One 一票否决 item's answer. "是" means the vetoing condition exists (items are phrased “是否存在…”). */
export const VETO_ANSWERS = ["是", "否"] as const;
export const ZVetoAnswer = z.object({
  answer: z.enum(VETO_ANSWERS, { error: "请选择“是”或“否”" }).nullable(),
  explanation: ZShort(2000, "说明"),
  /** What proves the answer (documents, statistics, 佐证材料 names). */
  evidence: ZShort(1000, "佐证材料说明"),
  /** Ids of uploaded 佐证材料 (lib/evidence) the answer points to. */
  evidenceIds: z.array(ZId).max(20, "每项最多关联 20 份材料").default([]),
});
export type TVetoAnswer = z.infer<typeof ZVetoAnswer>;
export const ZVetoContent = z.object({ v: ZVersion, answers: z.record(z.string().max(80), ZVetoAnswer).default({}) });
export type TVetoContent = z.infer<typeof ZVetoContent>;
export const emptyVetoAnswer = (): TVetoAnswer => ({ answer: null, explanation: "", evidence: "", evidenceIds: [] });

/** The per-school table's content (lib/schools/rows.ts) with the format version. */
const ZVersionedSchoolTable = ZSchoolTableContent.extend({ v: ZVersion });
export type TSchoolTableContent = z.infer<typeof ZVersionedSchoolTable>;
export { ZSchoolTableContent };

export type TMetaContent = z.infer<typeof ZMetaContent>;
export type TNarrativeContent = z.infer<typeof ZNarrativeContent>;
export type TProblemsContent = z.infer<typeof ZProblemsContent>;
export type TNextStepsContent = z.infer<typeof ZNextStepsContent>;

export const SECTION_CONTENT = {
  meta: ZMetaContent,
  narrative: ZNarrativeContent,
  problems: ZProblemsContent,
  nextSteps: ZNextStepsContent,
  schoolTable: ZVersionedSchoolTable,
  veto: ZVetoContent,
} as const;
export type SectionContentKind = keyof typeof SECTION_CONTENT;
export type SectionContent = TMetaContent | TNarrativeContent | TProblemsContent | TNextStepsContent | TSchoolTableContent | TVetoContent;

const v = CONTENT_VERSION;
export const emptyContent = {
  meta: (): TMetaContent => ({ v, title: "", issuer: "", recipient: "", date: "", preamble: emptyRich() }),
  narrative: (): TNarrativeContent => ({ v, narrative: emptyRich(), subpoints: {}, values: {}, score: null, stated: {}, notes: {}, explanations: {}, dismissed: {} }),
  problems: (): TProblemsContent => ({ v, intro: emptyRich(), items: [], explanations: {} }),
  nextSteps: (): TNextStepsContent => ({ v, intro: emptyRich(), items: [], commitments: [] }),
  schoolTable: (): TSchoolTableContent => ({ v, ...emptySchoolTableContent() }),
  veto: (): TVetoContent => ({ v, answers: {} }),
} satisfies Record<SectionContentKind, () => SectionContent>;
