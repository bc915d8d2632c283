import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import type { FigureValues } from "@/lib/indicators/types";
import { renderRich } from "@/lib/report/figures";
import { doc } from "@/lib/report/testing";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { WENXI_2021_FIGURES } from "@/lib/template/schemes/shanxi-2021/wenxi-figures";

const scheme = SHANXI_2021_COUNTY;
const render = (text: string, values: FigureValues = WENXI_2021_FIGURES) => renderRich(doc(text), scheme, computeIndicators(scheme, values), values);

describe("figures in narrative text", () => {
  it("print computed indicators and typed inputs with their units", () => {
    expect(render("全县在园幼儿{{figure:preschool_enrolled}}，学前三年毛入园率达{{figure:preschool_gross_enrolment_rate}}。")).toBe(
      "全县在园幼儿10736人，学前三年毛入园率达99.82%。",
    );
    expect(render("常住人口{{figure:resident_population}}，教师工资不低于公务员：{{figure:teacher_salary_parity}}")).toBe(
      "常住人口35.5万人，教师工资不低于公务员：是",
    );
    expect(render("{{figure:head_teacher_allowance}}；{{figure:lunch_student_coverage}}")).toBe("500元/月；82.3%");
  });

  it("make unknown keys and empty figures visible instead of printing nothing", () => {
    const values = { ...WENXI_2021_FIGURES, preschool_enrolled: null };
    expect(render("{{figure:preschool_enrolled}} / {{figure:preschool_gross_enrolment_rate}}", values)).toBe(
      "【未填写：在园幼儿数（不含托班）】 / 【未填写：学前三年毛入园率】",
    );
    expect(render("共有{{figure:no_such_figure}}所")).toBe("共有【未知数据：no_such_figure】所");
  });

  it("print list items with the report's own markers and bold as plain text", () => {
    const text = [
      { p: ["改进措施："] },
      { list: "yishi" as const, items: [["加强理论学习。"], [{ b: "改进作风" }, "，加强组织建设。"]] },
      { list: "paren" as const, items: [["毛入园率", { f: "preschool_gross_enrolment_rate" }]] },
    ];
    const values = WENXI_2021_FIGURES;
    expect(renderRich(text, scheme, computeIndicators(scheme, values), values)).toBe("改进措施：\n一是加强理论学习。\n二是改进作风，加强组织建设。\n（1）毛入园率99.82%");
  });
});
