import "server-only";
// The county's answer to a reviewer's thread before resubmitting: 已修改 (the text was changed) or 说明理由 (why it
// stays as it is). The answer is a reply in the thread plus a mark on the thread's root, so the reviewer sees the
// explanation where the comment is and the submit check can count unanswered threads with one query. Reopening a
// thread clears the mark (lib/review/comments.ts).
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/server";
import { conflict, invalid, notFound } from "@/lib/errors";
import { getReportAccess } from "@/lib/auth/server/guards";
import { isEditableStatus } from "@/lib/report/status";
import { assertReportEditable } from "@/lib/report/server/editable";
import { COMMENT_MAX } from "@/lib/review/comments/schemas";
import { countyUserIds, notify } from "@/lib/review/audit/server";
import { z, parseOrThrow } from "@/lib/validation";

export const ANSWERS = { changed: "已修改", explained: "说明理由" } as const;
export type Answer = keyof typeof ANSWERS;

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\r\n?/g, "\n").trim();

export const ZAnswer = z
  .object({
    commentId: z.string({ error: "缺少评论" }).min(1, "缺少评论").max(64),
    answer: z.enum(["changed", "explained"], { error: "请选择“已修改”或“说明理由”" }),
    body: z.string().max(COMMENT_MAX * 4, `说明过长：最多 ${COMMENT_MAX} 字`).default("").transform(clean),
  })
  .superRefine((v, ctx) => {
    if (v.body.length > COMMENT_MAX) ctx.addIssue({ code: "custom", path: ["body"], message: `说明过长：最多 ${COMMENT_MAX} 字` });
    if (v.answer === "explained" && v.body.length < 2) ctx.addIssue({ code: "custom", path: ["body"], message: "请说明不修改的理由" });
  });
export type TAnswer = z.input<typeof ZAnswer>;

export async function answerThread(db: Db, actor: Actor, raw: TAnswer): Promise<{ reportId: string }> {
  const input = parseOrThrow(ZAnswer, raw);
  const root = await db.comment.findUnique({ where: { id: input.commentId }, include: { author: { select: { role: true } } } });
  if (!root) throw notFound("评论");
  const report = await getReportAccess(db, actor, root.reportId, "report:edit");
  if (root.parentId) throw invalid("请对讨论的第一条评论答复");
  const notEditable = "报告已提交，正在审核中，暂不能答复";
  if (!isEditableStatus(report.status)) throw conflict(notEditable);
  const body = input.body || ANSWERS[input.answer];
  const now = new Date();
  await db.$transaction(async (tx) => {
    await assertReportEditable(tx, report.id, { message: notEditable, now });
    const marked = await tx.comment.updateMany({ where: { id: root.id, status: "open" }, data: { answer: input.answer, answeredAt: now, updatedAt: now } });
    if (marked.count === 0) throw conflict("该讨论已标记为已解决，无需答复");
    const replyId = randomUUID();
    await tx.comment.create({
      data: { id: replyId, reportId: root.reportId, sectionKey: root.sectionKey, anchor: root.anchor, parentId: root.id, authorId: actor.userId, body: `【${ANSWERS[input.answer]}】${body === ANSWERS[input.answer] ? "" : body}`.trim() },
    });
    await audit(tx, actor.userId, "comment.answer", { type: "report", id: root.reportId }, { commentId: root.id, answer: input.answer });
    const to =
      root.author.role === "province_reviewer" || root.author.role === "city_reviewer" ? [root.authorId] : await countyUserIds(tx, report.county.code, actor.userId);
    await notify(tx, to.filter((u) => u !== actor.userId), {
      reportId: root.reportId,
      sectionKey: root.sectionKey,
      kind: "comment",
      message: `${report.county.name}答复了您的意见（${ANSWERS[input.answer]}）：${body.slice(0, 80)}`,
    });
  });
  return { reportId: root.reportId };
}
