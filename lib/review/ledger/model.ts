// The rectification ledger (整改台账) as data: an item's sources, statuses and review, the inputs the county and the
// reviewer send (one zod schema each, parsed again on the server), and the view both screens show. Universal.
import { z } from "@/lib/validation";

export const LEDGER_STATUSES = ["未启动", "整改中", "已完成", "未完成需说明"] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
/** The statuses that close an item for the county; a reviewer's 复核 then accepts or reopens it. */
export const CLOSED_STATUSES: readonly LedgerStatus[] = ["已完成", "未完成需说明"];
export const isClosedStatus = (s: string): boolean => (CLOSED_STATUSES as readonly string[]).includes(s);

export const LEDGER_SOURCES = {
  county_problem: "本县自查问题",
  feedback_requirement: "督导整改要求",
  reviewer: "督导添加",
} as const;
export type LedgerSource = keyof typeof LEDGER_SOURCES;
export const LEDGER_SOURCE_KEYS = Object.keys(LEDGER_SOURCES) as [LedgerSource, ...LedgerSource[]];

export const LEDGER_REVIEWS = { accepted: "复核通过", rejected: "复核未通过" } as const;
export type LedgerReview = keyof typeof LEDGER_REVIEWS;

const ZDeadline = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "完成时限格式应为 年-月 或 年-月-日")]);
const ZId = z.string().min(1).max(64);

/** One item to create, from whatever source (the county's 存在问题, a 督导反馈意见书's 整改要求, a reviewer). */
export const ZLedgerNewItem = z.object({
  /** Stable per source item (a problem's id, a requirement's number); default its position. With the source, the
   *  report and the sourceRef it is the idempotency key: creating the same item again creates nothing. */
  ref: z.string().trim().min(1).max(120).optional(),
  text: z.string().trim().min(1, "整改事项不能为空").max(2000, "整改事项最多 2000 个字"),
  deadline: ZDeadline.optional(),
  owner: z.string().trim().max(100, "责任单位（人）最多 100 个字").optional(),
});
export type TLedgerNewItem = z.infer<typeof ZLedgerNewItem>;

export const ZCreateLedgerItems = z.object({
  regionId: ZId,
  reportId: ZId,
  source: z.enum(LEDGER_SOURCE_KEYS),
  /** What the items came from: "problems" (the county's part), a feedback document's id, a reviewer's entry. */
  sourceRef: z.string().trim().min(1).max(120),
  items: z.array(ZLedgerNewItem).max(200, "一次最多 200 条整改事项"),
});
export type TCreateLedgerItems = z.infer<typeof ZCreateLedgerItems>;

/** A reviewer adds one item by hand to a county's report. */
export const ZAddLedgerItem = z.object({
  reportId: ZId,
  text: ZLedgerNewItem.shape.text,
  deadline: ZDeadline.default(""),
  owner: z.string().trim().max(100, "责任单位（人）最多 100 个字").default(""),
});

/** The county updates one item: status, owner, and what closes it (evidence for 已完成, a reason for 未完成需说明). */
export const ZUpdateLedgerItem = z
  .object({
    itemId: ZId,
    version: z.number().int().min(0),
    status: z.enum(LEDGER_STATUSES, { error: "请选择整改状态" }),
    owner: z.string().trim().max(100, "责任单位（人）最多 100 个字"),
    evidenceText: z.string().trim().max(2000, "完成情况最多 2000 个字"),
    evidenceId: ZId.nullable(),
    explanation: z.string().trim().max(2000, "情况说明最多 2000 个字"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "已完成" && !v.evidenceText) ctx.addIssue({ code: "custom", path: ["evidenceText"], message: "标为“已完成”须写明完成情况（整改佐证）" });
    if (v.status === "未完成需说明" && !v.explanation) ctx.addIssue({ code: "custom", path: ["explanation"], message: "标为“未完成需说明”须写明未完成的原因和下一步安排" });
  });
export type TUpdateLedgerItem = z.infer<typeof ZUpdateLedgerItem>;

/** The reviewer's 复核 of a closed item; not accepted needs a reason and sends the item back to 整改中. */
export const ZReviewLedgerItem = z
  .object({ itemId: ZId, version: z.number().int().min(0), accepted: z.boolean(), reason: z.string().trim().max(1000, "理由最多 1000 个字") })
  .refine((v) => v.accepted || v.reason.length > 0, { path: ["reason"], message: "复核不通过须写明理由" });
export type TReviewLedgerItem = z.infer<typeof ZReviewLedgerItem>;

/** One item as the screens show it. Dates are ISO strings (formatted with lib/dates). */
export type LedgerItemView = {
  id: string;
  version: number;
  countyCode: string;
  countyName: string;
  reportId: string;
  year: number;
  source: LedgerSource;
  text: string;
  owner: string;
  deadline: string;
  status: LedgerStatus;
  evidenceText: string;
  evidence: { id: string; fileName: string } | null;
  explanation: string;
  review: LedgerReview | null;
  reviewReason: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  closedAt: string | null;
  overdue: boolean;
};

/** Per county: items, still open, overdue, closed but not 复核ed (the dashboard's column). */
export type LedgerCounts = { total: number; open: number; overdue: number; unverified: number };
