import { describe, expect, it } from "vitest";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import { PRESCHOOL_2020_COUNTY } from "@/lib/template/schemes/preschool-2020";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { SECTION_CONTENT, emptyContent, type SectionContent, type TProblemsContent, type TSchoolTableContent, type TVetoContent } from "@/lib/report/content";
import { defaultMeta } from "@/lib/report/defaults";
import { reportState } from "@/lib/report/precheck";
import { parseSectionContent } from "@/lib/report/server/save-section";
import { sectionByKey, sectionsOf } from "@/lib/report/sections";
import { sectionsForReview, vetoAnswers } from "@/lib/report/veto";
import { contentAsText } from "@/lib/report/as-text";
import type { TSchoolRow } from "@/lib/schools/rows";

const scheme = QUALITY_BALANCE_2017_COUNTY;
const row = (name: string, pupils: number, overrides: Record<string, number | null> = {}): TSchoolRow => ({
  name,
  type: "primary_school",
  stage: "primary",
  values: { pupils, qualified_teachers: Math.ceil(pupils / 20), backbone_teachers: Math.ceil(pupils / 80), pe_art_teachers: Math.ceil(pupils / 100), teaching_area: 5 * pupils, sports_area: 8 * pupils, equipment_value: 2100 * pupils, multimedia_rooms: Math.ceil(pupils / 40), ...overrides },
});
const table = (rows: TSchoolRow[]): TSchoolTableContent => ({ v: 2, rows, source: null });
const findings = (contents: Record<string, SectionContent>) => reportState(scheme, contents, { prose: false }).findings.map((f) => f.message);

describe("sections of the 优质均衡 scheme", () => {
  it("puts the school table right after its criterion and the veto part before the problems", () => {
    const keys = sectionsOf(scheme).map((s) => `${s.key}:${s.kind}`);
    expect(keys).toEqual([
      "meta:meta",
      "profile:narrative",
      "criterion:resource_allocation:narrative",
      "table:school_resources:schoolTable",
      "criterion:government_support:narrative",
      "criterion:education_quality:narrative",
      "criterion:social_recognition:narrative",
      "veto:veto",
      "problems:problems",
      "next_steps:nextSteps",
    ]);
    expect(sectionByKey(scheme, "table:school_resources")).toMatchObject({ heading: "义务教育学校资源配置情况表", partHeading: "二、评估指标达成情况" });
    expect(sectionByKey(scheme, "veto")).toMatchObject({ heading: "三、一票否决事项自查情况" });
  });

  it("leaves the Shanxi 2021 scheme's sections unchanged (no tables, no vetoes)", () => {
    expect(sectionsOf(SHANXI_2021_COUNTY).some((s) => s.kind === "schoolTable" || s.kind === "veto")).toBe(false);
    expect(SHANXI_2021_COUNTY.tables).toEqual([]);
  });

  it("gives reviewers the veto answers first", () => {
    expect(sectionsForReview(scheme).map((s) => s.key).slice(0, 3)).toEqual(["meta", "veto", "profile"]);
  });

  it("titles the report after the scheme's subject", () => {
    expect(defaultMeta(scheme, "闻喜县").title).toBe("闻喜县人民政府办公室关于县域义务教育优质均衡发展督导评估的自评报告");
    expect(JSON.stringify(defaultMeta(PRESCHOOL_2020_COUNTY, "闻喜县").preamble)).toContain("（教督〔2020〕1号）要求，我县对照普及普惠水平");
    expect(defaultMeta(SHANXI_2021_COUNTY, "闻喜县").title).toBe("闻喜县人民政府办公室关于履行教育职责评价工作的自评报告");
  });
});

