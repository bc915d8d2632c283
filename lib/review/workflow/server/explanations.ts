import "server-only";
// The reviewer of the pending level accepts or rejects a county's 情况说明 (lib/report/explanations.ts). The decision
// is kept on the report row (Report.explanationReviews; the report is not editable while under review, so its
// sections cannot be written) for exactly the text the reviewer read; a rejection reopens the blocker, so the
// report's open findings (problemCount) are recomputed in the same conditional update. Audited, and the county is
// told when an explanation is not accepted.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/server";
import { AppError, conflict, notFound } from "@/lib/errors";
import { getReportAccess } from "@/lib/auth/server/guards";
import { parseOrThrow } from "@/lib/validation";
import { loadSections } from "@/lib/report/server/repository";
import { reportState } from "@/lib/report/precheck";
import { evaluateReport } from "@/lib/report/evaluate";
import { figureWords } from "@/lib/report/figure-words";
import { decodeReviews, reviewKey, type TExplanationReviews } from "@/lib/report/explanations";
import type { TExplanations } from "@/lib/report/content-extras";
import { sectionByKey } from "@/lib/report/sections";
import { countyUserIds, notify } from "@/lib/review/audit/server";
import { blockedBy } from "@/lib/review/workflow/transitions";
import { ZReviewExplanation } from "@/lib/review/workflow/explanations";

export async function reviewExplanation(db: Db, actor: Actor, raw: unknown): Promise<{ reviews: TExplanationReviews }> {
  const input = parseOrThrow(ZReviewExplanation, raw);
  const report = await getReportAccess(db, actor, input.reportId, "report:review");
  // The same rule as for accepting the report: only a reviewer of the level whose decision is pending.
  const blocked = blockedBy("accept", report, actor);
  if (blocked) throw new AppError(blocked.code, blocked.message);
  const def = sectionByKey(report.schemeDef, input.sectionKey);
  if (!def) throw notFound("章节");
  const { contents } = await loadSections(db, report.schemeDef, report.id);
  const explanations = (contents[def.key] as { explanations?: TExplanations } | undefined)?.explanations;
  const text = explanations?.[input.target]?.text.trim();
  if (!text) throw notFound("情况说明");

  const now = new Date();
  const reviews = decodeReviews(report.explanationReviews);
  const next: TExplanationReviews = {
    ...reviews,
    [reviewKey(def.key, input.target)]: { decision: input.decision, text, comment: input.comment, by: `${actor.region.name} ${actor.name}`, at: now.toISOString(), round: report.round },
  };
  const state = reportState(report.schemeDef, contents, { prose: false, reviews: next });
  const about = explanationSubject(report.schemeDef, contents, def.key, input.target);
  await db.$transaction(async (tx) => {
    // Conditional on the state and on the reviews read: a concurrent decision or a transition is not overwritten.
    const moved = await tx.report.updateMany({
      where: { id: report.id, status: "submitted", reviewStage: report.reviewStage, round: report.round, explanationReviews: report.explanationReviews },
      data: { explanationReviews: JSON.stringify(next), problemCount: state.errors },
    });
    if (moved.count === 0) throw conflict("报告的审核状态已被他人更改，请刷新页面后再试");
    const action = input.decision === "accepted" ? "explanation.accept" : "explanation.reject";
    await audit(tx, actor.userId, action, { type: "report", id: report.id }, { section: def.key, target: input.target, about, text, comment: input.comment || undefined, round: report.round });
    if (input.decision === "rejected") {
      await notify(tx, await countyUserIds(tx, report.county.code), {
        reportId: report.id,
        sectionKey: def.key,
        kind: "explanation",
        message: `${actor.region.name}督导未接受“${about}”的情况说明：${input.comment}`,
      });
    }
  });
  return { reviews: next };
}

/** What an explanation answers, in words: the check's label, or the unmet indicator's name. */
function explanationSubject(scheme: Parameters<typeof sectionByKey>[0], contents: Parameters<typeof evaluateReport>[1], sectionKey: string, target: string): string {
  const [kind, key] = [target.slice(0, target.indexOf(":")), target.slice(target.indexOf(":") + 1)];
  if (kind === "check") return sectionByKey(scheme, sectionKey)?.checks.find((c) => c.key === key)?.label ?? key;
  return `${figureWords(scheme, evaluateReport(scheme, contents)).label(key)}未达标`;
}
