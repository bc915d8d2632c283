// 分工 on both databases: the lead assigns, the contributor writes only their item (and only while it is theirs),
// hands it in, the lead sends it back and confirms; reassigning keeps the history; provenance names the office;
// the daily reminder goes out once per day per contributor with two instances running the job at the same time.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { runScript } from "@/lib/testing/cli";
import { emptyContent } from "@/lib/report/content";
import { saveSection } from "@/lib/report/server/save-section";
import { assignItem, confirmItem, handIn, itemsNotHandedIn, loadBoard, sendBack, createContributor } from "@/lib/assignments/server/service";
import { loadContributorView } from "@/lib/assignments/server/contributor-view";
import { listProvenance } from "@/lib/assignments/server/provenance";
import { sendDueReminders } from "@/lib/assignments/server/reminders";
import { ZAssign } from "@/lib/assignments/status";

const FUNDING = "criterion:education_funding";

describe.each(TEST_PROVIDERS)("assignments on %s", (provider) => {
  const t = useDemoDb(provider);
  let reportId = "";

  beforeAll(async () => {
    // A draft report of 闻喜 (the demo one is finished but still a draft).
    reportId = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
  });

  async function save(username: string, key: string, patch: object) {
    const actor = await actorFor(t.db, username);
    const row = await t.db.reportSection.findUnique({ where: { reportId_key: { reportId, key } } });
    const content = row ? { ...JSON.parse(row.content), ...patch } : { ...emptyContent.narrative(), ...patch };
    return saveSection(t.db, actor, { reportId, key, baseVersion: row?.version ?? 0, content });
  }

  it("assign → write own item only → hand in → send back → confirm, with provenance and history", async () => {
    const lead = await actorFor(t.db, "wenxi_lead");
    const finance = await actorFor(t.db, "wenxi_finance");
    const first = await assignItem(t.db, lead, ZAssign.parse({ reportId, sectionKey: FUNDING, office: "县财政局", contributorIds: [], dueDate: "2026-12-10" }));
    // Reassigned with the contributor named: the first row stays as history.
    await assignItem(t.db, lead, ZAssign.parse({ reportId, sectionKey: FUNDING, office: "县财政局", partners: "县教育局计财股", contributorIds: [finance.userId], dueDate: "2026-12-10", note: "请填两个增长率" }));
    const board = await loadBoard(t.db, lead, reportId, new Date("2026-12-03T08:00:00Z"));
    expect(board.rows.map((r) => [r.heading, r.office, r.status, r.overdue])).toEqual([["（四）财政教育支出情况", "县财政局", "assigned", false]]);
    expect(board.history.map((h) => h.id)).toEqual([first]);

    const saved = await save("wenxi_finance", FUNDING, { stated: { edu_expenditure_growth: { value: 62.93, source: "县财政局" }, edu_expenditure_per_student_growth: { value: 2.25, source: "县财政局" } } });
    expect(saved.ok).toBe(true);
    await expect(save("wenxi_finance", "criterion:party_leadership", { narrative: emptyContent.narrative().narrative })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const view = await loadContributorView(t.db, finance, reportId);
    expect(view.keys).toEqual([FUNDING]);
    expect(Object.keys(view.contents)).toEqual([FUNDING]);

    expect((await loadBoard(t.db, lead, reportId)).rows[0].status).toBe("in_progress");
    expect((await itemsNotHandedIn(t.db, board.report.schemeDef, reportId)).map((i) => i.office)).toEqual(["县财政局"]);
    const id = board.rows[0].id;
    await handIn(t.db, finance, id);
    // Handed in: no longer the contributor's to change, until it comes back.
    await expect(save("wenxi_finance", FUNDING, { score: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(confirmItem(t.db, finance, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await sendBack(t.db, lead, id, "请注明统计截止月份");
    expect((await loadContributorView(t.db, finance, reportId)).items[0]).toMatchObject({ status: "returned", returnNote: "请注明统计截止月份" });
    expect((await save("wenxi_finance", FUNDING, { notes: { edu_expenditure_growth: { source: "县财政局2021年决算", basis: "截至2021年12月" } } })).ok).toBe(true);
    await handIn(t.db, finance, id);
    await confirmItem(t.db, lead, id);
    expect((await loadBoard(t.db, lead, reportId)).rows[0].statusLabel).toBe("已确认");
    expect(await itemsNotHandedIn(t.db, board.report.schemeDef, reportId)).toEqual([]);

    const reviewer = await actorFor(t.db, "yuncheng_reviewer");
    const provenance = await listProvenance(t.db, reviewer, reportId);
    // The demo report was written by the bureau's editor; the finance bureau's figures are credited to it.
    expect(provenance.filter((p) => p.sectionKey === FUNDING).length).toBeGreaterThan(3);
    expect(provenance.find((p) => p.field === "narrative" && p.sectionKey === FUNDING)).toMatchObject({ office: "闻喜县教育局", userName: "张敏（闻喜县教育局）" });
    expect(provenance.filter((p) => p.sectionKey === FUNDING && p.office === "县财政局").map((p) => [p.label, p.office, p.userName])).toEqual([
      ["一般公共预算教育支出增长率（数据来源）", "县财政局", "陈静（闻喜县财政局）"],
      ["一般公共预算教育支出增长率（直接填写）", "县财政局", "陈静（闻喜县财政局）"],
      ["按在校生人数平均的一般公共预算教育支出增长率（直接填写）", "县财政局", "陈静（闻喜县财政局）"],
    ]);
    await expect(listProvenance(t.db, finance, reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The lead still edits anything, the assigned item included.
    expect((await save("wenxi_lead", FUNDING, { score: null })).ok).toBe(true);
  });

  it("a figure-only assignment lets the contributor change that figure and nothing else", async () => {
    const lead = await actorFor(t.db, "wenxi_lead");
    const id = await createContributor(t.db, lead, { username: `hr_${provider}`, name: "人社局 王", office: "县人社局", password: "Passw0rd1" });
    await assignItem(t.db, lead, ZAssign.parse({ reportId, sectionKey: "criterion:party_leadership", figureKey: null, office: "县委编办", contributorIds: [id] }));
    const scheme = (await loadBoard(t.db, lead, reportId)).report.schemeDef;
    const def = scheme.criteria.find((c) => !["education_funding", "party_leadership"].includes(c.code) && c.inputs.length > 1)!;
    const sectionKey = `criterion:${def.code}`;
    await assignItem(t.db, lead, ZAssign.parse({ reportId, sectionKey, figureKey: def.inputs[0].key, office: "县人社局", contributorIds: [id] }));
    const row = await t.db.reportSection.findUnique({ where: { reportId_key: { reportId, key: sectionKey } } });
    const current = row ? JSON.parse(row.content) : emptyContent.narrative();
    const hr = await actorFor(t.db, `hr_${provider}`);
    const base = { reportId, key: sectionKey, baseVersion: row?.version ?? 0 };
    await expect(saveSection(t.db, hr, { ...base, content: { ...current, values: { ...current.values, [def.inputs[1].key]: 1 } } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await saveSection(t.db, hr, { ...base, content: { ...current, values: { ...current.values, [def.inputs[0].key]: 7 } } })).ok).toBe(true);
  });

  it("a reminder for an overdue item fires exactly once per day per contributor with two instances", async () => {
    const lead = await actorFor(t.db, "wenxi_lead");
    const a = await createContributor(t.db, lead, { username: `edu_a_${provider}`, name: "甲", office: "县发改局", password: "Passw0rd1" });
    const b = await createContributor(t.db, lead, { username: `edu_b_${provider}`, name: "乙", office: "县发改局", password: "Passw0rd1" });
    const scheme = (await loadBoard(t.db, lead, reportId)).report.schemeDef;
    const sectionKey = `criterion:${scheme.criteria[scheme.criteria.length - 1].code}`;
    await assignItem(t.db, lead, ZAssign.parse({ reportId, sectionKey, office: "县发改局", contributorIds: [a, b], dueDate: "2026-11-30" }));
    // Two instances are two processes (as in production; in one process SQLite's synchronous lock waits would
    // block each other): each runs the job once, at the same moment.
    const run = async (at: string) => {
      const results = await Promise.all([runScript("scripts/reminders.ts", ["--at", at], t.url), runScript("scripts/reminders.ts", ["--at", at], t.url)]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      return results.map((r) => Number(/发送 (\d+) 条/.exec(r.stdout)![1])).reduce((x, y) => x + y, 0);
    };
    expect(await run("2026-12-03T09:00:00+08:00")).toBe(2);
    expect(await t.db.notification.count({ where: { userId: { in: [a, b] }, kind: "reminder" } })).toBe(2);
    // Later the same day: nothing more; the next day: one more each.
    expect(await sendDueReminders(t.db, new Date("2026-12-03T20:00:00+08:00"))).toBe(0);
    expect(await run("2026-12-04T09:00:00+08:00")).toBe(2);
    const notes = await t.db.notification.findMany({ where: { userId: a, kind: "reminder" }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.message)).toEqual([
      expect.stringContaining("已超过截止日期（2026-11-30）"),
      expect.stringContaining("已超过截止日期（2026-11-30）"),
    ]);
  }, 120_000);
});
