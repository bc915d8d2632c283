"use server";
// The signed-in user's own notifications (lib/review/audit/server/notifications.ts): every query is filtered by the session's
// user, so an id of someone else's notification is "not found". The header's unread count is in the (app) layout,
// hence the layout-wide revalidation.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { markRead, openNotification } from "@/lib/review/audit/server";
import { z } from "@/lib/validation";

const ZNotificationId = z.object({ id: z.string({ error: "缺少通知" }).min(1, "缺少通知").max(64) });

export const openNotificationAction = action(ZNotificationId, "signed-in", async ({ id }, { db, actor }) => {
  const { reportId, sectionKey } = await openNotification(db, actor, id);
  revalidatePath("/", "layout");
  return { reportId, sectionKey };
});

export const markAllReadAction = action(z.object({}), "signed-in", async (_input, { db, actor }) => {
  await markRead(db, actor, null);
  revalidatePath("/", "layout");
  return { done: true };
});
