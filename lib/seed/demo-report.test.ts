import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { SECTION_CONTENT, type SectionContent, type TMetaContent, type TNarrativeContent, type TNextStepsContent, type TProblemsContent } from "@/lib/report/content";
import { renderRich } from "@/lib/report/figures";
import { allValues, fieldId, reportState } from "@/lib/report/precheck";
import { FIGURE_PLACEHOLDER, findProseConflicts } from "@/lib/report/prose-conflicts";
import { figureKeysIn, richToPlain, type TRichText } from "@/lib/report/rich-text";
import { criterionKey, sectionsOf, type SectionDef } from "@/lib/report/sections";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { WENXI_2021_FIGURES } from "@/lib/template/schemes/shanxi-2021/wenxi-figures";
import { demoReportContents } from "@/lib/seed/demo-report";

const scheme = SHANXI_2021_COUNTY;
const sections = sectionsOf(scheme);
const contents = demoReportContents(scheme);
const values = allValues(contents);
const computed = computeIndicators(scheme, values);
const render = (text: TRichText) => renderRich(text, scheme, computed, values);
/** A one-line field as a text without figures. */
const plain = (text: string): TRichText => [{ p: [text] }];

/** Every piece of prose a section holds, labelled for failure messages. */
function textsOf(def: SectionDef, content: SectionContent): [string, TRichText][] {
  if (def.kind === "meta") {
    const c = content as TMetaContent;
    return [[`${def.key}.title`, plain(c.title)], [`${def.key}.preamble`, c.preamble]];
  }
  if (def.kind === "narrative") {
    const c = content as TNarrativeContent;
    return [[`${def.key}.narrative`, c.narrative], ...Object.entries(c.subpoints).map(([code, text]): [string, TRichText] => [`${def.key}.${code}`, text])];
  }
  if (def.kind === "problems") {
    const c = content as TProblemsContent;
    return [
      [`${def.key}.intro`, c.intro],
      ...c.items.flatMap((p): [string, TRichText][] => [
        [`${p.id}.title`, plain(p.title)],
        [`${p.id}.detail`, p.detail],
        ...p.measures.flatMap((m): [string, TRichText][] => [[`${m.id}.text`, m.text], [`${m.id}.leadUnit`, plain(m.leadUnit)], [`${m.id}.owner`, plain(m.owner)]]),
      ]),
    ];
  }
  const c = content as TNextStepsContent;
  return [[`${def.key}.intro`, c.intro], ...c.items.flatMap((item): [string, TRichText][] => [[`${item.id}.heading`, plain(item.heading)], [`${item.id}.body`, item.body]])];
}
/** The text as typed, with figures as a placeholder (what the prose checks read). */
const typed = (text: TRichText) => richToPlain(text, () => FIGURE_PLACEHOLDER);

const allTexts = sections.flatMap((def) => textsOf(def, contents[def.key]));
const narrativeOf = (code: string) => contents[criterionKey(code)] as TNarrativeContent;

