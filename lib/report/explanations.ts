// Explain instead of alter. Real reports carry differences for legitimate reasons (a 九年一贯制 school counted once in
// the total and twice by type), so a failed consistency check or an unmet target may be answered with a 情况说明
// instead of a changed figure: the finding turns from 必须处理 into 已说明 and no longer blocks submission. The
// reviewer of the pending level accepts or rejects each explanation; a rejection reopens the blocker until the
// county changes the figure or rewrites the explanation (a review is about the text it judged).
//
// The explanations are section content (so they are in the history and the redline); the reviews live on the
// report row (Report.explanationReviews, written by lib/review/workflow/server/explanations.ts), because the
// report is not editable while it is being reviewed.
import { z } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import type { TExplanations } from "@/lib/report/content-extras";

export const REVIEW_COMMENT_MAX = 500;

export const ZExplanationReview = z.strictObject({
  decision: z.enum(["accepted", "rejected"]),
  /** The explanation as the reviewer read it: the review holds only while the text is unchanged. */
  text: z.string().max(2000),
  comment: z.string().max(REVIEW_COMMENT_MAX),
  /** "运城市 王芳" */
  by: z.string().max(120),
  at: z.string().max(40),
  round: z.number().int().min(0),
});
export type TExplanationReview = z.infer<typeof ZExplanationReview>;
export const ZExplanationReviews = z.record(z.string().max(300), ZExplanationReview);
export type TExplanationReviews = z.infer<typeof ZExplanationReviews>;

/** Where a review is kept: the section that holds the explanation and what it answers. */
export const reviewKey = (sectionKey: string, target: string): string => `${sectionKey}|${target}`;

/** The report row's reviews. Only the review service writes the column, so anything unreadable is corrupt data —
 *  refused rather than read as "no reviews", which would quietly lift every rejection. */
export function decodeReviews(json: string | null | undefined): TExplanationReviews {
  if (!json) return {};
  try {
    return ZExplanationReviews.parse(JSON.parse(json));
  } catch {
    throw new AppError("CORRUPT_DATA", "报告的情况说明审核记录无法读取，请联系系统管理员");
  }
}

export type ExplainState = "open" | "explained" | "accepted" | "rejected";

/** A blocker's 情况说明 as the precheck, the editor and the reviewer see it. */
export type Explanation = {
  /** The section whose content holds the explanation. */
  sectionKey: string;
  target: string;
  text: string | null;
  state: ExplainState;
  review: TExplanationReview | null;
};

export function explanationOf(explanations: TExplanations | undefined, sectionKey: string, target: string, reviews: TExplanationReviews): Explanation {
  const text = explanations?.[target]?.text.trim() || null;
  const stored = reviews[reviewKey(sectionKey, target)];
  const review = text && stored && stored.text === text ? stored : null;
  const state: ExplainState = !text ? "open" : review?.decision === "accepted" ? "accepted" : review?.decision === "rejected" ? "rejected" : "explained";
  return { sectionKey, target, text, state, review: review ?? null };
}

/** Whether the finding still blocks submission. */
export const stillBlocks = (e: Explanation): boolean => e.state === "open" || e.state === "rejected";

export const EXPLAIN_LABELS = {
  open: "必须处理",
  explained: "已说明",
  accepted: "说明已接受",
  rejected: "说明未被接受",
} as const satisfies Record<ExplainState, string>;

export const checkTarget = (checkKey: string) => `check:${checkKey}`;
export const unmetTarget = (figureKey: string) => `unmet:${figureKey}`;
