// What each section of a report holds. The same schemas validate the browser form and every save on the server.
// They bound sizes and shapes only: a draft may be incomplete (empty titles, measures without units); what must be
// filled before submitting is decided by lib/report/precheck.ts.
import { z } from "@/lib/validation";
import { ZSchoolTableContent, emptySchoolTableContent, type TSchoolTableContent } from "@/lib/schools/rows";

/** One narrative field: generous, but a pasted megabyte is refused at the field instead of stored. */
export const NARRATIVE_MAX = 20_000;
export const ZNarrative = z.string().max(NARRATIVE_MAX, `内容过长：每段正文最多 ${NARRATIVE_MAX} 字，请拆分或精简`);
const ZShort = (max: number, what: string) => z.string().trim().max(max, `${what}最多 ${max} 个字`);
const ZId = z.string().min(1).max(40);

/** Figure values typed by the county; checked against the scheme's inputs by lib/report/values.ts. */
export const ZFigureValues = z.record(z.string().max(80), z.union([z.number(), z.boolean(), z.null()]));
export type TFigureValues = z.infer<typeof ZFigureValues>;

export const ZMetaContent = z.object({
  title: ZShort(120, "标题"),
  issuer: ZShort(60, "发文机关"),
  /** 主送机关 (e.g. 运城市人民政府教育督导室), optional; rows saved before the field existed decode with "". */
  recipient: ZShort(200, "主送机关").default(""),
  date: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 年-月-日")]),
  preamble: ZNarrative,
});

export const ZNarrativeContent = z.object({
  narrative: ZNarrative,
  subpoints: z.record(z.string().max(40), ZNarrative).default({}),
  values: ZFigureValues.default({}),
  score: z.number().min(0, "得分不能为负").max(1000).nullable().default(null),
  /** 评分依据: why the county gave itself this score (required when points are deducted, see lib/report/scores.ts). */
  scoreBasis: z.string().trim().max(2000, "评分依据最多 2000 个字").optional(),
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
  intro: ZNarrative,
  items: z.array(ZProblem).max(50, "最多 50 个问题"),
});

export const ZNextStepsContent = z.object({
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
export const ZVetoContent = z.object({ answers: z.record(z.string().max(80), ZVetoAnswer).default({}) });
export type TVetoContent = z.infer<typeof ZVetoContent>;
export const emptyVetoAnswer = (): TVetoAnswer => ({ answer: null, explanation: "", evidence: "", evidenceIds: [] });

export { ZSchoolTableContent, type TSchoolTableContent };

export type TMetaContent = z.infer<typeof ZMetaContent>;
export type TNarrativeContent = z.infer<typeof ZNarrativeContent>;
export type TProblemsContent = z.infer<typeof ZProblemsContent>;
export type TNextStepsContent = z.infer<typeof ZNextStepsContent>;

export const SECTION_CONTENT = {
  meta: ZMetaContent,
  narrative: ZNarrativeContent,
  problems: ZProblemsContent,
  nextSteps: ZNextStepsContent,
  schoolTable: ZSchoolTableContent,
  veto: ZVetoContent,
} as const;
export type SectionContentKind = keyof typeof SECTION_CONTENT;
export type SectionContent = TMetaContent | TNarrativeContent | TProblemsContent | TNextStepsContent | TSchoolTableContent | TVetoContent;

export const emptyContent = {
  meta: (): TMetaContent => ({ title: "", issuer: "", recipient: "", date: "", preamble: "" }),
  narrative: (): TNarrativeContent => ({ narrative: "", subpoints: {}, values: {}, score: null }),
  problems: (): TProblemsContent => ({ intro: "", items: [] }),
  nextSteps: (): TNextStepsContent => ({ intro: "", items: [], commitments: [] }),
  schoolTable: emptySchoolTableContent,
  veto: (): TVetoContent => ({ answers: {} }),
} satisfies Record<SectionContentKind, () => SectionContent>;
