// Comment threads against real databases: a city reviewer comments on a county's 学前教育 figures, the county
// replies, the reviewer resolves; reach, plain-text bodies, length and anchors are enforced by the service.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { createUser } from "@/lib/users/server/service";
import { addComment, listComments, reopenComment, replyToComment, resolveComment } from "@/lib/review/comments/server/comments";

const PRESCHOOL = "criterion:preschool";

describe.each(TEST_PROVIDERS)("comment threads on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let reportId: string;
  let threadId: string;
  const as = (username: string) => actorFor(t.db, username);

  beforeAll(async () => {
    const admin = await as("admin");
    await createUser(t.db, admin, { username: "linfen_reviewer", name: "临汾督导", role: "city_reviewer", regionCode: "141000", password: "Linfen2021x" });
    await createUser(t.db, admin, { username: "yanhu_editor", name: "盐湖填报", role: "county_editor", regionCode: "140802", password: "Yanhu2021x" });
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" } });
    reportId = await createReport(t.db, await as("wenxi_editor"), { schemeId: scheme.id, copyFromId: null });
  });

  it("lets the city reviewer comment on a 学前教育 figure of a 运城 county report", async () => {
    const reviewer = await as("yuncheng_reviewer");
    threadId = await addComment(t.db, reviewer, {
      reportId,
      sectionKey: PRESCHOOL,
      anchor: "indicator-preschool_gross_enrolment_rate",
      body: "  毛入园率所用适龄人口请注明统计来源。\n ",
    });
    await addComment(t.db, reviewer, { reportId, sectionKey: PRESCHOOL, anchor: null, body: "整体写得清楚。" });
    const threads = await listComments(t.db, await as("wenxi_editor"), reportId);
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({
      id: threadId,
      sectionKey: PRESCHOOL,
      anchor: "indicator-preschool_gross_enrolment_rate",
      anchorLabel: "学前三年毛入园率",
      body: "毛入园率所用适龄人口请注明统计来源。",
      status: "open",
      author: { name: "王芳（运城市督导室）", role: "city_reviewer", roleLabel: "市级督导", regionName: "运城市" },
      replies: [],
    });
    expect(threads[1]).toMatchObject({ anchor: null, anchorLabel: null });
    const audit = await t.db.auditEvent.findMany({ where: { targetId: reportId, action: "comment.add" } });
    expect(audit).toHaveLength(2);
  });

  it("lets the county editor reply and the reviewer resolve; a resolved thread takes no replies until reopened", async () => {
    const editor = await as("wenxi_editor");
    await replyToComment(t.db, editor, { commentId: threadId, body: "已补充：来源为县统计局 2021 年人口抽样数据。" });
    // A reviewer's thread is the reviewer's to close (lib/review/comments/rules.ts).
    await expect(resolveComment(t.db, editor, { commentId: threadId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await resolveComment(t.db, await as("yuncheng_reviewer"), { commentId: threadId });
    let [thread] = await listComments(t.db, await as("yuncheng_reviewer"), reportId);
    expect(thread.status).toBe("resolved");
    expect(thread.resolvedBy).toMatchObject({ name: "王芳（运城市督导室）" });
    expect(thread.resolvedAt).toEqual(expect.any(String));
    expect(thread.replies).toEqual([expect.objectContaining({ body: "已补充：来源为县统计局 2021 年人口抽样数据。", author: expect.objectContaining({ roleLabel: "县级填报员" }) })]);

    await expect(resolveComment(t.db, editor, { commentId: threadId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(replyToComment(t.db, editor, { commentId: threadId, body: "再补充一句" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(resolveComment(t.db, editor, { commentId: thread.replies[0].id })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    await reopenComment(t.db, await as("yuncheng_reviewer"), { commentId: threadId });
    await replyToComment(t.db, await as("wenxi_lead"), { commentId: thread.replies[0].id, body: "回复一条回复，归入同一讨论。" });
    [thread] = await listComments(t.db, editor, reportId);
    expect(thread).toMatchObject({ status: "open", resolvedBy: null, resolvedAt: null });
    expect(thread.replies.map((r) => r.body)).toEqual(["已补充：来源为县统计局 2021 年人口抽样数据。", "回复一条回复，归入同一讨论。"]);
    const actions = (await t.db.auditEvent.findMany({ where: { targetId: reportId, action: { startsWith: "comment." } } })).map((a) => a.action);
    expect(actions.sort()).toEqual(["comment.add", "comment.add", "comment.reopen", "comment.reply", "comment.reply", "comment.resolve"]);
  });

  it("hides the report's comments from another city's reviewer and another county's editor", async () => {
    for (const username of ["linfen_reviewer", "yanhu_editor"]) {
      const outsider = await as(username);
      await expect(listComments(t.db, outsider, reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(addComment(t.db, outsider, { reportId, sectionKey: PRESCHOOL, anchor: null, body: "越权评论" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(replyToComment(t.db, outsider, { commentId: threadId, body: "越权回复" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(resolveComment(t.db, outsider, { commentId: threadId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(reopenComment(t.db, outsider, { commentId: threadId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(listComments(t.db, await as("shanxi_reviewer"), reportId)).resolves.toHaveLength(2);
    await expect(addComment(t.db, await as("admin"), { reportId, sectionKey: PRESCHOOL, anchor: null, body: "管理员" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const count = await t.db.comment.count({ where: { reportId } });
    expect(count).toBe(4);
  });

  it("stores markup verbatim as plain text", async () => {
    const body = `<script>alert("x")</script> <b>粗体</b> & "引号"`;
    const id = await addComment(t.db, await as("yuncheng_reviewer"), { reportId, sectionKey: "meta", anchor: null, body });
    const row = await t.db.comment.findUniqueOrThrow({ where: { id } });
    expect(row.body).toBe(body);
    const threads = await listComments(t.db, await as("wenxi_editor"), reportId);
    expect(threads.find((c) => c.id === id)?.body).toBe(body);
  });

  it("refuses empty and over-long bodies with a clear message; 2000 characters are accepted", async () => {
    const reviewer = await as("yuncheng_reviewer");
    const add = (body: string) => addComment(t.db, reviewer, { reportId, sectionKey: PRESCHOOL, anchor: null, body });
    await expect(add("字".repeat(2001))).rejects.toMatchObject({ code: "INVALID_INPUT", message: "评论内容过长：最多 2000 字", fieldErrors: { body: ["评论内容过长：最多 2000 字"] } });
    await expect(add(" \n\t ")).rejects.toMatchObject({ code: "INVALID_INPUT", message: "请填写评论内容" });
    await expect(replyToComment(t.db, reviewer, { commentId: threadId, body: "字".repeat(2001) })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(add(` ${"字".repeat(2000)} `)).resolves.toEqual(expect.any(String));
    // NUL would be refused by PostgreSQL; control characters are dropped, line breaks kept.
    const id = await add("第一行\u0000\r\n第二行");
    expect((await t.db.comment.findUniqueOrThrow({ where: { id } })).body).toBe("第一行\n第二行");
  });

  it("refuses an anchor that is not a field of the section, and an unknown section", async () => {
    const reviewer = await as("yuncheng_reviewer");
    const add = (sectionKey: string, anchor: string | null) => addComment(t.db, reviewer, { reportId, sectionKey, anchor, body: "请核实" });
    // A field of another section (民办义务教育), a made-up sub-point, a bare key without its kind.
    for (const anchor of ["indicator-private_compulsory_share", "sub-nope", "preschool_enrolled", "narrative"]) {
      await expect(add(PRESCHOOL, anchor)).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { anchor: [expect.stringContaining("不属于")] } });
    }
    await expect(add("criterion:nope", null)).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { sectionKey: expect.any(Array) } });
    await expect(add(PRESCHOOL, "value-preschool_enrolled")).resolves.toEqual(expect.any(String));
    await expect(add(PRESCHOOL, "sub-gross_enrolment")).resolves.toEqual(expect.any(String));
    const [first] = (await listComments(t.db, reviewer, reportId)).filter((c) => c.anchor === "value-preschool_enrolled");
    expect(first.anchorLabel).toBe("在园幼儿数（不含托班）（人）");
  });
});
