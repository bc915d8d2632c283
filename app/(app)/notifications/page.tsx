import type { Metadata } from "next";
import { NotificationList } from "@/components/review/notification-list";
import { PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { listNotifications, unreadCount } from "@/lib/review/audit/server";

export const metadata: Metadata = { title: "通知" };

export default async function NotificationsPage() {
  const actor = await requireActor();
  const db = getDb();
  const [items, unread] = await Promise.all([listNotifications(db, actor, { take: 100 }), unreadCount(db, actor)]);
  return (
    <div className="max-w-3xl">
      <PageHeader title="通知" description="报告提交、退回、审核通过和新评论的提醒，最近 100 条，最新的在前。点击一条即标为已读并打开相应报告。" />
      <NotificationList items={items} unread={unread} />
    </div>
  );
}
