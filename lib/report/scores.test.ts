// The score sheet of a scored scheme as the editor, the precheck and the Word file read it: sums exact per group and
// in total, grades by share of the total, veto effects (cap, zero), score rules from indicators, the save refusing
// a score above 满分, and the precheck asking for 评分依据 when points are deducted.
import { describe, expect, it } from "vitest";
import { COUNTY_DUTY_2023_SCORED as scheme } from "@/lib/template/schemes/county-duty-2023-scored";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import { defineScheme } from "@/lib/template/validate-scheme";
import { testScheme } from "@/lib/template/test-scheme";
import { emptyContent, type SectionContent, type TVetoAnswer, type TVetoContent } from "@/lib/report/content";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { sectionContentErrors } from "@/lib/report/content-rules";
import { reportState } from "@/lib/report/precheck";
import { scoreText } from "@/lib/report/scores";
import { sectionByKey } from "@/lib/report/sections";
import type { TSchoolRow } from "@/lib/schools/rows";

const c1 = "criterion:c1_main_responsibility";
const c2 = "criterion:c2_management";
const narrative = (score: number | null, scoreBasis = ""): SectionContent => ({ ...emptyContent.narrative(), score, scoreBasis });
const answer = (a: "是" | "否"): TVetoAnswer => ({ answer: a, explanation: "", evidence: "", evidenceIds: [] });
const vetoes = (overrides: Record<string, "是" | "否"> = {}): SectionContent => ({
  ...emptyContent.veto(),
  answers: Object.fromEntries(scheme.vetoes.map((v) => [v.key, answer(overrides[v.key] ?? "否")])),
});

describe("the scored 2023 excerpt", () => {
  it("sums item scores exactly per group and in total, and grades by share of the 3 points", () => {
    const state = reportState(scheme, { [c1]: narrative(1.8, "协同机制未覆盖全部部门"), [c2]: narrative(0.9, "章程修订未完成"), caps: vetoes() });
    const sheet = state.scores!;
    expect(sheet.groups.map((g) => [g.title, scoreText(g.sum)])).toEqual([
      ["统筹管理", "1.8"],
      ["依法治教", "0.9"],
    ]);
    expect(scoreText(sheet.total)).toBe("2.7"); // 1.8 + 0.9, not 2.7000000000000002
    expect(sheet.grade).toEqual({ key: "excellent", label: "优秀" }); // 2.7 / 3 = 90%
    expect(sheet.sentence).toBe("自评总得分为 2.7 分（满分 3 分），自评等次为优秀。");
    const lower = reportState(scheme, { [c1]: narrative(1.8, "x"), [c2]: narrative(0.8, "y"), caps: vetoes() }).scores!;
    expect(lower.grade?.label).toBe("良好"); // 2.6 / 3 = 86.7%
  });

  it("leaves the grade open until every item is scored and every cap is answered", () => {
    const partial = reportState(scheme, { [c1]: narrative(2), caps: vetoes() }).scores!;
    expect(partial).toMatchObject({ complete: false, open: 1, grade: null });
    expect(partial.sentence).toBe("自评得分尚未完成（还有 1 项未评分），目前合计 2 分（满分 3 分）。");
    const unanswered = reportState(scheme, { [c1]: narrative(2), [c2]: narrative(1) }).scores!;
    expect(unanswered).toMatchObject({ complete: true, pendingVetoes: 3, grade: null });
  });

  it("caps the grade at 良好 when a 宁夏 condition is answered “是”, without blocking the submission", () => {
    const state = reportState(scheme, { [c1]: narrative(2), [c2]: narrative(1), caps: vetoes({ major_accident: "是" }) });
    expect(state.scores?.grade?.label).toBe("良好");
    const finding = state.findings.find((f) => f.sectionKey === "caps")!;
    expect(finding).toMatchObject({ severity: "warning", message: "“近2年是否发生重大以上校园安全责任事故”回答为“是”：按方案规定，等次最高评定为“良好”" });
  });

  it("prints every cap question with its answer in the Word text, and the effect and a group without declared points in the 自评得分表", () => {
    const caps = vetoes({ major_accident: "是" }) as TVetoContent;
    caps.answers.major_accident = { ...caps.answers.major_accident, explanation: "2022年发生一起校园安全责任事故，已依法处理", evidence: "事故调查报告" };
    caps.answers.major_violation = { ...caps.answers.major_violation, answer: null };
    const vm = buildReportViewModel({ scheme, contents: { [c1]: narrative(1.8, "x"), [c2]: narrative(1), caps }, countyName: "示例县" });
    const part = vm.parts.find((p) => p.heading.endsWith("不得评定为优秀的情形"))!;
    expect(part.blocks.map((b) => b.text)).toEqual([
      "1.当年度行政区域内是否存在教师、学生在D级危房内学习、工作和生活的情况：否。",
      "2.近2年是否发生重大以上校园安全责任事故：是。2022年发生一起校园安全责任事故，已依法处理（佐证材料：事故调查报告）",
      "3.近2年是否出现重大违法违纪案件且影响恶劣：未作答。",
    ]);
    const annex = vm.annexes.scores!;
    expect(annex.rows.filter((r) => r.kind === "subtotal").map((r) => [r.item, r.max, r.score])).toEqual([
      ["（一）统筹管理 小计", "—", "1.8"],
      ["（二）依法治教 小计", "—", "1"],
    ]);
    expect(annex.notes).toContain("“近2年是否发生重大以上校园安全责任事故”回答为“是”，按方案规定等次最高为良好。");
  });

  it("refuses on save a score above 满分 or off the 0.1 step, and asks for 评分依据 when points are deducted", () => {
    const def = sectionByKey(scheme, c1)!;
    expect(sectionContentErrors(def, { ...emptyContent.narrative(), score: 2.5 })).toEqual({ score: ["自评得分不能超过满分 2 分"] });
    expect(sectionContentErrors(def, { ...emptyContent.narrative(), score: 1.85 })).toEqual({ score: ["得分应为 0.1 分的整数倍（按 0.1 分递减计分）"] });
    expect(sectionContentErrors(def, { ...emptyContent.narrative(), score: 1.9 })).toEqual({});
    const state = reportState(scheme, { [c1]: narrative(1.9), [c2]: narrative(1) });
    expect(state.findings.filter((f) => f.field.endsWith("scoreBasis")).map((f) => f.message)).toEqual(["主体责任：扣了 0.1 分，请写明评分依据"]);
    expect(state.findings.some((f) => f.sectionKey === c2 && f.field.includes("score"))).toBe(false); // full marks need no reason
  });
});

