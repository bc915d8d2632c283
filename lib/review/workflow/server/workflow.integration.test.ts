// The review workflow against real databases: submit → return with a reason → answer comments → resubmit →
// redline → city accepts → province accepts; refusals for out-of-order transitions, races and reach.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { addComment, listComments } from "@/lib/review/comments/server";
import { answerThread } from "@/lib/review/comments/server";
import { acceptReport, lastReturn, reopenReport, returnReport, submitReport } from "@/lib/review/workflow/server/workflow";
import { changesSinceLastSubmission } from "@/lib/review/workflow/server/redline";
import type { TNarrativeContent } from "@/lib/report/content";

describe.each(TEST_PROVIDERS)("review workflow on %s", (provider) => {
  const t = useDemoDb(provider); // with 闻喜县's complete 2021 report
  let reportId: string;
  const as = (username: string) => actorFor(t.db, username);
  const notes = async (username: string) => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username } });
    return t.db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  };
  const report = () => t.db.report.findUniqueOrThrow({ where: { id: reportId } });

  beforeAll(async () => {
    reportId = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
    // A reviewer of another city (临汾市), to prove reach.
    await t.db.user.create({
      data: { id: randomUUID(), username: "linfen_reviewer", name: "临汾督导", email: "linfen@example.invalid", role: "city_reviewer", regionCode: "141000" },
    });
  });

  it("lets only the county lead submit, and only a report whose 提交前检查 passes", async () => {
    await expect(submitReport(t.db, await as("wenxi_editor"), { reportId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submitReport(t.db, await as("yuncheng_reviewer"), { reportId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The demo report carries the Wenxi report's own inconsistency (school types add up to 194, total says 193; here one primary school was counted twice):
    // the submit is refused with the count, and nothing changes.
    await expect(submitReport(t.db, await as("wenxi_lead"), { reportId })).rejects.toThrow(/提交前检查还有 1 个问题/);
    expect((await report()).status).toBe("draft");
    const editor = await as("wenxi_editor");
    const { versions, contents } = await loadReport(t.db, editor, reportId);
    const profile = contents.profile as TNarrativeContent;
    await saveSection(t.db, editor, { reportId, key: "profile", baseVersion: versions.profile.version, content: { ...profile, values: { ...profile.values, schools_primary: 67 } } });
  });

  it("submits: status, stage, round, a submission snapshot, an audit row and a notice to the city's reviewers", async () => {
    const lead = await as("wenxi_lead");
    expect(await submitReport(t.db, lead, { reportId })).toEqual({ round: 1 });
    const r = await report();
    expect(r).toMatchObject({ status: "submitted", reviewStage: "city", round: 1 });
    expect(r.submittedAt).not.toBeNull();
    const sub = await t.db.reportSubmission.findUniqueOrThrow({ where: { reportId_round: { reportId, round: 1 } } });
    expect(JSON.parse(sub.sectionVersions)["criterion:preschool"]).toBeGreaterThan(0);
    expect(await t.db.auditEvent.count({ where: { targetId: reportId, action: "report.submit" } })).toBe(1);
    expect((await notes("yuncheng_reviewer")).map((n) => n.message)).toEqual([expect.stringContaining("闻喜县提交了2021年自评报告")]);
    expect(await notes("shanxi_reviewer")).toHaveLength(0); // the province's turn comes after the city accepts
    expect(await notes("linfen_reviewer")).toHaveLength(0);
  });

  it("makes a submitted report read-only for the county and refuses a second submit", async () => {
    const editor = await as("wenxi_editor");
    const { versions, contents } = await loadReport(t.db, editor, reportId);
    await expect(
      saveSection(t.db, editor, { reportId, key: "criterion:preschool", baseVersion: versions["criterion:preschool"].version, content: contents["criterion:preschool"] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(submitReport(t.db, await as("wenxi_lead"), { reportId })).rejects.toThrow("报告已提交，正在审核中");
  });

  it("keeps reviewers to their level and their region", async () => {
    await expect(acceptReport(t.db, await as("shanxi_reviewer"), { reportId })).rejects.toThrow("该报告当前由市级督导审核");
    await expect(returnReport(t.db, await as("linfen_reviewer"), { reportId, reason: "请补充数据来源说明" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(returnReport(t.db, await as("wenxi_lead"), { reportId, reason: "请补充数据来源说明" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("returns only with a reason, tells the county, and refuses to return twice", async () => {
    const city = await as("yuncheng_reviewer");
    await expect(returnReport(t.db, city, { reportId, reason: "  " })).rejects.toThrow("请写明退回理由");
    await expect(returnReport(t.db, city, { reportId, reason: "字".repeat(2001) })).rejects.toThrow("退回理由过长");
    expect((await report()).status).toBe("submitted");
    await addComment(t.db, city, { reportId, sectionKey: "criterion:preschool", anchor: "indicator-gross_enrollment_rate_3y", body: "毛入园率请核对分母口径" }).catch(async () =>
      addComment(t.db, city, { reportId, sectionKey: "criterion:preschool", anchor: null, body: "毛入园率请核对分母口径" }),
    );
    await returnReport(t.db, city, { reportId, reason: "学前教育数据口径需核对，请修改后重新提交" });
    expect(await report()).toMatchObject({ status: "returned", reviewStage: null });
    expect(await lastReturn(t.db, reportId)).toMatchObject({ reason: "学前教育数据口径需核对，请修改后重新提交", reopened: false });
    const editorNotes = await notes("wenxi_editor");
    expect(editorNotes.some((n) => n.kind === "returned" && n.message.includes("学前教育数据口径需核对"))).toBe(true);
    await expect(returnReport(t.db, city, { reportId, reason: "再次退回试试" })).rejects.toThrow("报告尚未提交，不能审核");
  });

  it("requires an answer to every open reviewer thread before resubmitting", async () => {
    const lead = await as("wenxi_lead");
    await expect(submitReport(t.db, lead, { reportId })).rejects.toThrow(/还有 1 条督导意见未答复/);
    const editor = await as("wenxi_editor");
    const [thread] = await listComments(t.db, editor, reportId);
    await expect(answerThread(t.db, editor, { commentId: thread.id, answer: "explained", body: "" })).rejects.toThrow("请说明不修改的理由");
    // Edit the section the comment is about, then answer 已修改.
    const { versions, contents } = await loadReport(t.db, editor, reportId);
    const preschool = contents["criterion:preschool"] as TNarrativeContent;
    await saveSection(t.db, editor, {
      reportId,
      key: "criterion:preschool",
      baseVersion: versions["criterion:preschool"].version,
      content: { ...preschool, narrative: [...preschool.narrative, { p: ["毛入园率的分母为3至5周岁常住人口。"] }] },
    });
    await answerThread(t.db, editor, { commentId: thread.id, answer: "changed" });
    const [answered] = await listComments(t.db, editor, reportId);
    expect(answered.answer).toBe("changed");
    expect(answered.replies.at(-1)?.body).toBe("【已修改】");
  });

  it("lets exactly one of two concurrent submits through", async () => {
    const lead = await as("wenxi_lead");
    const results = await Promise.allSettled([submitReport(t.db, lead, { reportId }), submitReport(t.db, lead, { reportId })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(refused.reason.message)).toMatch(/报告状态已被他人更改|报告已提交/);
    expect(await t.db.reportSubmission.count({ where: { reportId } })).toBe(2);
    expect(await t.db.auditEvent.count({ where: { targetId: reportId, action: "report.submit" } })).toBe(2);
    expect(await report()).toMatchObject({ status: "submitted", round: 2 });
  });

  it("shows the reviewer a redline of only the changed section, with the earlier comment's state", async () => {
    const changes = await changesSinceLastSubmission(t.db, await as("yuncheng_reviewer"), reportId);
    expect(changes).not.toBeNull();
    const changed = changes!.sections.filter((s) => s.changed);
    expect(changed.map((s) => s.key)).toEqual(["criterion:preschool"]);
    const added = changed[0].segments.filter((s) => s.type === "added").map((s) => s.text).join("");
    expect(added).toContain("分母为3至5周岁常住人口");
    // Figures in the prose print as values, as the county's text read when it was sent.
    const whole = changed[0].segments.map((s) => s.text).join("");
    expect(whole).not.toContain("{{figure:");
    expect(whole).toContain("99.82%");
    expect(changed[0].threads).toHaveLength(1);
    expect(changed[0].threads[0].answer).toBe("changed");
    await expect(changesSinceLastSubmission(t.db, await as("linfen_reviewer"), reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("accepts at the city, hands over to the province, accepts there; then nothing moves it back", async () => {
    expect(await acceptReport(t.db, await as("yuncheng_reviewer"), { reportId })).toEqual({ status: "submitted", reviewStage: "province" });
    expect((await notes("shanxi_reviewer")).some((n) => n.message.includes("已通过市级审核"))).toBe(true);
    await expect(acceptReport(t.db, await as("yuncheng_reviewer"), { reportId })).rejects.toThrow("该报告当前由省级督导审核");
    expect(await acceptReport(t.db, await as("shanxi_reviewer"), { reportId })).toEqual({ status: "accepted", reviewStage: null });
    const r = await report();
    expect(r.status).toBe("accepted");
    expect(r.acceptedAt).not.toBeNull();
    await expect(returnReport(t.db, await as("shanxi_reviewer"), { reportId, reason: "通过后又想退回" })).rejects.toThrow("报告已审核通过，不能再退回或通过");
    await expect(submitReport(t.db, await as("wenxi_lead"), { reportId })).rejects.toThrow("报告已审核通过，不能再次提交");
    const actions = (await t.db.auditEvent.findMany({ where: { targetId: reportId, action: { startsWith: "report." } }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions.filter((a) => a !== "report.create")).toEqual(["report.submit", "report.return", "report.submit", "report.accept", "report.accept"]);
  });
  it("lets only the level whose acceptance made the report final take it back, with a reason, audited; the county submits again", async () => {
    const reason = "省级复核发现学前教育数据与统计年报不一致，请核对后重新提交。";
    await expect(reopenReport(t.db, await as("yuncheng_reviewer"), { reportId, reason })).rejects.toThrow("只有作出最终审核通过的省级督导可以撤销通过");
    await expect(reopenReport(t.db, await as("wenxi_lead"), { reportId, reason })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reopenReport(t.db, await as("shanxi_reviewer"), { reportId, reason: "有误" })).rejects.toThrow(/至少 5 个字/);
    expect(await report()).toMatchObject({ status: "accepted" });

    // Two clicks at once: one takes the report back, the other is told it already moved.
    const results = await Promise.allSettled([reopenReport(t.db, await as("shanxi_reviewer"), { reportId, reason }), reopenReport(t.db, await as("shanxi_reviewer"), { reportId, reason })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await report()).toMatchObject({ status: "returned", reviewStage: null, acceptedAt: null });
    expect(await t.db.auditEvent.count({ where: { targetId: reportId, action: "report.reopen" } })).toBe(1);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { targetId: reportId, action: "report.reopen" } });
    expect(JSON.parse(event.detail!)).toMatchObject({ reason, stage: "province" });
    expect((await notes("wenxi_editor")).some((n) => n.message.includes(`撤销了2021年自评报告的审核通过，退回修改：${reason}`))).toBe(true);
    expect((await notes("yuncheng_reviewer")).some((n) => n.message.includes("撤销了2021年自评报告的审核通过"))).toBe(true);
    expect(await lastReturn(t.db, reportId)).toMatchObject({ reason, reopened: true });
    await expect(reopenReport(t.db, await as("shanxi_reviewer"), { reportId, reason })).rejects.toThrow("报告尚未审核通过，无需撤销");

    expect(await submitReport(t.db, await as("wenxi_lead"), { reportId })).toEqual({ round: 3 });
    expect(await report()).toMatchObject({ status: "submitted", reviewStage: "city" });
  });
});
