import "server-only";
// Who may read and write 核定 and feedback on a report. Reach always comes from the report (getReportAccess: 404
// outside the actor's region). Writing needs report:review and a reviewer level the scheme has, and the report
// must be with that level or past it (submitted to it or to a later level, or accepted): a reviewer verifies what
// was submitted to them, and may finish the verification and the feedback after accepting.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getReportAccess, requirePermission, type ReportAccess } from "@/lib/auth/server/guards";
import { conflict, forbidden } from "@/lib/errors";
import type { ReviewLevel } from "@/lib/report/status";
import { REVIEW_LEVELS } from "@/lib/report/status";
import { reviewLevelOf, reviewLevels } from "@/lib/review/workflow";

export function levelOf(actor: Actor, report: ReportAccess): ReviewLevel {
  const level = reviewLevelOf(actor.role);
  if (!level || !reviewLevels(report.schemeDef).includes(level)) throw forbidden("该报告的评价方案不设本级审核，不能核定或出具反馈意见");
  return level;
}

/** Whether the report is with `level` or past it. */
export function reachedLevel(report: Pick<ReportAccess, "status" | "reviewStage" | "schemeDef">, level: ReviewLevel): boolean {
  if (report.status === "accepted") return true;
  if (report.status !== "submitted" || !report.reviewStage) return false;
  const levels = reviewLevels(report.schemeDef);
  return levels.indexOf(level) <= levels.indexOf(report.reviewStage as ReviewLevel);
}

/** The report and the actor's level, for a write by a reviewer of that level. */
export async function reviewerReach(db: Db, actor: Actor, reportId: string): Promise<{ report: ReportAccess; level: ReviewLevel }> {
  requirePermission(actor, "report:review");
  const report = await getReportAccess(db, actor, reportId, "report:review");
  const level = levelOf(actor, report);
  if (!reachedLevel(report, level)) throw conflict(`报告尚未提交至${REVIEW_LEVELS[level]}审核，暂不能核定或出具反馈意见`);
  return { report, level };
}
