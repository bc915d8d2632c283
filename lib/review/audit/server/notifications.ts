import "server-only";
// In-app notifications (站内通知). Written by the event that causes them, inside its transaction, so a submit that
// rolls back never announces itself. Recipients are chosen on the server from roles and regions: the county's
// own users, or the reviewers of the level whose decision is pending.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Role } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationView } from "@/lib/review/audit/notifications";


type Tx = {
  notification: { createMany(args: { data: Prisma.NotificationCreateManyInput[] }): Promise<unknown> };
  user: { findMany(args: Prisma.UserFindManyArgs): Promise<{ id: string }[]> };
};

/** "/140000/140800/140825/" → ["/140000/", "/140000/140800/"]: the paths of the regions above a county. */
export function ancestorPaths(path: string): string[] {
  const codes = path.split("/").filter(Boolean);
  return codes.slice(0, -1).map((_, i) => `/${codes.slice(0, i + 1).join("/")}/`);
}

/** Enabled users of the county itself (editors and leads). */
export async function countyUserIds(tx: Tx, countyCode: string, exceptUserId?: string): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { regionCode: countyCode, disabled: false, role: { in: ["county_editor", "county_lead"] satisfies Role[] } },
    select: { id: true },
  });
  return rows.map((r) => r.id).filter((id) => id !== exceptUserId);
}

/** Enabled reviewers of one role whose region contains the county. */
export async function reviewerIds(tx: Tx, role: Extract<Role, "city_reviewer" | "province_reviewer">, countyPath: string, exceptUserId?: string) {
  const rows = await tx.user.findMany({
    where: { role, disabled: false, region: { path: { in: ancestorPaths(countyPath) } } },
    select: { id: true },
  });
  return rows.map((r) => r.id).filter((id) => id !== exceptUserId);
}

export async function notify(tx: Tx, userIds: string[], n: { reportId: string | null; sectionKey?: string | null; kind: NotificationKind; message: string }) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx.notification.createMany({
    data: unique.map((userId) => ({ id: randomUUID(), userId, reportId: n.reportId, sectionKey: n.sectionKey ?? null, kind: n.kind, message: n.message.slice(0, 500) })),
  });
}

/**
 * The actor's own notifications that they may still read: about no report, or about a report in their *current*
 * reach. A notice quotes the comment it announces; a user moved to another county (or city) must not keep reading
 * the old one's. The rows stay (moved back, they are there again); they are only not shown, counted or opened.
 */
function mine(actor: Actor) {
  return {
    userId: actor.userId,
    OR: [{ reportId: null }, { report: { county: { path: { startsWith: actor.region.path } } } }],
  } satisfies Prisma.NotificationWhereInput;
}

/** The actor's own notifications, newest first. Nobody reads anyone else's, nor those about reports out of reach. */
export async function listNotifications(db: Db, actor: Actor, options: { unreadOnly?: boolean; take?: number } = {}): Promise<NotificationView[]> {
  const rows = await db.notification.findMany({
    where: { ...mine(actor), ...(options.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: Math.min(options.take ?? 50, 200),
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    kindLabel: NOTIFICATION_KINDS[r.kind as NotificationKind] ?? r.kind,
    message: r.message,
    reportId: r.reportId,
    sectionKey: r.sectionKey,
    createdAt: r.createdAt.toISOString(),
    read: r.readAt !== null,
  }));
}

export function unreadCount(db: Db, actor: Actor): Promise<number> {
  return db.notification.count({ where: { ...mine(actor), readAt: null } });
}

/** Marks one notification (or, with null, all of them) as read. Another user's notification is "not found". */
export async function markRead(db: Db, actor: Actor, notificationId: string | null): Promise<void> {
  if (notificationId === null) {
    await db.notification.updateMany({ where: { ...mine(actor), readAt: null }, data: { readAt: new Date() } });
    return;
  }
  const changed = await db.notification.updateMany({ where: { ...mine(actor), id: notificationId }, data: { readAt: new Date() } });
  if (changed.count === 0) throw notFound("通知");
}

/** A comment as a notification says it: who, on which county's report, where, and the start of the text. */
export function commentMessage(c: { authorName: string; countyName: string; heading: string; anchorLabel?: string | null; body: string; reply: boolean }) {
  const flat = c.body.replace(/\s+/g, " ").trim();
  const snippet = flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
  const where = `${c.countyName}报告“${c.heading}”${c.anchorLabel ? `（${c.anchorLabel}）` : ""}`;
  return c.reply ? `${c.authorName}回复了${where}的评论：${snippet}` : `${c.authorName}对${where}发表评论：${snippet}`;
}

/** Who hears of a new comment or reply. A reviewer's words go to the county's own users; a county user's go to
 *  the thread's other participants (a new thread by the county tells nobody — it is a note to itself until a
 *  reviewer joins). Never the author; participants who no longer reach the report (disabled, moved) are left out,
 *  so a notification never shows text its reader may not read. */
export async function commentRecipients(
  tx: Prisma.TransactionClient,
  author: Actor,
  report: { county: { code: string; path: string } },
  threadId: string | null,
): Promise<string[]> {
  if (hasPermission(author.role, "report:review")) return countyUserIds(tx, report.county.code, author.userId);
  if (threadId === null) return [];
  const posts = await tx.comment.findMany({ where: { OR: [{ id: threadId }, { parentId: threadId }] }, select: { authorId: true } });
  const others = [...new Set(posts.map((p) => p.authorId))].filter((id) => id !== author.userId);
  if (others.length === 0) return [];
  const reach = await tx.user.findMany({
    where: { id: { in: others }, disabled: false, region: { path: { in: [...ancestorPaths(report.county.path), report.county.path] } } },
    select: { id: true },
  });
  return reach.map((u) => u.id);
}

/** Opens one of the actor's notifications: marks it read and returns where it points. Another user's is "not found". */
export async function openNotification(db: Db, actor: Actor, notificationId: string): Promise<{ reportId: string | null; sectionKey: string | null }> {
  const row = await db.notification.findFirst({ where: { ...mine(actor), id: notificationId }, select: { id: true, reportId: true, sectionKey: true, readAt: true } });
  if (!row) throw notFound("通知");
  if (!row.readAt) await db.notification.updateMany({ where: { id: row.id, userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  return { reportId: row.reportId, sectionKey: row.sectionKey };
}
