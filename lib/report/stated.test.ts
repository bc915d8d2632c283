// The finance criterion as the 闻喜 report states it: only the two growth rates, computed by the finance bureau.
import { describe, expect, it } from "vitest";
import { reportState } from "@/lib/report/precheck";
import { evaluateReport } from "@/lib/report/evaluate";
import { inputsFreedByStated, statedErrors } from "@/lib/report/stated";
import { criterionKey, sectionByKey } from "@/lib/report/sections";
import { section } from "@/lib/report/testing";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const scheme = SHANXI_2021_COUNTY;
const key = criterionKey("education_funding");
const funding = (stated: Record<string, { value: number; source: string }>) =>
  section("narrative", {
    narrative: "",
    subpoints: { two_no_decrease: "两个只增不减落实到位。", county_matching_funds: "配套资金足额到位。" },
    values: { public_funds_primary_standard: 650, public_funds_junior_standard: 850, boarding_public_funds_extra: 200, disabled_student_public_funds_standard: 6000, county_matching_funds_in_place: true },
    score: null,
    stated,
  });
const stated = { edu_expenditure_growth: { value: 62.93, source: "县财政局" }, edu_expenditure_per_student_growth: { value: 2.25, source: "县财政局" } };

describe("indicators entered as stated results", () => {
  it("stand for the indicator: value, target and status, without last year's amounts", () => {
    const { computed } = evaluateReport(scheme, { [key]: funding(stated) });
    expect(computed.indicators.edu_expenditure_growth).toMatchObject({ value: 62.93, display: "62.93%", status: "met" });
    expect(computed.indicators.edu_expenditure_per_student_growth).toMatchObject({ display: "2.25%", status: "met" });
    expect(evaluateReport(scheme, { [key]: funding({ edu_expenditure_growth: { value: -1.5, source: "县财政局" } }) }).computed.indicators.edu_expenditure_growth).toMatchObject({ status: "unmet" });
  });

  it("free the parts they replace from 提交前检查, and ask for the source", () => {
    expect([...inputsFreedByStated(scheme, stated)].sort()).toEqual(["edu_expenditure", "edu_expenditure_per_student", "edu_expenditure_per_student_prev", "edu_expenditure_prev"]);
    const findings = (s: typeof stated) => reportState(scheme, { [key]: funding(s) }).findings.filter((f) => f.sectionKey === key).map((f) => f.message);
    expect(findings(stated)).toEqual([]);
    expect(findings({ ...stated, edu_expenditure_growth: { value: 62.93, source: "" } })).toEqual(["财政教育支出情况：直接填写的“一般公共预算教育支出增长率”须注明来源（如：县财政局）"]);
    expect(findings({} as typeof stated)).toContain("财政教育支出情况：数据“一般公共预算教育支出（上年）”尚未填写");
  });

  it("are refused for an indicator the scheme does not let be stated", () => {
    const def = sectionByKey(scheme, criterionKey("preschool"))!;
    expect(statedErrors(def, { preschool_gross_enrolment_rate: { value: 99, source: "" } })).toEqual({ "stated.preschool_gross_enrolment_rate": ["本部分的这项指标不能直接填写结果"] });
  });
});
