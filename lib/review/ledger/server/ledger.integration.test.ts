// The rectification ledger against real databases: the county's 存在问题 become items at the final acceptance
// (once, however often it is accepted), next year's report opens with them as its checklist and cannot be
// submitted until each is closed or explained, the reviewer 复核s (accept / not accept → back to 整改中), overdue
// and unverified counts, items from another source (a 督导反馈意见书) through createLedgerItems, and reach.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport, loadReport } from "@/lib/report/server/service";
import { reportState } from "@/lib/report/precheck";
import { acceptReport, reopenReport, submitReport } from "@/lib/review/workflow/server";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { ledgerFindings } from "@/lib/review/ledger";
import {
  addLedgerItem,
  carriedLedger,
  createLedgerItems,
  ledgerCounts,
  ledgerHistory,
  listLedger,
  reviewLedgerItem,
  updateLedgerItem,
} from "@/lib/review/ledger/server";

describe.each(TEST_PROVIDERS)("rectification ledger on %s", (provider) => {
  const t = useDemoDb(provider); // 闻喜县's finished 2021 report: seven 存在问题 with measures
  const as = (username: string) => actorFor(t.db, username);
  let lastYear: string;
  let thisYear: string;

  beforeAll(async () => {
    lastYear = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
    await t.db.user.create({
      data: { id: randomUUID(), username: "linfen_reviewer", name: "临汾督导", email: "linfen@example.invalid", role: "city_reviewer", regionCode: "141000" },
    });
    await t.db.user.create({
      data: { id: randomUUID(), username: "yanhu_editor", name: "盐湖填报", email: "yanhu@example.invalid", role: "county_editor", regionCode: "140802" },
    });
  });

  it("creates no items while the report is only accepted by the city, and one per 存在问题 at the final acceptance", async () => {
    // The report is on the province's desk (the city accepted it; that path is workflow.integration.test.ts's).
    await t.db.report.update({ where: { id: lastYear }, data: { status: "submitted", reviewStage: "province", round: 1 } });
    expect(await t.db.ledgerItem.count()).toBe(0);
    await acceptReport(t.db, await as("shanxi_reviewer"), { reportId: lastYear });
    const items = await listLedger(t.db, await as("wenxi_editor"));
    expect(items).toHaveLength(7);
    expect(items[0]).toMatchObject({
      countyName: "闻喜县",
      year: 2021,
      source: "county_problem",
      status: "未启动",
      owner: expect.stringContaining("县委教育工委"),
      deadline: "2022-12", // the latest of its measures' deadlines
      review: null,
    });
    expect(items[0].text).toMatch(/^组织理论学习不够.*\n改进措施：加强理论学习/s);
    expect(items.every((i) => i.overdue)).toBe(true); // 2022 deadlines, today is later
    expect(await t.db.auditEvent.count({ where: { targetType: "ledger", action: "ledger.create" } })).toBe(7);
  });

  it("does not create them again when the report is reopened and accepted again", async () => {
    const province = await as("shanxi_reviewer");
    await reopenReport(t.db, province, { reportId: lastYear, reason: "补充佐证材料后重新审核" });
    await t.db.report.update({ where: { id: lastYear }, data: { status: "submitted", reviewStage: "province", round: 2 } });
    await acceptReport(t.db, province, { reportId: lastYear });
    expect(await t.db.ledgerItem.count()).toBe(7);
  });

  it("takes items from any source, idempotently per source item (the lead's “feedback sent” hook)", async () => {
    const input = {
      regionId: "140823",
      reportId: lastYear,
      source: "feedback_requirement" as const,
      sourceRef: "feedback-1",
      items: [
        { ref: "r1", text: "加快推进城区学校建设，消除大班额", deadline: "2099-08", owner: "县教育局" },
        { ref: "r2", text: "补齐农村学校音体美教师" },
      ],
    };
    const first = await t.db.$transaction((tx) => createLedgerItems(tx, input));
    expect(first.created).toHaveLength(2);
    expect(await createLedgerItems(t.db, input)).toEqual({ created: [], existing: 2 });
    await expect(createLedgerItems(t.db, { ...input, regionId: "140802" })).rejects.toThrow("整改事项的报告与县区不符");
    await expect(createLedgerItems(t.db, { ...input, items: [{ text: " " }] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await t.db.ledgerItem.count()).toBe(9);
  });

  it("opens next year's report with last year's items as the checklist, which blocks the submit", async () => {
    const editor = await as("wenxi_editor");
    const next = { ...SHANXI_2021_COUNTY, code: "shanxi-2022-county", year: 2022, title: "2022年对县级政府履行教育职责的评价方案" };
    const s2022 = await t.db.scheme.create({ data: { id: randomUUID(), code: next.code, version: 1, title: next.title, year: 2022, definition: JSON.stringify(next) } });
    thisYear = await createReport(t.db, editor, { schemeId: s2022.id, copyFromId: lastYear });
    const carried = await carriedLedger(t.db, editor, thisYear);
    expect(carried).toHaveLength(9);
    expect(carried.map((c) => c.source)).toEqual([...Array(7).fill("county_problem"), "feedback_requirement", "feedback_requirement"]);
    expect(await carriedLedger(t.db, editor, lastYear)).toEqual([]); // nothing from before 2021
    // Submitting counts one blocker per open item on top of the report's own.
    const { report, contents } = await loadReport(t.db, editor, thisYear);
    const own = reportState(report.schemeDef, contents, { prose: false }).errors;
    await expect(submitReport(t.db, await as("wenxi_lead"), { reportId: thisYear })).rejects.toThrow(`提交前检查还有 ${own + 9} 个问题`);
  });

  it("lets the county close an item with evidence, explain one, and refuses closing without them", async () => {
    const editor = await as("wenxi_editor");
    const [a, b] = await carriedLedger(t.db, editor, thisYear);
    const base = { owner: a.owner, evidenceText: "", evidenceId: null, explanation: "" };
    await expect(updateLedgerItem(t.db, editor, { ...base, itemId: a.id, version: a.version, status: "已完成" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { evidenceText: [expect.stringContaining("须写明完成情况")] },
    });
    await expect(updateLedgerItem(t.db, editor, { ...base, itemId: b.id, version: b.version, status: "未完成需说明" })).rejects.toThrow(/须写明未完成的原因/);
    const closed = await updateLedgerItem(t.db, editor, { ...base, itemId: a.id, version: a.version, status: "已完成", evidenceText: "已印发学习制度，全年开展集中学习 12 次" });
    expect(closed).toMatchObject({ status: "已完成", evidenceText: "已印发学习制度，全年开展集中学习 12 次", review: null, overdue: false });
    expect(closed.closedAt).not.toBeNull();
    // The same form again (stale version) is a conflict, not a silent overwrite.
    await expect(updateLedgerItem(t.db, editor, { ...base, itemId: a.id, version: a.version, status: "整改中" })).rejects.toMatchObject({ code: "CONFLICT" });
    const explained = await updateLedgerItem(t.db, editor, { ...base, itemId: b.id, version: b.version, status: "未完成需说明", explanation: "新校区 2023 年 9 月投用后解决" });
    expect(explained).toMatchObject({ status: "未完成需说明", overdue: true });
    const findings = ledgerFindings(await carriedLedger(t.db, editor, thisYear));
    expect(findings).toHaveLength(7);
    expect(findings[0].message).toContain("上年整改事项 3 尚未完成或说明");
  });

  it("lets only reviewers 复核: accepted settles, not accepted needs a reason and sends the item back to 整改中", async () => {
    const city = await as("yuncheng_reviewer");
    const [a, b, c] = await carriedLedger(t.db, city, thisYear);
    await expect(reviewLedgerItem(t.db, await as("wenxi_lead"), { itemId: a.id, version: a.version, accepted: true, reason: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reviewLedgerItem(t.db, city, { itemId: c.id, version: c.version, accepted: true, reason: "" })).rejects.toThrow("暂不能复核");
    await expect(reviewLedgerItem(t.db, city, { itemId: b.id, version: b.version, accepted: false, reason: "" })).rejects.toThrow("复核不通过须写明理由");
    expect(await ledgerCounts(t.db, city)).toEqual({ "140823": { total: 9, open: 7, overdue: 6, unverified: 2 } });

    const accepted = await reviewLedgerItem(t.db, city, { itemId: a.id, version: a.version, accepted: true, reason: "" });
    expect(accepted).toMatchObject({ review: "accepted", reviewedBy: "王芳（运城市督导室）", status: "已完成" });
    await expect(reviewLedgerItem(t.db, city, { itemId: a.id, version: accepted.version, accepted: false, reason: "再看" })).rejects.toMatchObject({ code: "CONFLICT" });
    const rejected = await reviewLedgerItem(t.db, city, { itemId: b.id, version: b.version, accepted: false, reason: "说明过于笼统，请写明进度" });
    expect(rejected).toMatchObject({ review: "rejected", status: "整改中", reviewReason: "说明过于笼统，请写明进度" });
    // Settled: the county cannot change it any more; the rejected one blocks again, with the reviewer's reason.
    const editor = await as("wenxi_editor");
    await expect(
      updateLedgerItem(t.db, editor, { itemId: a.id, version: accepted.version, status: "整改中", owner: "", evidenceText: "", evidenceId: null, explanation: "" }),
    ).rejects.toThrow("已复核通过");
    const findings = ledgerFindings(await carriedLedger(t.db, editor, thisYear));
    expect(findings).toHaveLength(8);
    expect(findings[0].message).toContain("督导复核未通过：说明过于笼统，请写明进度");
    expect(await ledgerCounts(t.db, city)).toEqual({ "140823": { total: 9, open: 8, overdue: 6, unverified: 0 } });
    expect((await listLedger(t.db, city, { only: "overdue" })).length).toBe(6);
    // Re-closing asks for a new 复核.
    const again = await updateLedgerItem(t.db, editor, { itemId: b.id, version: rejected.version, status: "未完成需说明", owner: "", evidenceText: "", evidenceId: null, explanation: "主体已完工，2023 年 9 月投用" });
    expect(again.review).toBeNull();
    const history = await ledgerHistory(t.db, city, b.id);
    expect(history.map((h) => h.action)).toEqual(["ledger.create", "ledger.update", "ledger.review", "ledger.update"]);
    expect(history[2]).toMatchObject({ by: "王芳（运城市督导室）", detail: { accepted: false, reason: "说明过于笼统，请写明进度" } });
  });

  it("lets a reviewer add an item by hand", async () => {
    const id = await addLedgerItem(t.db, await as("yuncheng_reviewer"), { reportId: lastYear, text: "规范课后服务收费", deadline: "2099-12" });
    const row = await t.db.ledgerItem.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ source: "reviewer", countyCode: "140823", year: 2021, status: "未启动" });
    await expect(addLedgerItem(t.db, await as("wenxi_lead"), { reportId: lastYear, text: "自己加一条" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the ledger to its county and city: others get 404 or nothing", async () => {
    const item = (await listLedger(t.db, await as("wenxi_editor")))[2];
    const linfen = await as("linfen_reviewer");
    expect(await listLedger(t.db, linfen)).toEqual([]);
    expect(await ledgerCounts(t.db, linfen)).toEqual({});
    await expect(reviewLedgerItem(t.db, linfen, { itemId: item.id, version: item.version, accepted: true, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ledgerHistory(t.db, linfen, item.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(carriedLedger(t.db, linfen, thisYear)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addLedgerItem(t.db, linfen, { reportId: lastYear, text: "越权" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const yanhu = await as("yanhu_editor");
    expect(await listLedger(t.db, yanhu)).toEqual([]);
    await expect(
      updateLedgerItem(t.db, yanhu, { itemId: item.id, version: item.version, status: "整改中", owner: "", evidenceText: "", evidenceId: null, explanation: "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listLedger(t.db, await as("shanxi_reviewer"))).toHaveLength(10);
  });
});
