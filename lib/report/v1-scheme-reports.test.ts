// A report written under a scheme stored before model v2 opens unchanged (issue 15): with the v1 row of the Shanxi
// scheme as the database holds it (lib/template/fixtures), the demo report and the hand-written old report
// (lib/report/testing/old-format, content format 1) give the same completeness, the same blocking findings, the same
// figures and the same Word view model as the code before scheme model v2 and the content migration printed
// (precheck-v1.expected.json and *-v1.expected.json were recorded by commit 01c9746).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { reportState } from "@/lib/report/precheck";
import type { SectionContents } from "@/lib/report/precheck";
import { sectionsOf } from "@/lib/report/sections";
import { decodeSection } from "@/lib/report/stored";
import { validateScheme } from "@/lib/template/validate-scheme";

const read = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, file), "utf8"));
const stored = validateScheme(read("../template/fixtures/shanxi-2021-county.v1.json"));
if (!stored.ok) throw new Error(JSON.stringify(stored.errors));
const scheme = stored.scheme;
const defs = sectionsOf(scheme);
const recorded = read("testing/old-format/precheck-v1.expected.json");

describe.each(["demo-v1", "report-v1"])("%s under the stored Shanxi 2021 v1 scheme", (name) => {
  const fixture = read(`testing/old-format/${name}.json`);
  const contents: SectionContents = Object.fromEntries(
    defs.filter((d) => d.key in fixture.sections).map((d) => [d.key, decodeSection(d, JSON.stringify(fixture.sections[d.key]))]),
  );
  const before = recorded[name];

  it("has the same completeness and blocking findings, section by section", () => {
    const state = reportState(scheme, contents, { prose: false });
    expect(state.completeness).toBe(before.completeness);
    expect(state.errors).toBe(before.errors);
    expect(state.sections.map((s) => ({ key: s.key, complete: s.complete }))).toEqual(before.sections);
    expect(state.findings.map((f) => ({ sectionKey: f.sectionKey, field: f.field, message: f.message, severity: f.severity }))).toEqual(before.findings);
    // v1 has no scores or graded results: none appear.
    expect(state.scores).toBeNull();
    expect(state.results).toEqual([]);
  });

  it("computes every indicator to the same display and verdict", () => {
    const { computed } = reportState(scheme, contents, { prose: false });
    const now = Object.fromEntries(Object.entries(computed.indicators).map(([k, r]) => [k, { display: r.display, status: r.status }]));
    expect(now).toEqual(before.indicators);
  });

  it("builds the same Word view model", () => {
    const vm = buildReportViewModel({ scheme, contents, countyName: fixture.countyName });
    expect(JSON.parse(JSON.stringify(vm))).toEqual(read(`testing/old-format/${name}.expected.json`).viewModel);
  });
});
