// Content saved before rich text (format 1) opens, exports and redlines unchanged in meaning. The fixtures in
// lib/report/testing/old-format are format-1 rows (the demo as every database seeded before holds it, and a report
// written by hand with the edge cases: tokens for empty and unknown figures, blank lines, indents, Windows line
// ends); the *.expected.json files hold what the code before the migration printed from them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { contentAsText } from "@/lib/report/as-text";
import { evaluateReport } from "@/lib/report/evaluate";
import { figureWords } from "@/lib/report/figure-words";
import { SECTION_CONTENT, emptyContent, type SectionContent } from "@/lib/report/content";
import { CONTENT_VERSION, migrateSectionContent, richFromTokens } from "@/lib/report/migrate";
import type { SectionContents } from "@/lib/report/precheck";
import { sectionsOf } from "@/lib/report/sections";
import { decodeSection } from "@/lib/report/stored";
import { redline } from "@/lib/review/workflow/server/redline";
import { parseSectionContent } from "@/lib/report/server/save-section";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const scheme = SHANXI_2021_COUNTY;
const defs = sectionsOf(scheme);
const dir = path.join(import.meta.dirname, "testing/old-format");
const read = (name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8"));

/** Format-1 sections as stored rows are read: JSON text through the decoder. */
function decodeAll(sections: Record<string, unknown>): SectionContents {
  return Object.fromEntries(defs.filter((d) => d.key in sections).map((d) => [d.key, decodeSection(d, JSON.stringify(sections[d.key]))]));
}
function texts(contents: SectionContents): Record<string, string> {
  const words = figureWords(scheme, evaluateReport(scheme, contents));
  return Object.fromEntries(defs.map((d) => [d.key, contentAsText(d, contents[d.key] ?? emptyContent[d.kind](), words)]));
}
/** The one difference allowed: a "\r" of a Windows line end is gone from the plain-text views. */
const unixLines = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.replace(/\r\n?/g, "\n")]));

describe("format-1 prose as rich text", () => {
  it("keeps every line as a paragraph and every token as a figure with the same key", () => {
    expect(richFromTokens("学校{{figure:school_total}}，教职工{{figure:staff_total}}。\n\n  其中高中{{figure:schools_senior_high}}")).toEqual([
      { p: ["学校", { f: "school_total" }, "，教职工", { f: "staff_total" }, "。"] },
      { p: [] },
      { p: ["  其中高中", { f: "schools_senior_high" }] },
    ]);
    expect(richFromTokens("a\r\nb\rc")).toEqual([{ p: ["a"] }, { p: ["b"] }, { p: ["c"] }]);
    expect(richFromTokens("")).toEqual([]);
    // Only well-formed tokens were ever figures; anything else is text.
    expect(richFromTokens("{{figure:a b}} {figure:x}{{figure:}}")).toEqual([{ p: ["{{figure:a b}} {figure:x}", { f: "" }] }]);
  });

  it("brings every kind of section up to the current version and leaves current content alone", () => {
    for (const def of defs) {
      const migrated = migrateSectionContent(def.kind, { ...emptyContent[def.kind](), v: undefined });
      expect(migrated, def.key).toMatchObject({ v: CONTENT_VERSION });
      const current = emptyContent[def.kind]();
      expect(migrateSectionContent(def.kind, current)).toBe(current);
    }
  });

  it("refuses content from a newer version, naming the section", () => {
    const def = defs.find((d) => d.key === "profile")!;
    expect(() => decodeSection(def, JSON.stringify({ ...emptyContent.narrative(), v: 99 }))).toThrow(/「一、基本情况」.*第 99 版.*请升级系统/);
  });

  it("accepts a format-1 save (a tab opened before the upgrade) and stores it in the current format", () => {
    const def = defs.find((d) => d.key === "criterion:preschool")!;
    const saved = parseSectionContent(def, { narrative: "毛入园率{{figure:preschool_gross_enrolment_rate}}。", subpoints: {}, values: { preschool_enrolled: 10736 }, score: null });
    expect(saved).toMatchObject({ v: CONTENT_VERSION, narrative: [{ p: ["毛入园率", { f: "preschool_gross_enrolment_rate" }, "。"] }], values: { preschool_enrolled: 10736 } });
  });
});

describe.each([
  ["the hand-written old report", "report-v1.json", "report-v1.expected.json"],
  ["the demo report as seeded before", "demo-v1.json", "demo-v1.expected.json"],
])("%s (content format 1)", (_name, file, expectedFile) => {
  const fixture = read(file);
  const expected = read(expectedFile);
  const contents = decodeAll(fixture.sections);

  it("decodes every section through the stored-content decoder", () => {
    expect(Object.keys(contents).sort()).toEqual(Object.keys(fixture.sections).sort());
    for (const [key, content] of Object.entries(contents)) {
      const def = defs.find((d) => d.key === key)!;
      expect((content as { v: number }).v, key).toBe(CONTENT_VERSION);
      // Decoding what was decoded changes nothing: the migration is a function of the stored bytes.
      expect(decodeSection(def, JSON.stringify(content)), key).toEqual(content);
      expect(SECTION_CONTENT[def.kind].parse(content), key).toEqual(content);
    }
  });

  it("exports the same Word view model as before the migration", () => {
    const vm = buildReportViewModel({ scheme, contents, countyName: fixture.countyName });
    expect(JSON.parse(JSON.stringify(vm))).toEqual(expected.viewModel);
  });

  it("reads the same in the history and the redline (figures filled in)", () => {
    expect(unixLines(texts(contents))).toEqual(unixLines(expected.texts));
  });
});

describe("the hand-written old report's redline between two format-1 submissions", () => {
  it("marks the same changes as before the migration", () => {
    const fixture = read("report-v1.json");
    const expected = read("report-v1.expected.json");
    const after = decodeAll(fixture.sections);
    const before = decodeAll({ ...fixture.sections, ...fixture.firstSubmission });
    const [a, b] = [texts(before), texts(after)];
    const changed = Object.keys(b).filter((k) => a[k] !== b[k]);
    expect(Object.fromEntries(changed.map((k) => [k, redline(a[k], b[k])]))).toEqual(expected.redline);
  });
});

describe("the demo report written today", () => {
  it("is the old demo migrated: same content, same Word file", () => {
    const old = decodeAll(read("demo-v1.json").sections);
    const today: Record<string, SectionContent> = demoReportContents(scheme);
    expect(today).toEqual(old);
  });
});
