// The report's derived figures after concurrent saves: computed before the save transaction, checked inside it,
// they must equal a recomputation from what was finally saved (decision 010), whichever save committed last.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { reportState } from "@/lib/report/precheck";
import { summaryFromComputed, summaryJson } from "@/lib/report/summary";
import { demoReportContents } from "@/lib/seed/demo-report";

describe.each(TEST_PROVIDERS)("derived report figures on %s", (provider) => {
  const t = useDemoDb(provider);
  let reportId: string;
  beforeAll(async () => {
    reportId = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
  });

  const expectExact = async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const { report, contents } = await loadReport(t.db, editor, reportId);
    const state = reportState(report.schemeDef, contents, { prose: false });
    expect({ completeness: report.completeness, problemCount: report.problemCount, summary: report.summary }).toEqual({
      completeness: state.completeness,
      problemCount: state.errors,
      summary: summaryJson(summaryFromComputed(report.schemeDef, state.computed)),
    });
    return { report, contents, state };
  };

  it("stay exact when two people save different sections at the same moment", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const lead = await actorFor(t.db, "wenxi_lead");
    const { report, contents, state } = await expectExact();
    const full = demoReportContents(report.schemeDef);
    const { versions } = await loadReport(t.db, editor, reportId);
    // Emptying sections changes completeness and the findings; the saves race each other.
    const keys = Object.keys(full).filter((k) => k.startsWith("criterion:")).slice(0, 6);
    const outcomes = await Promise.all(
      keys.map((key, i) =>
        saveSection(t.db, i % 2 ? lead : editor, {
          reportId,
          key,
          baseVersion: versions[key].version,
          content: { ...contents[key], narrative: "", subpoints: {}, values: {} },
        }),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const after = await expectExact();
    expect(after.state.completeness).toBeLessThan(state.completeness);
  });
});
