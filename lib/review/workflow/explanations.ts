// A reviewer's decision on one 情况说明 (lib/report/explanations.ts): the input the action takes. Rejecting needs a
// comment — the county must know what to change.
import { z } from "@/lib/validation";
import { REVIEW_COMMENT_MAX } from "@/lib/report/explanations";
import { ZExplanationTarget } from "@/lib/report/content-extras";

export const ZReviewExplanation = z
  .object({
    reportId: z.string().min(1, "缺少报告").max(64),
    sectionKey: z.string().min(1).max(80),
    target: ZExplanationTarget,
    decision: z.enum(["accepted", "rejected"], { error: "请选择接受或不接受" }),
    comment: z
      .string()
      .max(REVIEW_COMMENT_MAX * 2)
      .transform((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim())
      .pipe(z.string().max(REVIEW_COMMENT_MAX, `意见最多 ${REVIEW_COMMENT_MAX} 字`))
      .default(""),
  })
  .refine((r) => r.decision === "accepted" || r.comment.length >= 2, { path: ["comment"], message: "不接受情况说明时，请写明理由" });
export type TReviewExplanation = z.infer<typeof ZReviewExplanation>;
