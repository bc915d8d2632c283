// 核定 and the 督导反馈意见书 against real databases: a city reviewer verifies a submitted report (agrees, disputes
// one figure with a reason and an evidence note), marks a finding, drafts and sends the feedback; the visibility
// rule (the county sees 核定 only once the feedback is sent), the freeze after sending, the read receipt, the
// 整改要求 the ledger reads, and scope: another city's reviewer gets 404, the county cannot write 核定.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { addComment, listComments } from "@/lib/review/comments/server";
import { submitReport } from "@/lib/review/workflow/server";
import type { TNarrativeContent } from "@/lib/report/content";
import {
  disputeCounts,
  feedbackDocx,
  loadFeedback,
  loadVerification,
  markFinding,
  saveFeedbackDraft,
  saveVerifications,
  sendFeedback,
  sentFeedbackRequirements,
  streamFeedbackZip,
} from "@/lib/review/verification/server";
import { unzip } from "@/lib/docx/testing/unzip";
import type { Readable } from "node:stream";

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(TEST_PROVIDERS)("verification and feedback on %s", (provider) => {
  const t = useDemoDb(provider);
  let reportId: string;
  const as = (username: string) => actorFor(t.db, username);

  beforeAll(async () => {
    reportId = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
    await t.db.user.create({
      data: { id: randomUUID(), username: "linfen_reviewer", name: "临汾督导", email: "linfen@example.invalid", role: "city_reviewer", regionCode: "141000" },
    });
    // The demo report's one 提交前检查 finding fixed, then submitted to the city.
    const editor = await as("wenxi_editor");
    const { versions, contents } = await loadReport(t.db, editor, reportId);
    const profile = contents.profile as TNarrativeContent;
    await saveSection(t.db, editor, { reportId, key: "profile", baseVersion: versions.profile.version, content: { ...profile, values: { ...profile.values, schools_primary: 67 } } });
  });

  it("refuses 核定 before the report is submitted to the city", async () => {
    const rows = (await loadVerification(t.db, await as("yuncheng_reviewer"), reportId)).rows;
    await expect(saveVerifications(t.db, await as("yuncheng_reviewer"), { reportId, items: [{ kind: rows[0].kind, key: rows[0].key, verdict: "agree" }] })).rejects.toMatchObject({ code: "CONFLICT" });
    await submitReport(t.db, await as("wenxi_lead"), { reportId });
  });

  it("records agreement and a dispute with reason and evidence, without touching the county's figures", async () => {
    const city = await as("yuncheng_reviewer");
    const page = await loadVerification(t.db, city, reportId);
    expect(page.editable).toBe(true);
    const indicators = page.rows.filter((r) => r.kind === "indicator");
    expect(indicators.length).toBeGreaterThan(5);
    const disputed = indicators[0];
    const before = await t.db.reportSection.findMany({ where: { reportId }, orderBy: { key: "asc" }, select: { key: true, content: true, version: true } });

    await expect(saveVerifications(t.db, city, { reportId, items: [{ kind: "indicator", key: disputed.key, verdict: "dispute", value: "95%" }] })).rejects.toThrow("有异议时请写明核定理由");
    await expect(saveVerifications(t.db, city, { reportId, items: [{ kind: "indicator", key: "no_such", verdict: "agree" }] })).rejects.toThrow("不是该报告的指标");
    await expect(
      saveVerifications(t.db, city, { reportId, items: [{ kind: "indicator", key: disputed.key, verdict: "dispute", value: "95%", reason: "与现场核查不符", evidenceId: "x" }] }),
    ).rejects.toThrow("所选佐证材料不属于该报告");

    await saveVerifications(t.db, city, { reportId, items: indicators.slice(1).map((r) => ({ kind: r.kind, key: r.key, verdict: "agree" as const })) });
    await saveVerifications(t.db, city, {
      reportId,
      items: [{ kind: "indicator", key: disputed.key, verdict: "dispute", value: "95.00%", reason: "学籍系统数据与自评不一致", evidenceNote: "现场核查记录第 3 页" }],
    });
    const after = await loadVerification(t.db, city, reportId);
    const row = after.rows.find((r) => r.key === disputed.key)!;
    expect(row.record).toMatchObject({ verdict: "dispute", value: "95.00%", reason: "学籍系统数据与自评不一致", evidenceNote: "现场核查记录第 3 页", level: "city" });
    expect(row.countyValue).toBe(disputed.countyValue);
    expect(after.rows.filter((r) => r.record?.verdict === "agree")).toHaveLength(indicators.length - 1);
    // Never written into the county's own sections.
    expect(await t.db.reportSection.findMany({ where: { reportId }, orderBy: { key: "asc" }, select: { key: true, content: true, version: true } })).toEqual(before);
    expect((await disputeCounts(t.db, [reportId])).get(reportId)).toBe(1);
    expect(await t.db.auditEvent.count({ where: { targetId: reportId, action: "verification.save" } })).toBe(2);
  });

  it("keeps 核定 to reviewers in reach: another city's reviewer gets 404, the county may not write", async () => {
    const linfen = await as("linfen_reviewer");
    await expect(loadVerification(t.db, linfen, reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveVerifications(t.db, linfen, { reportId, items: [{ kind: "indicator", key: "x", verdict: "agree" }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadFeedback(t.db, linfen, reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(feedbackDocx(t.db, linfen, reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const lead = await as("wenxi_lead");
    const key = (await loadVerification(t.db, await as("yuncheng_reviewer"), reportId)).rows[0].key;
    await expect(saveVerifications(t.db, lead, { reportId, items: [{ kind: "indicator", key, verdict: "agree" }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveFeedbackDraft(t.db, lead, { reportId, baseVersion: 0, achievements: "", problems: "", requirements: [], deadline: null, date: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(sendFeedback(t.db, lead, { reportId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("hides 核定 from the county until the feedback is sent", async () => {
    const county = await loadVerification(t.db, await as("wenxi_editor"), reportId);
    expect(county).toMatchObject({ visible: false, rows: [], editable: false });
    expect((await loadFeedback(t.db, await as("wenxi_editor"), reportId)).feedback).toBeNull();
    await expect(feedbackDocx(t.db, await as("wenxi_editor"), reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pre-fills the feedback from findings, unmet indicators and disputes; drafts with versions; sends once", async () => {
    const city = await as("yuncheng_reviewer");
    const threadId = await addComment(t.db, city, { reportId, sectionKey: "criterion:preschool", anchor: null, body: "普惠性幼儿园覆盖率测算口径不清" });
    await expect(markFinding(t.db, await as("wenxi_editor"), { commentId: threadId, finding: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await markFinding(t.db, city, { commentId: threadId, finding: true });
    expect((await listComments(t.db, city, reportId)).find((c) => c.id === threadId)?.finding).toBe(true);

    const page = await loadFeedback(t.db, city, reportId);
    expect(page.editable).toBe(true);
    const f = page.feedback!;
    expect(f.prefilled).toBe(true);
    expect(f.problems).toContain("普惠性幼儿园覆盖率测算口径不清");
    expect(f.problems).toContain("学籍系统数据与自评不一致");
    expect(f.requirements.length).toBeGreaterThanOrEqual(2);
    expect(f.requirements.every((r) => r.deadline === f.deadline)).toBe(true);

    await expect(sendFeedback(t.db, city, { reportId })).rejects.toThrow("请先保存");
    const draft = { reportId, baseVersion: 0, achievements: f.achievements, problems: f.problems, requirements: f.requirements.slice(0, 2), deadline: "2027-03-31", date: "2026-12-03" };
    expect(await saveFeedbackDraft(t.db, city, draft)).toEqual({ version: 1 });
    await expect(saveFeedbackDraft(t.db, city, draft)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(saveFeedbackDraft(t.db, city, { ...draft, baseVersion: 1, requirements: [{ text: "x", deadline: "2027-03-31" }] })).rejects.toThrow("请填写整改要求的内容");
    expect(await saveFeedbackDraft(t.db, city, { ...draft, baseVersion: 1 })).toEqual({ version: 2 });

    const docx = await feedbackDocx(t.db, city, reportId);
    expect(docx.fileName).toBe("闻喜县-2021-督导反馈意见书.docx");
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");

    await sendFeedback(t.db, city, { reportId });
    await expect(sendFeedback(t.db, city, { reportId })).rejects.toThrow("已发送");
    await expect(saveFeedbackDraft(t.db, city, { ...draft, baseVersion: 2 })).rejects.toThrow("已发送");
    const key = (await loadVerification(t.db, city, reportId)).rows[0].key;
    await expect(saveVerifications(t.db, city, { reportId, items: [{ kind: "indicator", key, verdict: "agree" }] })).rejects.toThrow("核定结果不能再修改");
    const lead = await t.db.user.findUniqueOrThrow({ where: { username: "wenxi_lead" } });
    expect(await t.db.notification.findMany({ where: { userId: lead.id, kind: "feedback" } })).toHaveLength(1);
  });

  it("shows the county the sent feedback and the dispute, and records the first reading", async () => {
    const editor = await as("wenxi_editor");
    const v = await loadVerification(t.db, editor, reportId);
    expect(v.visible).toBe(true);
    expect(v.rows.filter((r) => r.record?.verdict === "dispute").map((r) => r.record!.reason)).toEqual(["学籍系统数据与自评不一致"]);
    const before = await loadFeedback(t.db, await as("yuncheng_reviewer"), reportId);
    expect(before.feedback!.readAt).toBeNull();
    const page = await loadFeedback(t.db, editor, reportId);
    expect(page.feedback!.status).toBe("sent");
    expect(page.feedback!.readBy).toBe(editor.name);
    const firstRead = page.feedback!.readAt;
    await loadFeedback(t.db, await as("wenxi_lead"), reportId);
    const reviewer = await loadFeedback(t.db, await as("yuncheng_reviewer"), reportId);
    expect(reviewer.feedback).toMatchObject({ readAt: firstRead, readBy: editor.name });
    expect(reviewer.editable).toBe(false);
    expect(await t.db.auditEvent.count({ where: { targetId: reportId, action: "feedback.read" } })).toBe(1);
  });

  it("hands the ledger the sent feedback's 整改要求 as discrete items", async () => {
    const row = await t.db.reportFeedback.findFirstOrThrow({ where: { reportId } });
    const items = await sentFeedbackRequirements(t.db, row.id);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ index: 0, feedbackId: row.id, reportId, countyCode: "140823", year: 2021, level: "city" });
    expect(items[1].deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Sending made each of them an item of the county's 整改台账, with its text and deadline.
    const ledger = await t.db.ledgerItem.findMany({ where: { reportId, source: "feedback_requirement" }, orderBy: { key: "asc" } });
    expect(ledger.map((l) => [l.text, l.deadline, l.countyCode])).toEqual(items.map((i) => [i.text, i.deadline, "140823"]));
  });

  it("zips one feedback per county of the city, and none for a city out of reach", async () => {
    const { count, stream } = await streamFeedbackZip(t.db, await as("yuncheng_reviewer"), { year: 2021, city: "140800" });
    expect(count).toBe(1);
    const files = unzip(await bytesOf(stream));
    expect([...files.keys()]).toEqual(["闻喜县-2021-督导反馈意见书.docx"]);
    expect(files.get("闻喜县-2021-督导反馈意见书.docx")!.subarray(0, 2).toString()).toBe("PK");
    await expect(streamFeedbackZip(t.db, await as("linfen_reviewer"), { year: 2021, city: "140800" })).rejects.toThrow("没有可出具督导反馈意见书");
    await expect(streamFeedbackZip(t.db, await as("wenxi_lead"), { year: 2021 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