describe("score rules and veto effects in a synthetic scheme", () => {
  const inputs = [
    { key: "enrolled", label: "在园幼儿", kind: "integer" as const },
    { key: "cohort", label: "适龄人口", kind: "integer" as const },
    { key: "public_share_in", label: "公办占比", kind: "decimal" as const },
  ];
  const indicators = [
    { key: "gross", label: "毛入园率", unit: "%", formula: { op: "percent" as const, num: "enrolled", den: "cohort" }, target: { op: ">=" as const, value: 85 } },
    { key: "public", label: "公办园在园幼儿占比", unit: "%", formula: { op: "value" as const, of: "public_share_in" }, target: { op: ">=" as const, value: 50 } },
  ];
  const s = defineScheme(
    testScheme(
      { inputs, indicators, maxScore: 10, scoreRule: { deductPerUnmet: 4, zeroIf: { veto: "fake" } } },
      {
        parts: [...testScheme().parts, { key: "veto", kind: "veto", title: "否决" }],
        criteria: [
          { code: "only", ordinal: 1, title: "学前", guidance: "写。", inputs, indicators, maxScore: 10, scoreRule: { deductPerUnmet: 4, zeroIf: { veto: "fake" } } },
          { code: "other", ordinal: 2, title: "其他", guidance: "写。", maxScore: 90 },
        ],
        scoring: { total: 100, grades: [{ key: "a", label: "达标", min: 60 }, { key: "b", label: "不达标" }] },
        vetoes: [
          { key: "fake", question: "是否弄虚作假", effect: "zeroScore" },
          { key: "block", question: "是否存在重大事故" },
        ],
        results: [
          {
            key: "level",
            title: "普及普惠水平",
            otherwise: "未达到巩固标准",
            levels: [
              { key: "top", label: "创优", when: { allOf: [{ indicator: "gross" }, { indicator: "public" }, { score: { atLeastPercent: 90 } }] } },
              { key: "mid", label: "巩固", when: { atLeast: 1, of: [{ indicator: "gross" }, { indicator: "public" }] } },
            ],
          },
        ],
      },
    ),
  );
  const veto = (fake: "是" | "否"): SectionContent => ({ ...emptyContent.veto(), answers: { fake: answer(fake), block: answer("否") } });
  const figures = (gross: number, share: number): SectionContent => ({ ...emptyContent.narrative(), values: { enrolled: gross, cohort: 100, public_share_in: share } });

  it("derives the item's score from its indicators: full marks, a deduction per shortfall, open while figures are missing", () => {
    const at = (content: SectionContent | undefined) => reportState(s, { "criterion:only": content, "criterion:other": narrative(80), veto: veto("否") }).scores!.items[0];
    expect(at(figures(90, 60))).toMatchObject({ source: "rule", note: "各项指标均达标，得满分" });
    expect(scoreText(at(figures(90, 60)).score!)).toBe("10");
    expect(scoreText(at(figures(80, 60)).score!)).toBe("6");
    expect(scoreText(at(figures(80, 40)).score!)).toBe("2");
    expect(at(undefined)).toMatchObject({ score: null, note: "待相关数据填写完整后自动计分" });
    // The save refuses a typed score for a rule-derived item.
    expect(sectionContentErrors(sectionByKey(s, "criterion:only")!, { ...emptyContent.narrative(), score: 10 })).toEqual({ score: ["本项得分按方案规则由指标自动计算，不能手动填写"] });
  });

  it("zeroes the item by its zeroIf veto and the total by a zeroScore veto", () => {
    const state = reportState(s, { "criterion:only": figures(90, 60), "criterion:other": narrative(80), veto: veto("是") });
    expect(scoreText(state.scores!.items[0].score!)).toBe("0");
    expect(scoreText(state.scores!.total)).toBe("0");
    expect(state.scores!.grade?.label).toBe("不达标");
    expect(state.scores!.sentence).toBe("存在一票否决情形，自评总得分计为 0 分（各项合计 80 分，满分 100 分），自评等次为不达标。");
  });

  it("decides graded results by combined conditions, including the total", () => {
    const result = (gross: number, share: number, other: number) =>
      reportState(s, { "criterion:only": figures(gross, share), "criterion:other": narrative(other), veto: veto("否") }).results[0];
    expect(result(90, 60, 85)).toMatchObject({ label: "创优", decided: true }); // 95 of 100
    expect(result(90, 60, 70)).toMatchObject({ label: "巩固" }); // 80 of 100: not 90%
    expect(result(80, 40, 85)).toMatchObject({ label: "未达到巩固标准" });
    expect(reportState(s, { "criterion:other": narrative(85) }).results[0]).toMatchObject({ decided: false, best: "创优" });
  });
});

