// The reviewer's comment library (常用意见) and "one comment applied to several counties" against real databases:
// phrases are private to their owner; a batch comment reaches only counties in reach, skips counties without a
// report, writes one thread, one audit row and the county's notifications per report, all or nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { addPhrase, countPhraseUse, deletePhrase, getPhrase, listPhrases, updatePhrase } from "@/lib/review/comments/server/library";
import { applyComment, applyOptions } from "@/lib/review/comments/server/apply";
import { listComments } from "@/lib/review/comments/server/comments";

const PRESCHOOL = "criterion:preschool";
const SCHEME = "shanxi-2021-county";

describe.each(TEST_PROVIDERS)("comment library and batch comments on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let phraseId: string;
  const reports: Record<string, string> = {};
  const as = (username: string) => actorFor(t.db, username);
  const user = (username: string, role: string, regionCode: string) =>
    t.db.user.create({ data: { id: randomUUID(), username, name: username, email: `${username}@example.invalid`, role, regionCode } });

  beforeAll(async () => {
    await user("yanhu_editor", "county_editor", "140802");
    await user("linfen_reviewer", "city_reviewer", "141000");
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: SCHEME } });
    reports["140823"] = await createReport(t.db, await as("wenxi_editor"), { schemeId: scheme.id, copyFromId: null });
    reports["140802"] = await createReport(t.db, await as("yanhu_editor"), { schemeId: scheme.id, copyFromId: null });
  });

  it("keeps each reviewer's phrases to themselves", async () => {
    const city = await as("yuncheng_reviewer");
    const province = await as("shanxi_reviewer");
    phraseId = await addPhrase(t.db, city, { body: "  请补充数据来源，并注明统计口径。 " });
    await addPhrase(t.db, city, { body: "请核对合计数与分项之和。" });
    await expect(addPhrase(t.db, city, { body: "请补充数据来源，并注明统计口径。" })).rejects.toMatchObject({ code: "CONFLICT", message: "常用意见中已有相同的内容" });
    await expect(addPhrase(t.db, city, { body: "  " })).rejects.toMatchObject({ code: "INVALID_INPUT", message: "请填写评论内容" });
    expect((await listPhrases(t.db, city)).map((p) => p.body)).toEqual(expect.arrayContaining(["请补充数据来源，并注明统计口径。", "请核对合计数与分项之和。"]));
    expect(await listPhrases(t.db, province)).toEqual([]);

    await expect(getPhrase(t.db, province, phraseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updatePhrase(t.db, province, { id: phraseId, body: "改别人的" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deletePhrase(t.db, province, { id: phraseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await countPhraseUse(t.db, province, phraseId);
    await expect(listPhrases(t.db, await as("wenxi_editor"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addPhrase(t.db, await as("wenxi_editor"), { body: "县里的" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await updatePhrase(t.db, city, { id: phraseId, body: "请补充数据来源（统计年报），并注明统计口径。" });
    await countPhraseUse(t.db, city, phraseId);
    const [top] = await listPhrases(t.db, city);
    expect(top).toMatchObject({ id: phraseId, body: "请补充数据来源（统计年报），并注明统计口径。", useCount: 1 });
  });

  it("comments on one section of several counties' reports, skipping counties without a report", async () => {
    const city = await as("yuncheng_reviewer");
    const result = await applyComment(t.db, city, { schemeCode: SCHEME, sectionKey: PRESCHOOL, body: "请补充数据来源（统计年报），并注明统计口径。", phraseId, countyCodes: ["140823", "140802", "140821"] });
    expect(result.message).toBe("已向 2 个县区的报告发表评论；1 个县区尚未创建报告，已跳过");
    expect(result.commented.map((c) => c.name).sort()).toEqual(["盐湖区", "闻喜县"].sort());
    expect(result.noReport).toEqual([{ code: "140821", name: "临猗县" }]);

    for (const [code, username] of [["140823", "wenxi_editor"], ["140802", "yanhu_editor"]] as const) {
      const threads = await listComments(t.db, await as(username), reports[code]);
      expect(threads).toEqual([expect.objectContaining({ sectionKey: PRESCHOOL, anchor: null, body: "请补充数据来源（统计年报），并注明统计口径。", status: "open" })]);
      const audit = await t.db.auditEvent.findMany({ where: { targetType: "report", targetId: reports[code], action: "comment.add" } });
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].detail!)).toMatchObject({ sectionKey: PRESCHOOL, batch: 2 });
    }
    const notified = await t.db.notification.findMany({ where: { kind: "comment" }, include: { user: { select: { username: true } } } });
    expect(notified.map((n) => n.user.username).sort()).toEqual(["wenxi_editor", "wenxi_lead", "yanhu_editor"]);
    expect(notified.find((n) => n.user.username === "yanhu_editor")).toMatchObject({ reportId: reports["140802"] });
    expect(notified[0].message).toContain("王芳（运城市督导室）对");
    expect((await getPhrase(t.db, city, phraseId)).useCount).toBe(2);
  });

  it("refuses the whole batch when one county is out of reach, and writes nothing", async () => {
    const before = await t.db.comment.count();
    const city = await as("yuncheng_reviewer");
    const apply = (countyCodes: string[], sectionKey = PRESCHOOL) => applyComment(t.db, city, { schemeCode: SCHEME, sectionKey, body: "越权", countyCodes });
    await expect(apply(["140823", "141002"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apply(["140800"])).rejects.toMatchObject({ code: "NOT_FOUND" }); // a city, not a county
    await expect(applyComment(t.db, await as("linfen_reviewer"), { schemeCode: SCHEME, sectionKey: PRESCHOOL, body: "越权", countyCodes: ["140823"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apply(["140823"], "criterion:nope")).rejects.toMatchObject({ code: "INVALID_INPUT", message: "评价方案中没有这一部分" });
    await expect(applyComment(t.db, city, { schemeCode: "nope", sectionKey: PRESCHOOL, body: "x", countyCodes: ["140823"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apply([])).rejects.toMatchObject({ code: "INVALID_INPUT", message: "请至少选择一个县区" });
    await expect(applyComment(t.db, await as("wenxi_editor"), { schemeCode: SCHEME, sectionKey: PRESCHOOL, body: "x", countyCodes: ["140823"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.comment.count()).toBe(before);
  });

  it("offers the counties in reach with the schemes they have a report for", async () => {
    const options = await applyOptions(t.db, await as("yuncheng_reviewer"));
    expect(options.counties.map((c) => c.name)).toEqual(["盐湖区", "临猗县", "闻喜县"]);
    expect(options.counties.find((c) => c.code === "140823")?.schemeCodes).toEqual([SCHEME]);
    expect(options.schemes.find((s) => s.code === SCHEME)?.sections).toEqual(expect.arrayContaining([{ key: PRESCHOOL, heading: "（十）学前教育普及普惠发展情况" }]));
    const province = await applyOptions(t.db, await as("shanxi_reviewer"));
    expect(province.counties.map((c) => c.code)).toContain("141002");
  });
});
