// Notifications follow the reader's current reach, on real databases: a county editor moved to another county no
// longer lists, counts or opens the notices about the old county's report (their text quotes its comments); notices
// about no report, and about reports still in reach, stay.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { addComment } from "@/lib/review/comments/server";
import { listNotifications, markRead, openNotification, unreadCount } from "@/lib/review/audit/server";
import { updateUser } from "@/lib/users/server/service";

describe.each(TEST_PROVIDERS)("notifications and reach on %s", (provider) => {
  const t = useDemoDb(provider);
  let reportId: string;
  const as = (username: string) => actorFor(t.db, username);

  beforeAll(async () => {
    reportId = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
  });

  it("a user moved to another county stops seeing the old county's notices; others stay", async () => {
    await addComment(t.db, await as("yuncheng_reviewer"), { reportId, sectionKey: "profile", anchor: null, body: "闻喜县学校数请核对。" });
    const editor = await as("wenxi_editor");
    const notice = (await listNotifications(t.db, editor)).find((n) => n.message.includes("闻喜县学校数请核对"));
    expect(notice).toBeDefined();
    await t.db.notification.create({ data: { id: randomUUID(), userId: editor.userId, reportId: null, kind: "comment", message: "系统维护通知" } });
    expect(await unreadCount(t.db, editor)).toBe(2);

    await updateUser(t.db, await as("admin"), { id: editor.userId, name: editor.name, role: "county_editor", regionCode: "140802" });
    const moved = await as("wenxi_editor");
    expect(moved.region.code).toBe("140802");
    const listed = await listNotifications(t.db, moved);
    expect(listed.map((n) => n.message)).toEqual(["系统维护通知"]);
    expect(await unreadCount(t.db, moved)).toBe(1);
    await expect(openNotification(t.db, moved, notice!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markRead(t.db, moved, notice!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Moved back, the notice is there again (nothing was deleted).
    await updateUser(t.db, await as("admin"), { id: editor.userId, name: editor.name, role: "county_editor", regionCode: "140823" });
    expect(await openNotification(t.db, await as("wenxi_editor"), notice!.id)).toEqual({ reportId, sectionKey: "profile" });
  });
});
