// The reviewer's "需要我处理" queue and the dashboard's multi-select filters against real databases: which reports wait
// for which level, which threads wait for a reviewer's word, and that a reviewer never sees another city's items —
// not even from a source that forgot the scope.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { createUser } from "@/lib/users/server/service";
import { addComment, replyToComment } from "@/lib/review/comments/server";
import { loadAttention, loadDashboard, submittedToMe, unansweredQuestions, type AttentionSource } from "@/lib/review/dashboard/server";
import { parseDashboardFilters } from "@/lib/review/dashboard";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { createLedgerItems } from "@/lib/review/ledger/server";
import { randomUUID } from "node:crypto";

describe.each(TEST_PROVIDERS)("needs-my-attention queue and multi-select filters on %s", (provider) => {
  const t = useDemoDb(provider); // 闻喜县 (运城市) has its 2021 report
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const admin = await actorFor(t.db, "admin");
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: SHANXI_2021_COUNTY.code } });
    for (const [username, regionCode] of [["yanhu_editor", "140802"], ["yaodu_editor", "141002"]] as const) {
      await createUser(t.db, admin, { username, name: `${username}`, role: "county_editor", regionCode, password: "Demo2021" });
    }
    const yanhu = await actorFor(t.db, "yanhu_editor");
    const yaodu = await actorFor(t.db, "yaodu_editor");
    ids.yanhu = await createReport(t.db, yanhu, { schemeId: scheme.id, copyFromId: null });
    ids.yaodu = await createReport(t.db, yaodu, { schemeId: scheme.id, copyFromId: null });
    ids.wenxi = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
    // 盐湖区 and 尧都区 wait for their cities; 闻喜县 has passed the city and waits for the province.
    await t.db.report.update({ where: { id: ids.yanhu }, data: { status: "submitted", reviewStage: "city", submittedAt: new Date("2021-11-20T09:00:00+08:00") } });
    await t.db.report.update({ where: { id: ids.yaodu }, data: { status: "submitted", reviewStage: null, submittedAt: new Date("2021-11-19T09:00:00+08:00") } });
    await t.db.report.update({ where: { id: ids.wenxi }, data: { status: "submitted", reviewStage: "province", submittedAt: new Date("2021-11-21T09:00:00+08:00") } });

    const city = await actorFor(t.db, "yuncheng_reviewer");
    // 盐湖区: a reviewer's comment the county replied to (waits), and one the reviewer had the last word on (does not).
    ids.replied = await addComment(t.db, city, { reportId: ids.yanhu, sectionKey: "meta", anchor: null, body: "请补充发文日期。" });
    await replyToComment(t.db, yanhu, { commentId: ids.replied, body: "已补充发文日期。" });
    const settled = await addComment(t.db, city, { reportId: ids.yanhu, sectionKey: "meta", anchor: null, body: "标题请核对。" });
    await replyToComment(t.db, yanhu, { commentId: settled, body: "标题是否需要加年份？" });
    await replyToComment(t.db, city, { commentId: settled, body: "需要。" });
    // 尧都区 (临汾市): the county's own question, no answer yet.
    ids.asked = await addComment(t.db, yaodu, { reportId: ids.yaodu, sectionKey: "meta", anchor: null, body: "附件格式有要求吗？" });
  });

  const keys = (q: Awaited<ReturnType<typeof loadAttention>>) => q.items.map((i) => i.key);

  it("lists for a city reviewer its city's reports at the city stage and its counties' unanswered words, oldest first", async () => {
    const q = await loadAttention(t.db, await actorFor(t.db, "yuncheng_reviewer"));
    expect(keys(q)).toEqual([`submitted:${ids.yanhu}`, `question:${ids.replied}`]);
    expect(q.counts).toEqual({ submitted: 1, question: 1, disputed: 0, overdue: 0 });
    expect(q.items[1]).toMatchObject({ county: { name: "盐湖区" }, detail: "已补充发文日期。", title: "2021 年自评报告 · 县区回复待答复", href: `/reports/${ids.yanhu}?s=meta` });
  });

  it("lists for the province reviewer what waits at the province, and the questions of every city", async () => {
    const q = await loadAttention(t.db, await actorFor(t.db, "shanxi_reviewer"));
    expect(q.items.filter((i) => i.kind === "submitted").map((i) => i.county.name)).toEqual(["闻喜县"]);
    expect(q.items.filter((i) => i.kind === "question").map((i) => i.key).sort()).toEqual([`question:${ids.asked}`, `question:${ids.replied}`].sort());
    expect(q.items.find((i) => i.key === `question:${ids.asked}`)).toMatchObject({ title: "2021 年自评报告 · 县区提问", county: { name: "尧都区" } });
  });

  it("drops another city's items even when a source returns them, and refuses county users", async () => {
    const city = await actorFor(t.db, "yuncheng_reviewer");
    // A source that ignores the scope it is given: the queue still keeps 运城市's reviewer to 运城市.
    const careless: AttentionSource = { kind: "question", load: (db, actor) => unansweredQuestions.load(db, actor, { level: "county" }) };
    const q = await loadAttention(t.db, city, [submittedToMe, careless]);
    expect(q.items.map((i) => i.county.name)).not.toContain("尧都区");
    expect(keys(q)).toContain(`question:${ids.replied}`);
    await expect(loadAttention(t.db, await actorFor(t.db, "yanhu_editor"))).rejects.toThrow();
  });

  it("filters the dashboard by several statuses and cities at once, ignoring cities out of reach", async () => {
    const province = await actorFor(t.db, "shanxi_reviewer");
    const f = (q: string) => parseDashboardFilters(new URLSearchParams(q));
    const names = async (actor: typeof province, q: string) => (await loadDashboard(t.db, actor, f(q))).rows.map((r) => r.county.name).sort();
    // The province reviewer: 闻喜县 waits for it (mine); 盐湖区 and 尧都区 for their cities (elsewhere); 临猗县 has none.
    expect(await names(province, "status=mine&status=none")).toEqual(["临猗县", "闻喜县"].sort());
    expect(await names(province, "status=elsewhere&city=141000")).toEqual(["尧都区"]);
    expect(await names(province, "status=elsewhere&city=141000&city=140800")).toEqual(["尧都区", "盐湖区"].sort());
    const city = await actorFor(t.db, "yuncheng_reviewer");
    const d = await loadDashboard(t.db, city, f("city=141000&city=140800&status=mine&status=elsewhere"));
    expect(d.filters.city).toEqual(["140800"]);
    expect(d.rows.map((r) => r.county.name).sort()).toEqual(["盐湖区", "闻喜县"].sort());
    // Only 临汾市 asked for, which is not the reviewer's: ignored, all of 运城市 (never 尧都区).
    expect(await names(city, "city=141000")).toEqual(["临猗县", "盐湖区", "闻喜县"].sort());
  });

  it("lists 核定有异议 until the level sends its feedback, and 整改 items overdue or waiting for 复核 — each in reach only", async () => {
    const city = await actorFor(t.db, "yuncheng_reviewer");
    await t.db.reportVerification.create({ data: { id: randomUUID(), reportId: ids.yanhu, level: "city", itemKind: "indicator", itemKey: "preschool_gross_rate", verdict: "dispute", value: "88%", reason: "与统计年报不符" } });
    const [overdue] = (await createLedgerItems(t.db, { regionId: "140802", reportId: ids.yanhu, source: "reviewer", sourceRef: "t", items: [{ text: "补齐幼儿园专任教师缺口", deadline: "2020-06" }] })).created;
    const [later] = (await createLedgerItems(t.db, { regionId: "140802", reportId: ids.yanhu, source: "reviewer", sourceRef: "t2", items: [{ text: "新建公办幼儿园两所", deadline: "2099-12" }] })).created;
    await createLedgerItems(t.db, { regionId: "141002", reportId: ids.yaodu, source: "reviewer", sourceRef: "t", items: [{ text: "临汾的事项", deadline: "2020-06" }] });
    await t.db.ledgerItem.update({ where: { id: later }, data: { status: "已完成", evidenceText: "已建成", closedAt: new Date() } });

    const q = await loadAttention(t.db, city);
    expect(q.items.filter((i) => i.kind === "disputed").map((i) => [i.key, i.title, i.href])).toEqual([[`disputed:${ids.yanhu}`, "2021 年自评报告 · 核定有异议 1 项", `/reports/${ids.yanhu}/verification`]]);
    const rect = q.items.filter((i) => i.kind === "overdue");
    expect(rect.map((i) => i.key).sort()).toEqual([`overdue:${overdue}`, `overdue:${later}`].sort());
    expect(rect.every((i) => i.county.name === "盐湖区")).toBe(true);
    expect(rect.find((i) => i.key === `overdue:${later}`)?.title).toBe("整改事项待复核（已完成）");

    // Once the city has sent its feedback the dispute is the county's to see, and an accepted 复核 settles the item.
    await t.db.reportFeedback.create({ data: { id: randomUUID(), reportId: ids.yanhu, level: "city", status: "sent", sentAt: new Date() } });
    await t.db.ledgerItem.update({ where: { id: later }, data: { review: "accepted" } });
    const after = await loadAttention(t.db, city);
    expect(after.counts.disputed).toBe(0);
    expect(after.items.filter((i) => i.kind === "overdue").map((i) => i.key)).toEqual([`overdue:${overdue}`]);
  });
});
