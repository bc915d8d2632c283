import "server-only";
// 标为问题: a reviewer marks a reviewer's thread (its root) as a finding, so that the 督导反馈意见书's 存在问题 is
// pre-filled from it. Only reviewers mark; the flag changes nothing about the thread itself.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getReportAccess, requirePermission, type ReportAccess } from "@/lib/auth/server/guards";
import { audit } from "@/lib/audit/server";
import { invalid, notFound } from "@/lib/errors";
import { sectionByKey } from "@/lib/report/sections";
import { parseOrThrow } from "@/lib/validation";
import { anchorLabel, isReviewerRole } from "@/lib/review/comments";
import { ZMarkFinding, type TMarkFinding } from "@/lib/review/verification/schemas";
import type { FindingView } from "@/lib/review/verification/view";

/** Marks or unmarks a thread as a finding. Returns its report's id. */
export async function markFinding(db: Db, actor: Actor, raw: TMarkFinding): Promise<string> {
  const input = parseOrThrow(ZMarkFinding, raw);
  requirePermission(actor, "report:review");
  const comment = await db.comment.findUnique({ where: { id: input.commentId }, select: { id: true, reportId: true, parentId: true, author: { select: { role: true } } } });
  if (!comment) throw notFound("评论");
  await getReportAccess(db, actor, comment.reportId, "report:review");
  if (comment.parentId) throw invalid("请对讨论的第一条评论操作");
  if (!isReviewerRole(comment.author.role)) throw invalid("只有督导意见可以标为问题");
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: comment.id }, data: { finding: input.finding } });
    await audit(tx, actor.userId, "comment.finding", { type: "report", id: comment.reportId }, { commentId: comment.id, finding: input.finding });
  });
  return comment.reportId;
}

/** The report's threads marked as findings, oldest first (no access check: callers have done it). */
export async function findingsOf(db: Db, report: ReportAccess): Promise<FindingView[]> {
  const rows = await db.comment.findMany({
    where: { reportId: report.id, parentId: null, finding: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { sectionKey: true, anchor: true, body: true },
  });
  return rows.map((r) => {
    const def = sectionByKey(report.schemeDef, r.sectionKey);
    return { heading: def?.heading ?? r.sectionKey, anchorLabel: def && r.anchor ? (anchorLabel(def, r.anchor) ?? null) : null, body: r.body };
  });
}
