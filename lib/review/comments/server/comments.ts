import "server-only";
// Comment threads on a report (批注): a reviewer or a county user comments on a section or one field of it, others
// reply; a reviewer's thread is resolved by reviewers only, a county's by anyone who may comment
// (lib/review/comments/rules.ts); anyone who may comment reopens. Reach comes from the report (getReportAccess), never from the
// client: a report outside the actor's region is "not found", and so is a comment on it. Each write is one
// transaction with its audit row; a thread's state is checked inside that transaction.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { audit } from "@/lib/audit/server";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { getReportAccess } from "@/lib/auth/server/guards";
import { sectionByKey } from "@/lib/report/sections";
import { parseOrThrow } from "@/lib/validation";
import { anchorLabel } from "@/lib/review/comments/anchors";
import { isReviewerRole, mayResolveThread, REVIEWER_THREAD_RESOLVED_BY_REVIEWERS } from "@/lib/review/comments/rules";
import { toThreads, type CommentThreadView } from "@/lib/review/comments/view";
import { commentMessage, commentRecipients, notify } from "@/lib/review/audit/server";
import { ZAddComment, ZReply, ZResolveComment, type TAddComment, type TReply, type TResolveComment } from "@/lib/review/comments/schemas";

const people = {
  author: { select: { id: true, name: true, role: true, region: { select: { name: true } } } },
  resolvedBy: { select: { id: true, name: true } },
} as const;

/** Services parse again what the action pipeline parsed: they are also called by tests and scripts. */

async function reachReport(db: Db, actor: Actor, reportId: string) {
  requirePermission(actor, "report:comment");
  return getReportAccess(db, actor, reportId, "report:read");
}

/** The comment, if the actor may comment on its report; 404 whether it is missing or out of reach. */
async function reachComment(db: Db, actor: Actor, commentId: string) {
  requirePermission(actor, "report:comment");
  const comment = await db.comment.findUnique({ where: { id: commentId }, include: { author: { select: { role: true } } } });
  if (!comment) throw notFound("评论");
  const report = await getReportAccess(db, actor, comment.reportId, "report:read");
  return { ...comment, report };
}

/** Every thread of a report with its replies, in section order. */
export async function listComments(db: Db, actor: Actor, reportId: string): Promise<CommentThreadView[]> {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  const rows = await db.comment.findMany({ where: { reportId: report.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: people });
  return toThreads(rows, report.schemeDef);
}

/** Starts a thread on a section or on one of its fields. Returns the new comment's id. */
export async function addComment(db: Db, actor: Actor, raw: TAddComment): Promise<string> {
  const input = parseOrThrow(ZAddComment, raw);
  const report = await reachReport(db, actor, input.reportId);
  const def = sectionByKey(report.schemeDef, input.sectionKey);
  if (!def) throw invalid("报告中没有这一部分", { sectionKey: ["报告中没有这一部分"] });
  if (input.anchor !== null && !anchorLabel(def, input.anchor)) {
    throw invalid(`所选字段不属于“${def.title}”`, { anchor: [`所选字段不属于“${def.title}”`] });
  }
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.comment.create({
      data: { id, reportId: report.id, sectionKey: def.key, anchor: input.anchor, authorId: actor.userId, body: input.body },
    });
    await audit(tx, actor.userId, "comment.add", { type: "report", id: report.id }, { commentId: id, sectionKey: def.key, anchor: input.anchor });
    const message = commentMessage({ authorName: actor.name, countyName: report.county.name, heading: def.heading, anchorLabel: input.anchor && anchorLabel(def, input.anchor), body: input.body, reply: false });
    await notify(tx, await commentRecipients(tx, actor, report, null), { reportId: report.id, sectionKey: def.key, kind: "comment", message });
  });
  return id;
}

/** Replies to an open thread (naming a reply replies to its thread). Returns the reply's id and its report's. */
export async function replyToComment(db: Db, actor: Actor, raw: TReply): Promise<{ id: string; reportId: string }> {
  const input = parseOrThrow(ZReply, raw);
  const named = await reachComment(db, actor, input.commentId);
  const rootId = named.parentId ?? named.id;
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    // Touching the root first takes the write lock and proves the thread is still open.
    // A reviewer's reply asks again: the county's earlier answer (lib/review/answers.ts) no longer counts.
    const asksAgain = actor.role === "city_reviewer" || actor.role === "province_reviewer";
    const open = await tx.comment.updateMany({
      where: { id: rootId, status: "open" },
      data: asksAgain ? { updatedAt: new Date(), answer: null, answeredAt: null } : { updatedAt: new Date() },
    });
    if (open.count === 0) throw conflict("该讨论已标记为已解决，请先重新打开再回复");
    await tx.comment.create({
      data: { id, reportId: named.reportId, sectionKey: named.sectionKey, anchor: named.anchor, parentId: rootId, authorId: actor.userId, body: input.body },
    });
    await audit(tx, actor.userId, "comment.reply", { type: "report", id: named.reportId }, { commentId: id, threadId: rootId });
    const heading = sectionByKey(named.report.schemeDef, named.sectionKey)?.heading ?? named.sectionKey;
    const message = commentMessage({ authorName: actor.name, countyName: named.report.county.name, heading, body: input.body, reply: true });
    await notify(tx, await commentRecipients(tx, actor, named.report, rootId), { reportId: named.reportId, sectionKey: named.sectionKey, kind: "comment", message });
  });
  return { id, reportId: named.reportId };
}

async function setStatus(db: Db, actor: Actor, raw: TResolveComment, to: "open" | "resolved") {
  const input = parseOrThrow(ZResolveComment, raw);
  const root = await reachComment(db, actor, input.commentId);
  if (root.parentId) throw invalid("请对讨论的第一条评论操作");
  // (A thread already resolved answers as such below, whoever asks.)
  if (to === "resolved" && root.status === "open" && !mayResolveThread(isReviewerRole(actor.role), root.author.role)) {
    throw forbidden(REVIEWER_THREAD_RESOLVED_BY_REVIEWERS);
  }
  const from = to === "resolved" ? "open" : "resolved";
  await db.$transaction(async (tx) => {
    const changed = await tx.comment.updateMany({
      where: { id: root.id, status: from },
      data: to === "resolved" ? { status: to, resolvedById: actor.userId, resolvedAt: new Date() } : { status: to, resolvedById: null, resolvedAt: null, answer: null, answeredAt: null },
    });
    if (changed.count === 0) throw conflict(to === "resolved" ? "该讨论已被标记为已解决" : "该讨论已重新打开");
    await audit(tx, actor.userId, to === "resolved" ? "comment.resolve" : "comment.reopen", { type: "report", id: root.reportId }, { commentId: root.id });
  });
  return root.reportId;
}

/** Marks a thread resolved. Returns its report's id. */
export const resolveComment = (db: Db, actor: Actor, raw: TResolveComment) => setStatus(db, actor, raw, "resolved");

/** Reopens a resolved thread. Returns its report's id. */
export const reopenComment = (db: Db, actor: Actor, raw: TResolveComment) => setStatus(db, actor, raw, "open");
