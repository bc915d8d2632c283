// What a comment thread looks like outside the database: to the editor's panel, to the outline's counts and to
// the Word export. Plain data (ISO dates), so it crosses from server to browser as it is. Bodies are plain text.
import { roleLabel } from "@/lib/auth/roles";
import { sectionsOf } from "@/lib/report/sections";
import type { TScheme } from "@/lib/template/schema";
import { anchorLabel } from "@/lib/review/comments/anchors";
import { isCommentStatus, type CommentStatus } from "@/lib/review/comments/schemas";

export type CommentAuthorView = { id: string; name: string; role: string; roleLabel: string; regionName: string };

export type CommentView = { id: string; author: CommentAuthorView; body: string; createdAt: string; updatedAt: string };

export type CommentThreadView = CommentView & {
  sectionKey: string;
  /** Field of the section the thread is about (lib/review/comment-anchors.ts), null = the whole section. */
  anchor: string | null;
  /** That field's label as the editor shows it, null for the whole section. */
  anchorLabel: string | null;
  status: CommentStatus;
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  /** The county's answer before resubmitting (lib/review/answers.ts), null when not answered. */
  answer: "changed" | "explained" | null;
  /** A reviewer marked it 标为问题 (lib/review/verification): it pre-fills the feedback's 存在问题. */
  finding: boolean;
  /** Oldest first. */
  replies: CommentView[];
};

export type CommentRow = {
  id: string;
  sectionKey: string;
  anchor: string | null;
  parentId: string | null;
  body: string;
  status: string;
  answer?: string | null;
  finding?: boolean;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string; role: string; region: { name: string } };
  resolvedBy: { id: string; name: string } | null;
};

function view(row: CommentRow): CommentView {
  const { author } = row;
  return {
    id: row.id,
    author: { id: author.id, name: author.name, role: author.role, roleLabel: roleLabel(author.role), regionName: author.region.name },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Rows (oldest first) → threads in the report's section order, oldest first within a section. */
export function toThreads(rows: CommentRow[], scheme: TScheme): CommentThreadView[] {
  const sections = sectionsOf(scheme);
  const order = new Map(sections.map((s, i) => [s.key, i]));
  const replies = new Map<string, CommentView[]>();
  for (const row of rows) if (row.parentId) replies.set(row.parentId, [...(replies.get(row.parentId) ?? []), view(row)]);
  const threads = rows
    .filter((row) => !row.parentId)
    .map((row): CommentThreadView => {
      const def = sections.find((s) => s.key === row.sectionKey);
      return {
        ...view(row),
        sectionKey: row.sectionKey,
        anchor: row.anchor,
        anchorLabel: row.anchor && def ? (anchorLabel(def, row.anchor) ?? row.anchor) : null,
        status: isCommentStatus(row.status) ? row.status : "open",
        resolvedBy: row.resolvedBy,
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        answer: row.answer === "changed" || row.answer === "explained" ? row.answer : null,
        finding: row.finding ?? false,
        replies: replies.get(row.id) ?? [],
      };
    });
  // Stable sort: rows arrive oldest first, so threads stay oldest first within a section.
  return threads.sort((a, b) => (order.get(a.sectionKey) ?? sections.length) - (order.get(b.sectionKey) ?? sections.length));
}

/** Open threads per section key, for the outline. */
export function openThreadCounts(threads: CommentThreadView[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of threads) if (t.status === "open") counts[t.sectionKey] = (counts[t.sectionKey] ?? 0) + 1;
  return counts;
}