describe("the demo report (闻喜县 2021)", () => {
  it("has content for every section of the scheme, and nothing else", () => {
    expect(Object.keys(contents).sort()).toEqual(sections.map((s) => s.key).sort());
    expect(sections).toHaveLength(1 + 1 + 12 + 2);
  });

  it("passes each section's content schema unchanged", () => {
    for (const def of sections) {
      expect(SECTION_CONTENT[def.kind].parse(contents[def.key]), def.key).toEqual(contents[def.key]);
    }
  });

  it("keeps the title, issuer, date and a preamble citing the notice", () => {
    const meta = contents.meta as TMetaContent;
    expect(meta.title).toBe("闻喜县人民政府办公室关于履行教育职责评价工作的自评报告");
    expect(meta.issuer).toBe("闻喜县人民政府办公室");
    expect(meta.date).toBe("2021-11-10");
    expect(typed(meta.preamble)).toContain("《山西省人民政府教育督导委员会关于印发〈2021年对市县级政府履行教育职责的评价方案〉的通知》（晋政教督〔2021〕1号）");
    expect(typed(meta.preamble).endsWith("现将有关情况报告如下：")).toBe(true);
  });

  it("fills every input of every section with the Wenxi figures", () => {
    for (const def of sections.filter((s) => s.inputs.length)) {
      const c = contents[def.key] as TNarrativeContent;
      expect(Object.keys(c.values).sort(), def.key).toEqual(def.inputs.map((i) => i.key).sort());
      for (const input of def.inputs) expect(c.values[input.key], input.key).toBe(WENXI_2021_FIGURES[input.key]);
    }
  });

  it("writes every sub-point of every criterion", () => {
    for (const criterion of scheme.criteria) {
      const c = narrativeOf(criterion.code);
      expect(typed(c.narrative).trim(), criterion.code).not.toBe("");
      expect(Object.keys(c.subpoints).sort(), criterion.code).toEqual(criterion.subpoints.map((s) => s.code).sort());
    }
  });

  it("is complete except for the profile, which keeps the county's 193 schools against 194 by type", () => {
    const state = reportState(scheme, contents);
    expect(state.findings).toEqual([
      {
        sectionKey: "profile",
        field: fieldId("profile", "check-school_types_sum"),
        message: "基本情况：各类学校数之和 194 与学校总数 193 不一致",
        severity: "error",
        // It can be answered with a 情况说明 instead of a changed figure (lib/report/explanations.ts).
        explain: { sectionKey: "profile", target: "check:school_types_sum", text: null, state: "open", review: null },
      },
    ]);
    expect(state.sections.filter((s) => !s.complete).map((s) => s.key)).toEqual(["profile"]);
    // A failed check is an error, so the profile counts as unfinished: 16 of 17 sections.
    expect(state.completeness).toBe(Math.round(((sections.length - 1) / sections.length) * 100));
  });

  it("reaches 100% with no findings once the school count is corrected to 194 (in both places it is used)", () => {
    const profile = contents.profile as TNarrativeContent;
    const supervision = contents[criterionKey("supervision_reform")] as TNarrativeContent;
    const corrected = {
      ...contents,
      profile: { ...profile, values: { ...profile.values, school_total: 194 } },
      // 挂牌督导 covers every school (园): same base as the total, or the coverage drops below 100%.
      [criterionKey("supervision_reform")]: { ...supervision, values: { ...supervision.values, supervised_schools: 194 } },
    };
    const state = reportState(scheme, corrected);
    expect(state.findings).toEqual([]);
    expect(state.completeness).toBe(100);
  });

  it("lists the unmet 民办义务教育 share as problem （七）, the others as self-found", () => {
    const problems = contents.problems as TProblemsContent;
    expect(problems.items.map((p) => p.id)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6", "p7"]);
    expect(problems.items[6]).toMatchObject({ criterionCode: "private_compulsory", indicatorKey: "private_compulsory_share", source: "indicator" });
    expect(problems.items.slice(0, 6).every((p) => p.source === "self" && p.indicatorKey === null)).toBe(true);
    expect(computed.indicators.private_compulsory_share.status).toBe("unmet");
    const codes = new Set(scheme.criteria.map((c) => c.code));
    for (const p of problems.items) {
      expect(codes.has(p.criterionCode ?? ""), p.id).toBe(true);
      expect(p.measures.length, p.id).toBeGreaterThan(0);
      p.measures.forEach((m, j) => {
        expect(m.id).toBe(`${p.id}m${j + 1}`);
        expect(m.leadUnit && m.partnerUnits && m.owner, m.id).toBeTruthy();
        expect(m.deadline, m.id).toMatch(/^\d{4}-\d{2}$/);
      });
    }
    const nextSteps = contents.next_steps as TNextStepsContent;
    expect(nextSteps.items).toHaveLength(3);
    expect(nextSteps.commitments).toEqual([]);
  });

  it("renders every figure to a value", () => {
    for (const [where, text] of allTexts) {
      for (const key of figureKeysIn(text)) expect(computed.indicators[key] ?? values[key], `${where}: ${key}`).toBeDefined();
      const rendered = render(text);
      expect(rendered, where).not.toMatch(/【未知数据|【未填写/);
      expect(rendered, where).not.toContain("{{");
    }
    expect(figureKeysIn((contents.profile as TNarrativeContent).narrative).length).toBeGreaterThanOrEqual(5);
  });

  it("prints the computed rates from the data rather than typed numbers", () => {
    const preschool = narrativeOf("preschool").subpoints;
    expect(render(preschool.gross_enrolment)).toContain("学前三年毛入园率为99.82%");
    expect(render(preschool.public_share)).toContain("公办园在园幼儿占比为55.77%");
    expect(render(preschool.inclusive_coverage)).toContain("普惠性幼儿园覆盖率达到100%");
    expect(render(narrativeOf("private_compulsory").narrative)).toContain("民办义务教育在校生占比为17.25%，其中小学阶段12.31%、初中阶段29.91%");
    expect(render(narrativeOf("education_funding").subpoints.two_no_decrease)).toContain("增长62.93%");
    expect(render((contents.profile as TNarrativeContent).narrative)).toContain("公办、民办各级各类学校（园）193所，教职工3877人，在校学生55875人");
    const numbers = allTexts.filter(([, text]) => /99\.82|55\.77|17\.25|12\.31|29\.91|62\.93|2\.25%|82\.3|88%/.test(typed(text)));
    expect(numbers.map(([where]) => where)).toEqual([]);
  });

  it("contains no placeholder words", () => {
    for (const [where, text] of allTexts) expect(typed(text), where).not.toMatch(/TODO|xxx|XX|待补充|示例/i);
  });

  it("gives the prose checks nothing to complain about", () => {
    for (const [where, text] of allTexts) expect(findProseConflicts(typed(text), scheme, computed, values), where).toEqual([]);
  });

  it("hands out fresh objects on every call", () => {
    const a = demoReportContents(scheme);
    (a.profile as TNarrativeContent).values.school_total = 194;
    (a.next_steps as TNextStepsContent).items.pop();
    expect((demoReportContents(scheme).profile as TNarrativeContent).values.school_total).toBe(193);
    expect((demoReportContents(scheme).next_steps as TNextStepsContent).items).toHaveLength(3);
  });
});

describe("the seeded demo report", () => {
  it("is stored through the save path: every section saved, 闻喜县 2021, nearly complete", async () => {
    const { createTestDb } = await import("@/lib/testing/db");
    const { seedDemo } = await import("@/lib/seed/demo");
    const t = await createTestDb("sqlite");
    try {
      await seedDemo(t.db);
      const report = await t.db.report.findFirstOrThrow({ include: { county: true, sections: true } });
      expect(report.county.name).toBe("闻喜县");
      expect(report.year).toBe(2021);
      expect(report.sections).toHaveLength(sectionsOf(SHANXI_2021_COUNTY).length);
      expect(report.completeness).toBe(94);
      expect(report.problemCount).toBe(1);
    } finally {
      await t.cleanup();
    }
  });
});