describe("优质均衡 v2: county figures counted from the per-school ceilings", () => {
  const row = (name: string, type: string, stage: string, pupils: number, maxClass: number): TSchoolRow => ({
    name,
    type,
    stage,
    values: { pupils, qualified_teachers: pupils / 20, backbone_teachers: pupils / 50, pe_art_teachers: pupils / 50, teaching_area: pupils * 6, sports_area: pupils * 11, equipment_value: pupils * 2600, multimedia_rooms: pupils / 40, max_class_size: maxClass },
  });
  it("counts oversized schools (九年一贯制 by its two rows against 2500) and schools with an oversized class", () => {
    const rows = [row("城关小学", "primary_school", "primary", 2100, 44), row("联合学校", "nine_year", "primary", 1400, 46), row("联合学校", "nine_year", "junior", 1000, 50), row("一中", "junior_school", "junior", 1800, 52)];
    const state = reportState(QUALITY_BALANCE_2017_COUNTY, { "table:school_resources": { ...emptyContent.schoolTable(), rows } });
    expect(state.computed.indicators.oversized_schools_count).toMatchObject({ display: "1所", status: "unmet" }); // 城关小学 2100 > 2000; 联合学校 2400 ≤ 2500
    expect(state.computed.indicators.oversized_class_schools_count).toMatchObject({ display: "2所", status: "unmet" }); // 联合学校（小学）46 > 45, 一中 52 > 50
    expect(state.tables.school_resources.limits.map((l) => [l.label, l.unmet])).toEqual([
      ["学校规模", ["城关小学"]],
      ["班额", ["联合学校（小学）", "一中"]],
    ]);
    const empty = reportState(QUALITY_BALANCE_2017_COUNTY, {});
    expect(empty.computed.indicators.oversized_schools_count.status).toBe("missing");
  });
});
