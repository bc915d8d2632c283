// A report's audit log against real databases: same reach as reading the report, newest first, every action with
// a Chinese label and its detail spelt out; an unknown action is shown as it is.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { audit } from "@/lib/audit/server";
import { addComment, replyToComment, resolveComment } from "@/lib/review/comments/server";
import { listReportAudit } from "@/lib/review/audit/server/audit-log";

const PRESCHOOL = "criterion:preschool";

describe.each(TEST_PROVIDERS)("report audit log on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let reportId: string;
  const as = (username: string) => actorFor(t.db, username);

  beforeAll(async () => {
    for (const [username, role, regionCode] of [["yanhu_editor", "county_editor", "140802"], ["linfen_reviewer", "city_reviewer", "141000"]]) {
      await t.db.user.create({ data: { id: randomUUID(), username, name: username, email: `${username}@example.invalid`, role, regionCode } });
    }
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" } });
    const editor = await as("wenxi_editor");
    reportId = await createReport(t.db, editor, { schemeId: scheme.id, copyFromId: null });
    const reviewer = await as("yuncheng_reviewer");
    const thread = await addComment(t.db, reviewer, { reportId, sectionKey: PRESCHOOL, anchor: "indicator-preschool_gross_enrolment_rate", body: "毛入园率请注明来源。" });
    await replyToComment(t.db, editor, { commentId: thread, body: "已注明：县统计局。" });
    await resolveComment(t.db, reviewer, { commentId: thread });
    // Rows other services write (the workflow, evidence) and one nobody has labelled yet.
    const lead = await t.db.user.findUniqueOrThrow({ where: { username: "wenxi_lead" } });
    const city = await t.db.user.findUniqueOrThrow({ where: { username: "yuncheng_reviewer" } });
    await t.db.$transaction(async (tx) => {
      await audit(tx, lead.id, "report.submit", { type: "report", id: reportId }, { round: 1, stage: "city" });
      await audit(tx, city.id, "report.return", { type: "report", id: reportId }, { round: 1, stage: "city", reason: "学前教育部分数据来源不清。" });
      await audit(tx, editor.userId, "evidence.add", { type: "report", id: reportId }, { evidenceId: "e1", fileName: "学前教育统计表.xlsx" });
      // An action this version has no label for (written by an older or newer version): shown as stored.
      await tx.auditEvent.create({ data: { actorId: editor.userId, action: "report.export", targetType: "report", targetId: reportId, detail: JSON.stringify({ format: "docx" }) } });
      await audit(tx, editor.userId, "user.update", { type: "user", id: editor.userId }, { name: "不属于报告" });
    });
  });

  it("lists the report's events newest first, labelled in Chinese with readable details", async () => {
    const { report, entries } = await listReportAudit(t.db, await as("wenxi_lead"), reportId);
    expect(report).toMatchObject({ id: reportId, countyName: "闻喜县", year: 2021 });
    expect(entries.map((e) => e.label)).toEqual(["report.export", "上传佐证材料", "退回修改", "提交报告", "标记评论已解决", "回复评论", "发表评论", "创建报告"]);
    const by = (label: string) => entries.find((e) => e.label === label)!;
    expect(by("发表评论")).toMatchObject({
      actor: { name: "王芳（运城市督导室）", roleLabel: "市级督导", regionName: "运城市" },
      details: [
        { label: "部分", value: "（十）学前教育普及普惠发展情况" },
        { label: "字段", value: "学前三年毛入园率" },
        { label: "内容", value: "毛入园率请注明来源。" },
      ],
    });
    expect(by("回复评论").details).toEqual([
      { label: "部分", value: "（十）学前教育普及普惠发展情况" },
      { label: "字段", value: "学前三年毛入园率" },
      { label: "内容", value: "已注明：县统计局。" },
    ]);
    expect(by("标记评论已解决").details).toEqual(expect.arrayContaining([{ label: "讨论", value: "毛入园率请注明来源。" }]));
    expect(by("退回修改").details).toEqual([
      { label: "轮次", value: "第 1 次提交" },
      { label: "审核级别", value: "市级审核" },
      { label: "退回理由", value: "学前教育部分数据来源不清。" },
    ]);
    expect(by("提交报告")).toMatchObject({ actor: { roleLabel: "县级审核员" }, details: [{ label: "轮次", value: "第 1 次提交" }, { label: "报送", value: "市级审核" }] });
    expect(by("上传佐证材料").details).toEqual([{ label: "文件", value: "学前教育统计表.xlsx" }]);
    expect(by("创建报告").details).toEqual([
      { label: "评价方案", value: expect.stringContaining("评价方案") },
      { label: "来源", value: "新建空白报告" },
    ]);
    expect(by("report.export").details).toEqual([{ label: "format", value: "docx" }]);
    for (const e of entries) for (const d of e.details) expect(d.value).not.toMatch(/^[{[]/);
  });

  it("is readable by whoever may read the report, and 'not found' for everyone else", async () => {
    for (const username of ["wenxi_editor", "yuncheng_reviewer", "shanxi_reviewer"]) {
      await expect(listReportAudit(t.db, await as(username), reportId)).resolves.toMatchObject({ report: { id: reportId } });
    }
    for (const username of ["yanhu_editor", "linfen_reviewer"]) {
      await expect(listReportAudit(t.db, await as(username), reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(listReportAudit(t.db, await as("admin"), reportId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listReportAudit(t.db, await as("wenxi_editor"), "no-such-report")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
