// Notifications of new comments against real databases: a reviewer's words reach the county's own users, a county
// user's reach the thread's other participants, nobody hears of their own comment, nobody outside the report's
// reach hears anything, and nobody can read or mark another user's notifications.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { addComment, replyToComment, resolveComment } from "@/lib/review/comments/server/comments";
import { listNotifications, markRead, openNotification, unreadCount } from "@/lib/review/audit/server";

const PRESCHOOL = "criterion:preschool";

describe.each(TEST_PROVIDERS)("comment notifications on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let reportId: string;
  let threadId: string;
  const as = (username: string) => actorFor(t.db, username);
  const EVERYONE = ["wenxi_editor", "wenxi_lead", "wenxi_off", "yuncheng_reviewer", "yuncheng_second", "shanxi_reviewer", "yanhu_editor", "linfen_reviewer", "admin"];
  /** New notifications per user since the last call, as { username: count } without zeros. */
  let seen = new Map<string, number>();
  async function fresh(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const username of EVERYONE) {
      const user = await t.db.user.findUniqueOrThrow({ where: { username } });
      const n = await t.db.notification.count({ where: { userId: user.id } });
      if (n > (seen.get(username) ?? 0)) out[username] = n - (seen.get(username) ?? 0);
      seen.set(username, n);
    }
    return out;
  }
  const user = (username: string, name: string, role: string, regionCode: string, disabled = false) =>
    t.db.user.create({ data: { id: randomUUID(), username, name, email: `${username}@example.invalid`, role, regionCode, disabled } });

  beforeAll(async () => {
    await user("wenxi_off", "停用账号", "county_editor", "140823", true);
    await user("yuncheng_second", "运城第二督导", "city_reviewer", "140800");
    await user("yanhu_editor", "盐湖填报", "county_editor", "140802");
    await user("linfen_reviewer", "临汾督导", "city_reviewer", "141000");
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" } });
    reportId = await createReport(t.db, await as("wenxi_editor"), { schemeId: scheme.id, copyFromId: null });
    seen = new Map();
    await fresh();
  });

  it("tells the county's enabled users of a reviewer's new thread, and nobody else", async () => {
    threadId = await addComment(t.db, await as("yuncheng_reviewer"), {
      reportId,
      sectionKey: PRESCHOOL,
      anchor: "indicator-preschool_gross_enrolment_rate",
      body: "毛入园率所用适龄人口\n请注明统计来源。",
    });
    expect(await fresh()).toEqual({ wenxi_editor: 1, wenxi_lead: 1 });
    const [n] = await listNotifications(t.db, await as("wenxi_lead"));
    expect(n).toMatchObject({ kind: "comment", kindLabel: "新评论", reportId, read: false });
    expect(n.message).toBe("王芳（运城市督导室）对闻喜县报告“（十）学前教育普及普惠发展情况”（学前三年毛入园率）发表评论：毛入园率所用适龄人口 请注明统计来源。");
  });

  it("tells nobody of a thread the county starts itself", async () => {
    await addComment(t.db, await as("wenxi_editor"), { reportId, sectionKey: "meta", anchor: null, body: "自查：标题年份待确认" });
    expect(await fresh()).toEqual({});
  });

  it("tells the thread's other participants of a county reply: first the reviewer, then everyone who spoke", async () => {
    await replyToComment(t.db, await as("wenxi_editor"), { commentId: threadId, body: "已补充来源：县统计局。" });
    expect(await fresh()).toEqual({ yuncheng_reviewer: 1 });
    await replyToComment(t.db, await as("wenxi_lead"), { commentId: threadId, body: "审核员确认。" });
    expect(await fresh()).toEqual({ yuncheng_reviewer: 1, wenxi_editor: 1 });
    const [n] = await listNotifications(t.db, await as("yuncheng_reviewer"));
    expect(n.message).toBe("李国强（闻喜县教育局）回复了闻喜县报告“（十）学前教育普及普惠发展情况”的评论：审核员确认。");
  });

  it("tells the county's users (not the other reviewers) of a reviewer's reply", async () => {
    await replyToComment(t.db, await as("shanxi_reviewer"), { commentId: threadId, body: "省级意见：同意市级意见。" });
    expect(await fresh()).toEqual({ wenxi_editor: 1, wenxi_lead: 1 });
  });

  it("leaves out a participant who can no longer read the report", async () => {
    await replyToComment(t.db, await as("yuncheng_second"), { commentId: threadId, body: "第二督导补充。" });
    expect(await fresh()).toEqual({ wenxi_editor: 1, wenxi_lead: 1 });
    // Moved to another city: still a participant, no longer in reach.
    await t.db.user.update({ where: { username: "yuncheng_second" }, data: { regionCode: "141000" } });
    await replyToComment(t.db, await as("wenxi_editor"), { commentId: threadId, body: "再次补充。" });
    expect(await fresh()).toEqual({ yuncheng_reviewer: 1, shanxi_reviewer: 1, wenxi_lead: 1 });
  });

  it("announces nothing when the comment itself is refused (same transaction)", async () => {
    await resolveComment(t.db, await as("yuncheng_reviewer"), { commentId: threadId });
    await expect(replyToComment(t.db, await as("yuncheng_reviewer"), { commentId: threadId, body: "已解决后回复" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addComment(t.db, await as("linfen_reviewer"), { reportId, sectionKey: PRESCHOOL, anchor: null, body: "越权" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await fresh()).toEqual({});
  });

  it("lets each user read and mark only their own notifications", async () => {
    const editor = await as("wenxi_editor");
    const lead = await as("wenxi_lead");
    const mine = await listNotifications(t.db, editor);
    expect(mine.length).toBe(4);
    expect(await unreadCount(t.db, editor)).toBe(4);
    // Newest first.
    expect(mine.map((n) => n.createdAt)).toEqual([...mine.map((n) => n.createdAt)].sort().reverse());

    await expect(markRead(t.db, lead, mine[0].id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openNotification(t.db, lead, mine[0].id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openNotification(t.db, await as("yuncheng_reviewer"), mine[1].id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await unreadCount(t.db, editor)).toBe(4);

    await expect(openNotification(t.db, editor, mine[0].id)).resolves.toEqual({ reportId, sectionKey: "criterion:preschool" });
    expect(await unreadCount(t.db, editor)).toBe(3);
    expect((await listNotifications(t.db, editor))[0].read).toBe(true);
    const leadUnread = await unreadCount(t.db, lead);
    await markRead(t.db, editor, null);
    expect(await unreadCount(t.db, editor)).toBe(0);
    expect(await unreadCount(t.db, lead)).toBe(leadUnread);
  });
});