describe("saving a school table or veto answers", () => {
  const tableDef = sectionByKey(scheme, "table:school_resources")!;
  const vetoDef = sectionByKey(scheme, "veto")!;

  it("validates by section kind, with defaults", () => {
    expect(SECTION_CONTENT.schoolTable.parse({ rows: [] })).toEqual(emptyContent.schoolTable());
    expect(parseSectionContent(tableDef, table([row("甲", 500)]))).toEqual(table([row("甲", 500)]));
    expect(parseSectionContent(vetoDef, { answers: { falsification: { answer: "否", explanation: "", evidence: "" } } })).toEqual({
      v: 2,
      answers: { falsification: { answer: "否", explanation: "", evidence: "", evidenceIds: [] } },
    });
  });

  it("refuses unknown columns, bad numbers, wrong stages and unknown veto items, per field", () => {
    const bad = (content: unknown, def = tableDef) => {
      try {
        parseSectionContent(def, content);
      } catch (error) {
        return [(error as Error).message, (error as { fieldErrors?: unknown }).fieldErrors];
      }
      throw new Error("expected a refusal");
    };
    expect(bad(table([row("甲", 500, { lunch_count: 3 })]))).toEqual(["数据有误，未保存：第 1 行：表格中没有「lunch_count」这一列", { "rows.0.values.lunch_count": ["第 1 行：表格中没有「lunch_count」这一列"] }]);
    expect(bad(table([row("甲", 500.5)]))[0]).toBe("数据有误，未保存：第 1 行「学生数」：应为整数");
    expect(bad(table([{ ...row("甲", 500), stage: "junior" }]))[0]).toBe("数据有误，未保存：第 1 行：小学的学段应为「小学」");
    expect(bad({ answers: { bribery: { answer: "否", explanation: "", evidence: "" } } }, vetoDef)[0]).toBe("数据有误，未保存：没有「bribery」这一否决事项");
    expect(bad({ answers: { falsification: { answer: "也许", explanation: "", evidence: "" } } }, vetoDef)[0]).toBe("内容有误，未保存：请选择“是”或“否”");
  });
});

describe("precheck of school tables and vetoes", () => {
  it("asks for the table, names incomplete rows, and exposes the table result", () => {
    const contents = { "table:school_resources": table([row("甲", 500), row("乙", 300, { sports_area: null })]) };
    const state = reportState(scheme, contents, { prose: false });
    expect(state.findings.map((f) => f.message)).toContain("义务教育学校资源配置情况表：第 2 行「乙」无法计算：缺少「体育运动场馆面积」");
    expect(state.tables.school_resources.cvs.find((c) => c.indicator === "sports_area_per_pupil")?.status).toBe("missing");
    expect(findings({})).toContain("义务教育学校资源配置情况表：尚未填写或导入学校数据");
  });

  it("requires failing schools and CVs to be listed as problems", () => {
    const rows = [row("甲", 500, { sports_area: 1000 }), row("乙", 500, { sports_area: 10000 })];
    const before = findings({ "table:school_resources": table(rows) });
    expect(before).toContain("小学「生均体育运动场馆面积」差异系数为 0.818，高于 0.5，须在“存在问题和改进措施”中列为问题并提出措施，或作出情况说明");
    expect(before.some((m) => m.startsWith("义务教育学校资源配置情况表：1 所学校资源配置未达标（「甲」）"))).toBe(true);
    const problem = (indicatorKey: string) => ({ id: indicatorKey, title: "问题", detail: [], criterionCode: null, indicatorKey, source: "indicator" as const, measures: [] });
    const problems: TProblemsContent = { ...emptyContent.problems(), items: [problem("school_resources:schools"), problem("school_resources:cv:sports_area_per_pupil:primary")] };
    const after = findings({ "table:school_resources": table(rows), problems });
    expect(after.some((m) => m.includes("差异系数为 0.818"))).toBe(false);
  });

  it("blocks on unanswered veto items and on a “是”, and lists triggered answers first", () => {
    const answers: TVetoContent = {
      v: 2,
      answers: {
        exam_admission: { answer: "否", explanation: "", evidence: "", evidenceIds: [] },
        falsification: { answer: "是", explanation: "统计数据有误", evidence: "", evidenceIds: [] },
      },
    };
    const messages = findings({ veto: answers });
    expect(messages).toContain("一票否决事项“是否存在弄虚作假行为”回答为“是”：存在否决情形，不能通过评估认定。如确属误选，请改为“否”并说明情况");
    expect(messages).toContain("一票否决事项“是否存在违规择校行为”尚未作答");
    expect(messages.filter((m) => m.startsWith("一票否决事项"))).toHaveLength(5);
    expect(vetoAnswers(scheme, { veto: answers }).map((v) => [v.key, v.status])).toEqual([
      ["falsification", "triggered"],
      ["illegal_school_choice", "unanswered"],
      ["key_schools_classes", "unanswered"],
      ["unfilled_posts", "unanswered"],
      ["major_accident", "unanswered"],
      ["exam_admission", "clear"],
    ]);
    const words = { figure: (key: string) => key, label: (key: string) => key };
    expect(contentAsText(sectionByKey(scheme, "veto")!, answers, words)).toContain("是否存在弄虚作假行为：是\n说明：统计数据有误");
  });
});
