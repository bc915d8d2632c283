// The report's derived figures after concurrent saves: computed before the save transaction, checked inside it,
// they must equal a recomputation from what was finally saved (decision 010), whichever save committed last. Run
// on each database, and on PostgreSQL through PgBouncer in transaction mode too (decision 023): a save is one
// transaction, so it must not depend on anything a pooler drops between transactions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb, type DemoDb } from "@/lib/testing/demo-db";
import { pgBouncerUnavailable, startPgBouncer, type PgBouncer } from "@/lib/testing/pgbouncer";
import { actorFor } from "@/lib/testing/actors";
import { loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { reportState } from "@/lib/report/precheck";
import { summaryFromComputed, summaryJson } from "@/lib/report/summary";
import { demoReportContents } from "@/lib/seed/demo-report";
import { richFromTokens } from "@/lib/report/migrate";

function concurrentSaves(t: DemoDb) {
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
          content: { ...contents[key], narrative: [], subpoints: {}, values: {} },
        }),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const after = await expectExact();
    expect(after.state.completeness).toBeLessThan(state.completeness);
  });

  it("let exactly one of several saves of the same section from the same version win; the others get the conflict", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    const lead = await actorFor(t.db, "wenxi_lead");
    const { report, contents, versions } = await loadReport(t.db, editor, reportId);
    const key = Object.keys(demoReportContents(report.schemeDef)).filter((k) => k.startsWith("criterion:"))[6];
    const base = versions[key].version;
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        saveSection(t.db, i % 2 ? lead : editor, { reportId, key, baseVersion: base, content: { ...contents[key], narrative: richFromTokens(`第 ${i} 次保存`) } }),
      ),
    );
    const won = outcomes.filter((o) => o.ok);
    expect(won).toHaveLength(1);
    for (const o of outcomes) if (!o.ok) expect(o.conflict.version).toBe(base + 1);
    const saved = (await loadReport(t.db, editor, reportId)).contents[key] as { narrative: unknown };
    expect(saved.narrative).toEqual(richFromTokens(`第 ${outcomes.findIndex((o) => o.ok)} 次保存`));
    await expectExact();
  });
}

describe.each(TEST_PROVIDERS)("derived report figures on %s", (provider) => concurrentSaves(useDemoDb(provider)));

const noPgBouncer = pgBouncerUnavailable();
if (noPgBouncer) console.warn(noPgBouncer);

describe.skipIf(noPgBouncer !== null)("derived report figures on postgresql through PgBouncer (transaction mode)", () => {
  let bouncer: PgBouncer;
  beforeAll(async () => {
    bouncer = await startPgBouncer();
  });
  afterAll(async () => bouncer?.stop());
  concurrentSaves(useDemoDb("postgresql", { through: () => bouncer.through }));
});
