import { describe, expect, it } from "vitest";
import { figureIndex, schemeChecks, schemeIndicators, schemeInputs } from "@/lib/template/lookup";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { WENXI_2021_FIGURES } from "@/lib/template/schemes/shanxi-2021/wenxi-figures";
import { validateScheme } from "@/lib/template/validate-scheme";

const scheme = SHANXI_2021_COUNTY;

describe("the shipped 2021 Shanxi county scheme", () => {
  it("survives a JSON round trip through validateScheme (as stored in the database)", () => {
    const result = validateScheme(JSON.parse(JSON.stringify(scheme)));
    expect(result).toEqual({ ok: true, scheme });
    expect(BUILTIN_SCHEMES).toContain(scheme);
  });

  it("answers 晋政教督〔2021〕1号 with flat numbering and the four standard parts", () => {
    expect(scheme.code).toBe("shanxi-2021-county");
    expect(scheme.notice.docNumber).toBe("晋政教督〔2021〕1号");
    expect(scheme.numbering).toBe("flat");
    expect(scheme.parts.map((p) => p.kind)).toEqual(["profile", "criteria", "problems", "nextSteps"]);
  });

  it("has the twelve items titled as the Wenxi report writes them", () => {
    expect(scheme.criteria.map((c) => c.title)).toEqual([
      "全面加强党对教育工作的领导情况",
      "深化新时代教育评价改革情况",
      "深化新时代教育督导体制机制改革情况",
      "财政教育支出情况",
      "中小学教师队伍建设情况",
      "义务教育学校布局优化及优质均衡发展情况",
      "规范民办义务教育发展情况",
      "实施县域普通高中振兴行动计划情况",
      "落实《山西省推进职业教育改革发展行动计划》情况",
      "学前教育普及普惠发展情况",
      "教育热点难点解决情况",
      "教育安全稳定情况",
    ]);
    const preschool = scheme.criteria[9];
    expect(preschool.subpoints.map((s) => s.title)).toEqual([
      "普惠性幼儿园建设和覆盖率完成情况",
      "学前三年毛入园率完成情况",
      "公办园在园幼儿占比完成情况",
    ]);
    expect(scheme.criteria[10].subpoints).toHaveLength(6);
    expect(scheme.criteria.every((c) => c.guidance.length > 20)).toBe(true);
  });

  it("stores the report's ratios as formulas with their targets", () => {
    const index = figureIndex(scheme);
    const indicator = (key: string) => {
      const f = index.get(key);
      if (f?.kind !== "indicator") throw new Error(`no indicator ${key}`);
      return f.indicator;
    };
    expect(indicator("preschool_gross_enrolment_rate").formula).toEqual({ op: "percent", num: "preschool_enrolled", den: "preschool_age_population" });
    expect(indicator("preschool_gross_enrolment_rate").target).toEqual({ op: ">=", value: 90 });
    expect(indicator("public_kindergarten_share").formula).toEqual({
      op: "percent",
      num: "public_kindergarten_enrolled",
      den: "preschool_enrolled_with_nursery",
    });
    expect(indicator("private_compulsory_share").target).toEqual({ op: "<=", value: 5 });
    expect(indicator("edu_expenditure_growth").formula.op).toBe("growth");
    expect(indicator("teacher_salary_parity").target).toEqual({ op: "yes" });
    expect(indicator("head_teacher_allowance").target).toEqual({ op: ">=", value: 500 });
    expect(indicator("safe_campus_rate").target).toEqual({ op: "=", value: 100 });
    expect(indicator("legal_vice_principal_rate").target).toEqual({ op: "=", value: 100 });
    expect(schemeChecks(scheme).map((c) => c.key)).toContain("school_types_sum");
  });

  it("has Wenxi demo figures for exactly its inputs", () => {
    const inputKeys = schemeInputs(scheme).map((i) => i.key).sort();
    expect(Object.keys(WENXI_2021_FIGURES).sort()).toEqual(inputKeys);
    for (const input of schemeInputs(scheme)) {
      expect(typeof WENXI_2021_FIGURES[input.key], input.key).toBe(input.kind === "boolean" ? "boolean" : "number");
    }
    expect(schemeIndicators(scheme).length).toBeGreaterThan(30);
  });
});
