// "Copy forward from last year", with a second scheme written as data (a 2022 scheme) — no code change needed.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport, loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { reportState } from "@/lib/report/precheck";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { validateScheme } from "@/lib/template/validate-scheme";
import type { TNextStepsContent, TNarrativeContent, TProblemsContent } from "@/lib/report/content";

describe.each(TEST_PROVIDERS)("copy forward on %s", (provider) => {
  const t = useDemoDb(provider, { report: false, schemes: true });

  it("carries profile figures, problems (marked 上年遗留) and next steps (as commitments) into next year's report", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const s2021 = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" } });
    const last = await createReport(t.db, editor, { schemeId: s2021.id, copyFromId: null });
    await saveSection(t.db, editor, { reportId: last, key: "profile", baseVersion: 0, content: { narrative: "县情", subpoints: {}, values: { school_total: 193, land_area: 1167 }, score: null } });
    await saveSection(t.db, editor, {
      reportId: last,
      key: "problems",
      baseVersion: 0,
      content: {
        intro: "",
        items: [
          {
            id: "p7",
            title: "全县民办义务教育阶段在校生占比超过5%",
            detail: "",
            criterionCode: "private_compulsory",
            indicatorKey: "private_compulsory_share",
            source: "indicator",
            measures: [{ id: "m1", text: "逐校制定处置方案", leadUnit: "县教育局", partnerUnits: "县财政局", owner: "分管副局长", deadline: "2023-08", status: "整改中" }],
          },
        ],
      },
    });
    await saveSection(t.db, editor, { reportId: last, key: "next_steps", baseVersion: 0, content: { intro: "坚持问题导向", items: [{ id: "n1", heading: "强化党的全面领导", body: "一是……" }], commitments: [] } });

    const next = { ...SHANXI_2021_COUNTY, code: "shanxi-2022-county", year: 2022, title: "2022年对县级政府履行教育职责的评价方案" };
    const valid = validateScheme(JSON.parse(JSON.stringify(next)));
    expect(valid.ok).toBe(true);
    const s2022 = await t.db.scheme.create({
      data: { id: randomUUID(), code: next.code, version: 1, title: next.title, year: 2022, definition: JSON.stringify(next) },
    });
    const id = await createReport(t.db, editor, { schemeId: s2022.id, copyFromId: last });
    const { contents, report } = await loadReport(t.db, editor, id);
    expect(report.copiedFromId).toBe(last);
    expect((contents.profile as TNarrativeContent).values).toEqual({ school_total: 193, land_area: 1167 });
    const problems = contents.problems as TProblemsContent;
    expect(problems.items).toHaveLength(1);
    expect(problems.items[0]).toMatchObject({ source: "lastYear", title: "全县民办义务教育阶段在校生占比超过5%", measures: [{ leadUnit: "县教育局", status: "整改中" }] });
    expect(problems.items[0].id).not.toBe("p7");
    const steps = contents.next_steps as TNextStepsContent;
    expect(steps.commitments).toEqual([expect.objectContaining({ text: [{ p: ["强化党的全面领导：一是……"] }], answer: [], done: null })]);
    const state = reportState(next, contents);
    expect(state.findings.some((f) => f.message.includes("上年承诺 1 尚未说明落实情况"))).toBe(true);

    await expect(createReport(t.db, editor, { schemeId: s2021.id, copyFromId: id })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
