"use server";
// Comment threads of a report (lib/review/comments/server/comments.ts). Each action answers with the report's threads as they now
// are, so the editor's panel and outline counts are current without reloading the page.
import { action } from "@/lib/http/action";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { addComment, listComments, reopenComment, replyToComment, resolveComment } from "@/lib/review/comments/server";
import { ZAddComment, ZReply, ZResolveComment } from "@/lib/review/comments";

const threadsOf = async (db: Db, actor: Actor, reportId: string) => ({ threads: await listComments(db, actor, reportId) });

export const addCommentAction = action(ZAddComment, "report:comment", async (input, { db, actor }) => {
  await addComment(db, actor, input);
  return threadsOf(db, actor, input.reportId);
});

export const replyCommentAction = action(ZReply, "report:comment", async (input, { db, actor }) => {
  const { reportId } = await replyToComment(db, actor, input);
  return threadsOf(db, actor, reportId);
});

export const resolveCommentAction = action(ZResolveComment, "report:comment", async (input, { db, actor }) =>
  threadsOf(db, actor, await resolveComment(db, actor, input)),
);

export const reopenCommentAction = action(ZResolveComment, "report:comment", async (input, { db, actor }) =>
  threadsOf(db, actor, await reopenComment(db, actor, input)),
);
