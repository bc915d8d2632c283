// The reviewer's dashboard against real databases: who sees which counties, the filters and the counts, the change
// from last year, and the summaries it reads (written on every save; recomputed for rows that lack one).
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { emptyContent } from "@/lib/report/content";
import { richFromTokens } from "@/lib/report/migrate";
import { createUser } from "@/lib/users/server/service";
import { addComment, replyToComment } from "@/lib/review/comments/server";
import { loadDashboard } from "@/lib/review/dashboard/server/dashboard";
import { parseDashboardFilters } from "@/lib/review/dashboard/filters";
import { readSummary, SUMMARY_VERSION } from "@/lib/report/summary";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const filters = (q: Record<string, string> = {}) => parseDashboardFilters(q);
const names = (d: Awaited<ReturnType<typeof loadDashboard>>) => d.rows.map((r) => r.county.name);

describe.each(TEST_PROVIDERS)("review dashboard on %s", (provider) => {
  const t = useDemoDb(provider); // 闻喜县's finished 2021 report, written through createReport and saveSection
  let wenxi2021: string;
  let yanhu: string;
  beforeAll(async () => {
    wenxi2021 = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
    const admin = await actorFor(t.db, "admin");

    // 闻喜县 last year, under a 2020 scheme: 学前三年毛入园率 90%.
    const scheme2020 = { ...SHANXI_2021_COUNTY, code: "test-2020-county", year: 2020, title: "2020年评价方案（测试）" };
    const id2020 = randomUUID();
    await t.db.scheme.create({ data: { id: id2020, code: scheme2020.code, version: 1, title: scheme2020.title, year: 2020, definition: JSON.stringify(scheme2020) } });
    const wenxi = await actorFor(t.db, "wenxi_editor");
    const wenxi2020 = await createReport(t.db, wenxi, { schemeId: id2020, copyFromId: null });
    const saved = await saveSection(t.db, wenxi, {
      reportId: wenxi2020,
      key: "criterion:preschool",
      baseVersion: 0,
      content: { ...emptyContent.narrative(), narrative: richFromTokens("2020 年学前教育。"), values: { preschool_enrolled: 9000, preschool_age_population: 10000 } },
    });
    expect(saved.ok).toBe(true);
    await t.db.report.update({ where: { id: wenxi2020 }, data: { status: "accepted", acceptedAt: new Date() } });

    // 盐湖区 submitted, waiting for the city, with one open thread (and a reply, which is not a second thread) and
    // one resolved thread.
    await createUser(t.db, admin, { username: "yanhu_editor", name: "盐湖区填报员", role: "county_editor", regionCode: "140802", password: "Demo2021" });
    const yanhuEditor = await actorFor(t.db, "yanhu_editor");
    const scheme2021 = await t.db.scheme.findFirstOrThrow({ where: { code: SHANXI_2021_COUNTY.code } });
    yanhu = await createReport(t.db, yanhuEditor, { schemeId: scheme2021.id, copyFromId: null });
    await t.db.report.update({ where: { id: yanhu }, data: { status: "submitted", reviewStage: "city", submittedAt: new Date("2021-11-20T09:00:00+08:00"), round: 1 } });
    const reviewer = await actorFor(t.db, "yuncheng_reviewer");
    const open = await addComment(t.db, reviewer, { reportId: yanhu, sectionKey: "meta", anchor: null, body: "请补充发文日期。" });
    await replyToComment(t.db, yanhuEditor, { commentId: open, body: "已补充。" });
    const done = await addComment(t.db, reviewer, { reportId: yanhu, sectionKey: "meta", anchor: null, body: "标题请核对。" });
    await t.db.comment.update({ where: { id: done }, data: { status: "resolved" } });
  });

  it("writes the summary on create and on every save, with value, display, target and met", async () => {
    const row = await t.db.report.findUniqueOrThrow({ where: { id: wenxi2021 } });
    const summary = readSummary(row.summary);
    expect(summary?.v).toBe(SUMMARY_VERSION);
    expect(summary?.indicators.preschool_gross_enrolment_rate).toEqual({ value: 99.82, display: "99.82%", target: "≥ 90%", met: true });
    expect(summary?.indicators.private_compulsory_share).toMatchObject({ value: 17.25, target: "≤ 5%", met: false });
    expect(summary?.indicators.party_leading_group).toEqual({ value: null, display: "是", target: "是", met: true });
    expect(summary?.unmet).toBe(1);
    // A fresh report (createReport) has its summary too: every figure still missing.
    const fresh = readSummary((await t.db.report.findUniqueOrThrow({ where: { id: yanhu } })).summary);
    expect(fresh?.indicators.preschool_gross_enrolment_rate).toMatchObject({ value: null, display: "未填写", met: null });
  });

  it("shows a city reviewer exactly its counties, a province reviewer all, and refuses the others", async () => {
    const city = await loadDashboard(t.db, await actorFor(t.db, "yuncheng_reviewer"), filters());
    expect(names(city).sort()).toEqual(["临猗县", "盐湖区", "闻喜县"].sort());
    expect(city.options.cities).toEqual([{ code: "140800", name: "运城市" }]);
    const province = await loadDashboard(t.db, await actorFor(t.db, "shanxi_reviewer"), filters());
    expect(names(province).sort()).toEqual(["临猗县", "尧都区", "盐湖区", "闻喜县"].sort());
    // A city outside the reviewer's reach in the query changes nothing.
    const foreign = await loadDashboard(t.db, await actorFor(t.db, "yuncheng_reviewer"), filters({ city: "141000" }));
    expect(names(foreign).sort()).toEqual(names(city).sort());
    for (const username of ["wenxi_editor", "wenxi_lead", "admin"]) {
      await expect(loadDashboard(t.db, await actorFor(t.db, username), filters())).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("defaults to the latest year, counts per status from the reviewer's level, and counts open threads only", async () => {
    const city = await loadDashboard(t.db, await actorFor(t.db, "yuncheng_reviewer"), filters());
    expect(city.filters.year).toBe(2021);
    expect(city.scheme?.code).toBe(SHANXI_2021_COUNTY.code);
    expect(city.counts).toEqual({ mine: 1, elsewhere: 0, returned: 0, accepted: 0, draft: 1, none: 1 });
    const yanhuRow = city.rows.find((r) => r.county.name === "盐湖区")!;
    expect(yanhuRow.report).toMatchObject({ statusText: "已提交 · 待市级审核", round: 1, openComments: 1 });
    expect(city.rows.find((r) => r.county.name === "临猗县")).toMatchObject({ bucket: "none", report: null });
    expect(city.reportsInYear).toBe(2);
    // The province sees the same report as waiting for the other level.
    const province = await loadDashboard(t.db, await actorFor(t.db, "shanxi_reviewer"), filters());
    expect(province.counts).toEqual({ mine: 0, elsewhere: 1, returned: 0, accepted: 0, draft: 1, none: 2 });
  });

  it("filters by status, city, unmet targets, open comments and name; counts ignore only the status filter", async () => {
    const reviewer = await actorFor(t.db, "yuncheng_reviewer");
    const mine = await loadDashboard(t.db, reviewer, filters({ status: "mine" }));
    expect(names(mine)).toEqual(["盐湖区"]);
    expect(mine.counts.draft).toBe(1);
    expect(names(await loadDashboard(t.db, reviewer, filters({ unmet: "1" })))).toEqual(["闻喜县"]);
    expect(names(await loadDashboard(t.db, reviewer, filters({ comments: "1" })))).toEqual(["盐湖区"]);
    const byName = await loadDashboard(t.db, reviewer, filters({ q: "闻喜" }));
    expect(names(byName)).toEqual(["闻喜县"]);
    expect(byName.counts).toMatchObject({ draft: 1, mine: 0, none: 0 });
    expect(names(await loadDashboard(t.db, reviewer, filters({ status: "accepted" })))).toEqual([]);
    const province = await actorFor(t.db, "shanxi_reviewer");
    expect(names(await loadDashboard(t.db, province, filters({ city: "141000" })))).toEqual(["尧都区"]);
    // Unparseable values fall back to the defaults instead of failing the page.
    const lenient = await loadDashboard(t.db, reviewer, filters({ status: "nonsense", year: "2030", city: "abc" }));
    expect(lenient.filters.year).toBe(2021);
    expect(names(lenient).length).toBe(3);
  });

  it("shows each indicator with its target check and the change from the county's report of the year before", async () => {
    const d = await loadDashboard(t.db, await actorFor(t.db, "yuncheng_reviewer"), filters());
    expect(d.columns.length).toBe(38);
    expect(d.columns.find((c) => c.key === "private_compulsory_share")).toMatchObject({ label: "民办义务教育在校生占比", unit: "%", target: "≤ 5%" });
    const cells = d.rows.find((r) => r.county.name === "闻喜县")!.report!.cells;
    expect(cells.preschool_gross_enrolment_rate).toEqual({ display: "99.82%", value: 99.82, met: true, delta: 9.82, previous: "90%" });
    expect(cells.private_compulsory_share).toMatchObject({ met: false, delta: null, previous: "未填写" });
    expect(d.hasPrevious).toBe(true);
    // Looking at 2020 itself: that year's scheme, no earlier report to compare with.
    const last = await loadDashboard(t.db, await actorFor(t.db, "yuncheng_reviewer"), filters({ year: "2020" }));
    expect(last.scheme?.code).toBe("test-2020-county");
    expect(last.counts).toMatchObject({ accepted: 1, none: 2 });
    expect(last.rows.find((r) => r.report)!.report!.cells.preschool_gross_enrolment_rate).toMatchObject({ display: "90%", delta: null, previous: null });
  });

  it("recomputes a missing or stale summary from the sections and stores it", async () => {
    await t.db.report.update({ where: { id: wenxi2021 }, data: { summary: null } });
    await t.db.report.updateMany({ where: { countyCode: "140823", year: 2020 }, data: { summary: JSON.stringify({ v: 0 }) } });
    const d = await loadDashboard(t.db, await actorFor(t.db, "yuncheng_reviewer"), filters());
    expect(d.rows.find((r) => r.county.name === "闻喜县")!.report!.cells.preschool_gross_enrolment_rate).toMatchObject({ value: 99.82, delta: 9.82 });
    for (const r of await t.db.report.findMany({ where: { countyCode: "140823" } })) expect(readSummary(r.summary)?.v).toBe(SUMMARY_VERSION);
  });

  it("reads the region with a fixed number of queries, whatever the number of counties", async () => {
    // Prisma's query events are not available through the driver adapters; count the model calls instead.
    const calls: string[] = [];
    const counted = new Proxy(t.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop !== "string" || typeof value !== "object" || value === null || !("findMany" in value)) return value;
        return new Proxy(value, {
          get(model, op, r) {
            const fn = Reflect.get(model, op, r);
            return typeof fn === "function" ? (...args: unknown[]) => (calls.push(`${prop}.${String(op)}`), fn.apply(model, args)) : fn;
          },
        });
      },
    });
    await loadDashboard(counted, await actorFor(t.db, "shanxi_reviewer"), filters());
    // (The scheme's definition is read once per process and scheme, then cached: not counted. One grouped count of
    // disputed 核定 per report, lib/review/verification.)
    expect(calls.filter((c) => c !== "scheme.findUnique").sort()).toEqual(["comment.groupBy", "region.findMany", "report.findMany", "report.groupBy", "reportVerification.groupBy", "scheme.findMany"]);
  });
});
