// Inputs of the comment library (常用意见) and of "one comment applied to several counties", shared by the browser
// forms and the server, which parses them again. Universal: no server imports. A phrase is a comment body, so it
// obeys the same plain-text rules (ZCommentBody).
import { z } from "@/lib/validation";
import { ZCommentBody } from "@/lib/review/comments/schemas";

/** A reviewer's library stays small enough to scan in a picker. */
export const PHRASES_MAX = 200;
/** One batch comment reaches at most this many counties (a province has about 120). */
export const APPLY_MAX_COUNTIES = 300;

const id = (what: string) => z.string({ error: `缺少${what}` }).min(1, `缺少${what}`).max(64);

export const ZPhraseBody = z.object({ body: ZCommentBody });
export type TPhraseBody = z.input<typeof ZPhraseBody>;

export const ZUpdatePhrase = z.object({ id: id("常用意见"), body: ZCommentBody });
export type TUpdatePhrase = z.input<typeof ZUpdatePhrase>;

export const ZPhraseId = z.object({ id: id("常用意见") });
export type TPhraseId = z.input<typeof ZPhraseId>;

export const ZApplyComment = z.object({
  schemeCode: z.string({ error: "请选择评价方案" }).min(1, "请选择评价方案").max(120),
  sectionKey: z.string({ error: "请选择报告部分" }).min(1, "请选择报告部分").max(120),
  body: ZCommentBody,
  phraseId: id("常用意见").optional(),
  countyCodes: z
    .array(z.string().regex(/^\d{6}$/, "行政区划代码应为 6 位数字"), { error: "请选择县区" })
    .min(1, "请至少选择一个县区")
    .max(APPLY_MAX_COUNTIES, `一次最多选择 ${APPLY_MAX_COUNTIES} 个县区`),
});
export type TApplyComment = z.input<typeof ZApplyComment>;

/** One phrase of a reviewer's library as the browser lists it. */
export type PhraseView = { id: string; body: string; useCount: number; updatedAt: string };

type County = { code: string; name: string };
export type ApplyResult = {
  commented: (County & { reportId: string; commentId: string })[];
  /** No report for the scheme yet. */
  noReport: County[];
  /** The report's scheme version has no such section (a later version renamed or dropped it). */
  noSection: County[];
  message: string;
};


export function applyResultMessage(r: Pick<ApplyResult, "commented" | "noReport" | "noSection">): string {
  const parts = [r.commented.length ? `已向 ${r.commented.length} 个县区的报告发表评论` : "没有向任何县区发表评论"];
  if (r.noReport.length) parts.push(`${r.noReport.length} 个县区尚未创建报告，已跳过`);
  if (r.noSection.length) parts.push(`${r.noSection.length} 个县区的报告所用方案版本中没有这一部分，已跳过`);
  return parts.join("；");
}

export type ApplyOptions = {
  schemes: { code: string; title: string; sections: { key: string; heading: string }[] }[];
  counties: { code: string; name: string; cityName: string; schemeCodes: string[] }[];
};
