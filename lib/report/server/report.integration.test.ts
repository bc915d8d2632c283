// Authoring against real databases: create, autosave with versions and conflicts, bad input, reach, history.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport, loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { listRevisions, restoreRevision } from "@/lib/report/server/history";
import { emptyContent } from "@/lib/report/content";
import { doc } from "@/lib/report/testing";

const preschool = (values: Record<string, number | null>, narrative = "本年学前教育稳步发展。") => ({
  ...emptyContent.narrative(),
  narrative: doc(narrative),
  values,
});

describe.each(TEST_PROVIDERS)("report authoring on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });
  let reportId: string;
  beforeAll(async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" } });
    reportId = await createReport(t.db, editor, { schemeId: scheme.id, copyFromId: null });
  });

  it("creates one report per county and scheme, with a titled first section", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const { report, contents, versions } = await loadReport(t.db, editor, reportId);
    expect(report.county.name).toBe("闻喜县");
    expect(contents.meta).toMatchObject({ title: "闻喜县人民政府办公室关于履行教育职责评价工作的自评报告" });
    expect(versions.meta.version).toBe(1);
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" } });
    await expect(createReport(t.db, editor, { schemeId: scheme.id, copyFromId: null })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("saves with versions, keeps every save as a revision and updates completeness", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const first = await saveSection(t.db, editor, {
      reportId,
      key: "criterion:preschool",
      baseVersion: 0,
      content: preschool({ preschool_enrolled: 10736, preschool_age_population: 10755 }),
    });
    expect(first).toMatchObject({ ok: true, version: 1 });
    const second = await saveSection(t.db, editor, {
      reportId,
      key: "criterion:preschool",
      baseVersion: 1,
      content: preschool({ preschool_enrolled: 10736, preschool_age_population: 10755, public_kindergarten_enrolled: 6776, preschool_enrolled_with_nursery: 12149 }),
    });
    expect(second).toMatchObject({ ok: true, version: 2 });
    const revisions = await listRevisions(t.db, editor, reportId, "criterion:preschool");
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    const report = await t.db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report.lastEditedById).toBe(editor.userId);
    expect(report.completeness).toBeGreaterThan(0);
  });

  it("refuses a stale save with the current text instead of overwriting it", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const lead = await actorFor(t.db, "wenxi_lead");
    const mine = await saveSection(t.db, lead, { reportId, key: "criterion:preschool", baseVersion: 2, content: preschool({}, "审核员的修改") });
    expect(mine.ok).toBe(true);
    const stale = await saveSection(t.db, editor, { reportId, key: "criterion:preschool", baseVersion: 2, content: preschool({}, "填报员的修改") });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.conflict.version).toBe(3);
    expect(stale.conflict.updatedBy).toBe("李国强（闻喜县教育局）");
    expect(stale.conflict).toMatchObject({ content: { narrative: doc("审核员的修改") } });
    const { contents } = await loadReport(t.db, editor, reportId);
    expect(contents["criterion:preschool"]).toMatchObject({ narrative: doc("审核员的修改") });
  });

  it("accepts exactly one of several concurrent saves from the same version; the rest are told", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        saveSection(t.db, editor, { reportId, key: "criterion:party_leadership", baseVersion: 0, content: { ...emptyContent.narrative(), narrative: doc(`并发 ${i}`) } }),
      ),
    );
    const accepted = results.filter((r) => r.ok);
    expect(accepted).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(5);
    const rows = await t.db.sectionRevision.count({ where: { reportId, sectionKey: "criterion:party_leadership" } });
    expect(rows).toBe(1);
  });

  it("refuses bad input per field and keeps what was saved", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const before = await t.db.reportSection.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "criterion:preschool" } } });
    const save = (content: unknown) => saveSection(t.db, editor, { reportId, key: "criterion:preschool", baseVersion: before.version, content });
    await expect(save(preschool({ preschool_enrolled: -5 }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "values.preschool_enrolled": ["在园幼儿数（不含托班）：不能为负数"] },
    });
    await expect(save(preschool({ preschool_enrolled: 10.5 }))).rejects.toMatchObject({ fieldErrors: { "values.preschool_enrolled": [expect.stringContaining("应为整数")] } });
    await expect(save({ ...preschool({}), values: { preschool_enrolled: "一万" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(save(preschool({ no_such_figure: 1 }))).rejects.toMatchObject({ fieldErrors: { "values.no_such_figure": ["本部分没有这项数据"] } });
    await expect(save(preschool({}, "字".repeat(1024 * 1024)))).rejects.toMatchObject({ fieldErrors: { narrative: [expect.stringContaining("内容过长")] } });
    await expect(saveSection(t.db, editor, { reportId, key: "criterion:nope", baseVersion: 0, content: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const after = await t.db.reportSection.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "criterion:preschool" } } });
    expect(after.version).toBe(before.version);
    expect(after.content).toBe(before.content);
  });

  it("keeps other counties and reviewers out of writing; reviewers of the region may read", async () => {
    const admin = await actorFor(t.db, "admin");
    const { createUser } = await import("@/lib/users/server/service");
    await createUser(t.db, admin, { username: "yanhu_editor", name: "盐湖填报", role: "county_editor", regionCode: "140802", password: "Yanhu2021x" });
    const other = await actorFor(t.db, "yanhu_editor");
    await expect(loadReport(t.db, other, reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveSection(t.db, other, { reportId, key: "meta", baseVersion: 1, content: emptyContent.meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const reviewer = await actorFor(t.db, "yuncheng_reviewer");
    await expect(loadReport(t.db, reviewer, reportId)).resolves.toBeTruthy();
    await expect(saveSection(t.db, reviewer, { reportId, key: "meta", baseVersion: 1, content: emptyContent.meta() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const province = await actorFor(t.db, "shanxi_reviewer");
    await expect(loadReport(t.db, province, reportId)).resolves.toBeTruthy();
  });

  it("restores an earlier version as a new save", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const revisions = await listRevisions(t.db, editor, reportId, "criterion:preschool");
    const oldest = revisions[revisions.length - 1];
    const outcome = await restoreRevision(t.db, editor, reportId, oldest.id);
    expect(outcome.ok).toBe(true);
    const { contents, versions } = await loadReport(t.db, editor, reportId);
    expect(contents["criterion:preschool"]).toMatchObject({ narrative: doc("本年学前教育稳步发展。"), values: { preschool_enrolled: 10736 } });
    expect(versions["criterion:preschool"].version).toBe(revisions[0].version + 1);
    const latest = await listRevisions(t.db, editor, reportId, "criterion:preschool");
    expect(latest[0].note).toBe(`恢复自第 ${oldest.version} 版`);
  });

  it("makes a submitted report read-only, checked inside the save transaction", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    await t.db.report.update({ where: { id: reportId }, data: { status: "submitted" } });
    const current = await t.db.reportSection.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "meta" } } });
    await expect(saveSection(t.db, editor, { reportId, key: "meta", baseVersion: current.version, content: emptyContent.meta() })).rejects.toMatchObject({ code: "CONFLICT" });
    await t.db.report.update({ where: { id: reportId }, data: { status: "draft" } });
  });
});
