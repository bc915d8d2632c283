// The reference case: the Wenxi 2021 report's own figures must give the report's own percentages and verdicts.
import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { statusLabel } from "@/lib/indicators/format";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { WENXI_2021_FIGURES } from "@/lib/template/schemes/shanxi-2021/wenxi-figures";

const { indicators, checks } = computeIndicators(SHANXI_2021_COUNTY, WENXI_2021_FIGURES);
const shown = (key: string) => `${indicators[key].display} ${statusLabel(indicators[key].status)}`;

describe("Wenxi 2021 through the Shanxi 2021 scheme", () => {
  it("reproduces the 学前教育 rates", () => {
    expect(shown("preschool_gross_enrolment_rate")).toBe("99.82% 达标");
    expect(shown("public_kindergarten_share")).toBe("55.77% 达标");
    expect(shown("inclusive_kindergarten_coverage")).toBe("100% 达标");
    expect(indicators.inclusive_enrolled.value).toBe(12149);
    expect(shown("private_kindergarten_inclusive_share")).toBe("100% —");
  });

  it("finds the 民办义务教育 share over its 5% target", () => {
    expect(indicators.private_compulsory_share).toEqual({
      key: "private_compulsory_share",
      value: 17.25,
      display: "17.25%",
      status: "unmet",
      reason: "未达到目标（≤ 5%）",
    });
    expect(shown("private_primary_share")).toBe("12.31% —");
    expect(shown("private_junior_share")).toBe("29.91% —");
  });

  it("reproduces the funding growth and the other figures the report prints", () => {
    expect(shown("edu_expenditure_growth")).toBe("62.93% 达标");
    expect(shown("edu_expenditure_per_student_growth")).toBe("2.25% 达标");
    expect(shown("teacher_salary_parity")).toBe("是 达标");
    expect(shown("head_teacher_allowance")).toBe("500元/月 达标");
    expect(shown("safe_campus_rate")).toBe("100% 达标");
    expect(shown("legal_vice_principal_rate")).toBe("100% 达标");
    expect(shown("lunch_school_coverage")).toBe("88% —");
    expect(shown("lunch_student_coverage")).toBe("82.3% —");
    expect(shown("large_class_count")).toBe("0个 达标");
  });

  it("has no other shortfall than the private share", () => {
    const unmet = Object.values(indicators).filter((r) => r.status !== "met" && r.status !== "no-target");
    expect(unmet.map((r) => r.key)).toEqual(["private_compulsory_share"]);
  });

  it("flags the profile's 193 schools whose types add up to 194, and only that", () => {
    expect(checks.school_types_sum).toEqual({ key: "school_types_sum", ok: false, message: "各类学校数之和 194 与学校总数 193 不一致" });
    const others = Object.values(checks).filter((c) => c.key !== "school_types_sum");
    expect(others.length).toBeGreaterThan(3);
    expect(others.every((c) => c.ok === true)).toBe(true);
  });
});
