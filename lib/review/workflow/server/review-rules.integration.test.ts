// Review rules that must not be skippable, against real databases: a county answers a reviewer's thread but cannot
// mark it resolved (so the lead cannot submit past it, and the reviewer is not bypassed); a reviewer who accepts is
// shown the county's own unanswered questions and must acknowledge exactly those.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { getReportAccess } from "@/lib/auth/server/guards";
import { addComment, answerThread, listComments, reopenComment, replyToComment, resolveComment } from "@/lib/review/comments/server";
import { acceptReport, submitReport, workflowView } from "@/lib/review/workflow/server";
import type { TNarrativeContent } from "@/lib/report/content";

describe.each(TEST_PROVIDERS)("review rules on %s", (provider) => {
  const t = useDemoDb(provider);
  let reportId: string;
  let reviewerThread: string;
  const as = (username: string) => actorFor(t.db, username);
  const thread = async (id: string) => (await listComments(t.db, await as("yuncheng_reviewer"), reportId)).find((x) => x.id === id)!;

  beforeAll(async () => {
    reportId = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
    // The demo report's one 提交前检查 finding (school types add up to 194, the total says 193), corrected.
    const editor = await as("wenxi_editor");
    const { versions, contents } = await loadReport(t.db, editor, reportId);
    const profile = contents.profile as TNarrativeContent;
    await saveSection(t.db, editor, { reportId, key: "profile", baseVersion: versions.profile.version, content: { ...profile, values: { ...profile.values, schools_primary: 67 } } });
  });

  it("a county user cannot resolve a reviewer's thread; the lead's submit stays blocked until it is answered", async () => {
    reviewerThread = await addComment(t.db, await as("yuncheng_reviewer"), { reportId, sectionKey: "criterion:preschool", anchor: null, body: "请说明毛入园率的分母口径。" });
    for (const username of ["wenxi_editor", "wenxi_lead"]) {
      await expect(resolveComment(t.db, await as(username), { commentId: reviewerThread })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "督导意见只能由督导标记已解决；请在意见下选择“已修改”或“说明理由”答复",
      });
    }
    expect((await thread(reviewerThread)).status).toBe("open");
    expect(await t.db.auditEvent.count({ where: { targetId: reportId, action: "comment.resolve" } })).toBe(0);
    await expect(submitReport(t.db, await as("wenxi_lead"), { reportId })).rejects.toThrow(/还有 1 条督导意见未答复/);

    // The county answers instead; the reviewer may resolve it (and reopen it).
    await answerThread(t.db, await as("wenxi_editor"), { commentId: reviewerThread, answer: "explained", body: "分母为3至5周岁常住人口，见统计年报。" });
    await resolveComment(t.db, await as("yuncheng_reviewer"), { commentId: reviewerThread });
    expect((await thread(reviewerThread)).resolvedBy?.name).toBe("王芳（运城市督导室）");
    await reopenComment(t.db, await as("shanxi_reviewer"), { commentId: reviewerThread });
    await resolveComment(t.db, await as("shanxi_reviewer"), { commentId: reviewerThread });
  });

  it("a county user resolves the county's own thread", async () => {
    const own = await addComment(t.db, await as("wenxi_editor"), { reportId, sectionKey: "profile", anchor: null, body: "内部提醒：核对学校数。" });
    await resolveComment(t.db, await as("wenxi_lead"), { commentId: own });
    expect((await thread(own)).status).toBe("resolved");
  });

  it("before accepting, the reviewer sees the county's unanswered questions and must acknowledge exactly those", async () => {
    const editor = await as("wenxi_editor");
    const asked = await addComment(t.db, editor, { reportId, sectionKey: "criterion:preschool", anchor: null, body: "请问普惠率是否含民办园？" });
    const answeredByReviewer = await addComment(t.db, editor, { reportId, sectionKey: "profile", anchor: null, body: "学校数按哪年口径？" });
    await replyToComment(t.db, await as("yuncheng_reviewer"), { commentId: answeredByReviewer, body: "按 2021 年统计年报。" });
    const followUp = await addComment(t.db, editor, { reportId, sectionKey: "profile", anchor: null, body: "学校数统计时点？" });
    await replyToComment(t.db, await as("yuncheng_reviewer"), { commentId: followUp, body: "年末。" });
    await replyToComment(t.db, await as("wenxi_lead"), { commentId: followUp, body: "是 12 月 31 日吗？" });

    expect(await submitReport(t.db, await as("wenxi_lead"), { reportId })).toEqual({ round: 1 });
    const reviewer = await as("yuncheng_reviewer");
    const view = await workflowView(t.db, reviewer, await getReportAccess(t.db, reviewer, reportId, "report:read"));
    expect(view.review?.questions.map((q) => q.id).sort()).toEqual([asked, followUp].sort());
    expect(view.review?.questions.find((q) => q.id === asked)).toMatchObject({ body: "请问普惠率是否含民办园？", heading: expect.stringContaining("学前教育"), author: "张敏（闻喜县教育局）" });

    await expect(acceptReport(t.db, reviewer, { reportId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("县区还有 2 条提问未答复") });
    // A question asked after the reviewer looked is not covered by the acknowledgement.
    await expect(acceptReport(t.db, reviewer, { reportId, acknowledgedQuestions: [asked] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.db.report.findUniqueOrThrow({ where: { id: reportId } })).reviewStage).toBe("city");

    expect(await acceptReport(t.db, reviewer, { reportId, acknowledgedQuestions: [asked, followUp] })).toEqual({ status: "submitted", reviewStage: "province" });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { targetId: reportId, action: "report.accept" } });
    expect(JSON.parse(event.detail!)).toMatchObject({ unansweredQuestions: 2 });
  });
});
