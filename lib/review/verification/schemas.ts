// Inputs of 核定 and of the 督导反馈意见书, shared by the browser forms and the server (which parses them again).
// Texts are plain; control characters other than line breaks are dropped (PostgreSQL refuses NUL in text).
import { z } from "@/lib/validation";

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\r\n?/g, "\n").trim();
const text = (max: number, what: string) =>
  z
    .string()
    .max(max * 4, `${what}过长：最多 ${max} 字`)
    .transform(clean)
    .pipe(z.string().max(max, `${what}过长：最多 ${max} 字`));
const id = (what: string) => z.string({ error: `缺少${what}` }).min(1, `缺少${what}`).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "请填写日期，格式如 2027-03-31");

export const VERDICTS = { agree: "同意自评", dispute: "有异议" } as const;
export type Verdict = keyof typeof VERDICTS;

export const REASON_MAX = 500;

/** One item's 核定: agree, dispute (a 核定值 or 核定得分 with a reason), or clear (back to 未核定). */
export const ZVerificationItem = z
  .object({
    kind: z.enum(["indicator", "score"], { error: "核定项目的类型不正确" }),
    key: z.string().min(1).max(120),
    verdict: z.enum(["agree", "dispute", "clear"], { error: "请选择同意或有异议" }),
    value: text(100, "核定值").optional(),
    score: text(20, "核定得分").optional(),
    reason: text(REASON_MAX, "核定理由").optional(),
    evidenceId: z.string().max(64).optional(),
    evidenceNote: text(200, "佐证说明").optional(),
  })
  .superRefine((item, ctx) => {
    if (item.verdict !== "dispute") return;
    if (!item.reason || item.reason.length < 2) ctx.addIssue({ code: "custom", path: ["reason"], message: "有异议时请写明核定理由" });
    if (item.kind === "indicator" && !item.value) ctx.addIssue({ code: "custom", path: ["value"], message: "请填写核定值" });
    if (item.kind === "score") {
      if (!item.score) ctx.addIssue({ code: "custom", path: ["score"], message: "请填写核定得分" });
      else if (!/^\d+(\.\d{1,2})?$/.test(item.score)) ctx.addIssue({ code: "custom", path: ["score"], message: "核定得分应为不小于 0 的数，最多两位小数" });
    }
  });
export type TVerificationItem = z.input<typeof ZVerificationItem>;

/** Several items at once ("其余全部同意"), or one. */
export const ZSaveVerifications = z.object({ reportId: id("报告"), items: z.array(ZVerificationItem).min(1, "没有要保存的核定").max(500) });
export type TSaveVerifications = z.input<typeof ZSaveVerifications>;

/** 标为问题 on a reviewer's thread (its root). */
export const ZMarkFinding = z.object({ commentId: id("评论"), finding: z.boolean() });
export type TMarkFinding = z.input<typeof ZMarkFinding>;

export const REQUIREMENT_MAX = 1000;
export const SECTION_MAX = 8000;

/** One 整改要求: the ledger helper turns each into a 整改台账 item once the feedback is sent. */
export const ZRequirement = z.object({
  text: text(REQUIREMENT_MAX, "整改要求").pipe(z.string().min(2, "请填写整改要求的内容")),
  deadline: isoDate,
});
export type TRequirement = z.infer<typeof ZRequirement>;

export const ZFeedbackDraft = z.object({
  reportId: id("报告"),
  /** The version the form started from; a stale save is refused as a conflict. */
  baseVersion: z.number().int().min(0),
  achievements: text(SECTION_MAX, "主要成效"),
  problems: text(SECTION_MAX, "存在问题"),
  requirements: z.array(ZRequirement).max(100, "整改要求最多 100 条"),
  deadline: isoDate.nullable(),
  date: isoDate.nullable(),
});
export type TFeedbackDraft = z.input<typeof ZFeedbackDraft>;

export const ZFeedbackRef = z.object({ reportId: id("报告") });
export const ZCityFeedbackZip = z.object({ city: z.string().min(1).max(20).optional(), year: z.coerce.number().int().min(2000).max(2100) });
