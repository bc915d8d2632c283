// Inputs of the comment services, shared by the browser form and the server (which parses them again). Universal:
// no server imports. Bodies are plain text; control characters other than line breaks and tabs are dropped
// (PostgreSQL refuses NUL in text), everything else — including "<script>" — is kept exactly as typed.
import { z } from "@/lib/validation";

export const COMMENT_MAX = 2000;

export const COMMENT_STATUSES = {
  open: { label: "未解决" },
  resolved: { label: "已解决" },
} as const satisfies Record<string, { label: string }>;

export type CommentStatus = keyof typeof COMMENT_STATUSES;

export function isCommentStatus(value: string): value is CommentStatus {
  return value in COMMENT_STATUSES;
}

const id = (what: string) => z.string({ error: `缺少${what}` }).min(1, `缺少${what}`).max(64);

export const ZCommentBody = z
  .string({ error: "请填写评论内容" })
  // A cap before the work below, so a huge paste is refused without being scanned.
  .max(COMMENT_MAX * 4, `评论内容过长：最多 ${COMMENT_MAX} 字`)
  .transform((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "请填写评论内容").max(COMMENT_MAX, `评论内容过长：最多 ${COMMENT_MAX} 字`));

export const ZAddComment = z.object({
  reportId: id("报告"),
  sectionKey: z.string({ error: "缺少报告部分" }).min(1, "缺少报告部分").max(120),
  /** A field of the section (lib/review/comment-anchors.ts), or null for the whole section. */
  anchor: z.string().min(1).max(120).nullable(),
  body: ZCommentBody,
});
export type TAddComment = z.input<typeof ZAddComment>;

/** Replies attach to the thread's root; naming a reply attaches to its root too. */
export const ZReply = z.object({ commentId: id("评论"), body: ZCommentBody });
export type TReply = z.input<typeof ZReply>;

/** Resolve and reopen act on a thread, named by its root comment. */
export const ZResolveComment = z.object({ commentId: id("评论") });
export type TResolveComment = z.input<typeof ZResolveComment>;

/** The form's own fields: the body as typed and the anchor as a select value ("" = the whole section). */
export const ZCommentForm = z.object({ anchor: z.string().max(120), body: ZCommentBody });
