// A second scheme, unlike the Shanxi one (theme groups with continuous item numbers, a leading rectification part,
// scores, other items and keys), goes through the same engine with no code change.
import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { criterionLabel, groupLabel, partHeadings, subpointLabel } from "@/lib/template/numbering";
import { validateScheme } from "@/lib/template/validate-scheme";

const SCHEME_JSON = `{
  "code": "henan-2022-county-demo",
  "title": "2022年对县级政府履行教育职责的评价方案（示例）",
  "province": "河南省",
  "level": "county",
  "year": 2022,
  "version": 3,
  "notice": { "title": "关于开展2022年度县级政府履行教育职责评价工作的通知", "docNumber": "示教督〔2022〕3号" },
  "numbering": "grouped",
  "groups": [
    { "code": "leadership", "title": "加强党对教育工作的全面领导", "criteria": ["party_building", "evaluation_reform"] },
    { "code": "priority", "title": "落实教育优先发展战略", "criteria": ["spending", "teacher_pay"] },
    { "code": "equity", "title": "促进教育公平", "criteria": ["preschool"] }
  ],
  "parts": [
    { "key": "rectification", "kind": "rectification", "title": "上年反馈问题整改情况" },
    { "key": "county", "kind": "profile", "title": "县情和教育基本情况",
      "inputs": [
        { "key": "schools", "label": "各级各类学校", "unit": "所", "kind": "integer" },
        { "key": "public_schools", "label": "公办学校", "unit": "所", "kind": "integer" },
        { "key": "private_schools", "label": "民办学校", "unit": "所", "kind": "integer" }
      ],
      "checks": [{ "key": "ownership_sum", "label": "公办民办学校数", "kind": "sumEquals",
                   "parts": ["public_schools", "private_schools"], "total": "schools" }] },
    { "key": "performance", "kind": "criteria", "title": "履职工作成效" },
    { "key": "score", "kind": "selfScore", "title": "自评得分" },
    { "key": "problems", "kind": "problems", "title": "存在的问题" },
    { "key": "plans", "kind": "nextSteps", "title": "整改措施和下一步打算" }
  ],
  "criteria": [
    { "code": "party_building", "ordinal": 1, "title": "党建工作", "guidance": "写党组织建设。", "maxScore": 10 },
    { "code": "evaluation_reform", "ordinal": 2, "title": "教育评价改革", "guidance": "写评价改革。", "maxScore": 8 },
    { "code": "spending", "ordinal": 3, "title": "两个只增不减", "guidance": "分学段比较生均支出。", "maxScore": 12,
      "subpoints": [{ "code": "primary", "title": "小学" }, { "code": "junior", "title": "初中" }],
      "inputs": [
        { "key": "primary_per_pupil", "label": "小学生均一般公共预算教育支出", "unit": "元", "kind": "decimal" },
        { "key": "primary_per_pupil_prev", "label": "上年小学生均一般公共预算教育支出", "unit": "元", "kind": "decimal" },
        { "key": "junior_per_pupil", "label": "初中生均一般公共预算教育支出", "unit": "元", "kind": "decimal" },
        { "key": "junior_per_pupil_prev", "label": "上年初中生均一般公共预算教育支出", "unit": "元", "kind": "decimal" }
      ],
      "indicators": [
        { "key": "primary_growth", "label": "小学生均支出增长率", "unit": "%",
          "formula": { "op": "growth", "current": "primary_per_pupil", "previous": "primary_per_pupil_prev" },
          "target": { "op": ">=", "value": 0 } },
        { "key": "junior_growth", "label": "初中生均支出增长率", "unit": "%",
          "formula": { "op": "growth", "current": "junior_per_pupil", "previous": "junior_per_pupil_prev" },
          "target": { "op": ">=", "value": 0 } }
      ] },
    { "code": "teacher_pay", "ordinal": 4, "title": "教师工资待遇", "guidance": "比较教师与公务员工资。", "maxScore": 10,
      "inputs": [
        { "key": "teacher_salary", "label": "义务教育教师年平均工资", "unit": "元", "kind": "decimal" },
        { "key": "civil_servant_salary", "label": "当地公务员年平均工资", "unit": "元", "kind": "decimal" }
      ],
      "indicators": [{ "key": "salary_gap", "label": "教师与公务员年平均工资之差", "unit": "元", "precision": 0,
                       "formula": { "op": "difference", "a": "teacher_salary", "b": "civil_servant_salary" },
                       "target": { "op": ">=", "value": 0, "label": "不低于公务员" } }] },
    { "code": "preschool", "ordinal": 5, "title": "学前教育普及普惠", "guidance": "写三项比率和师幼比。", "maxScore": 15,
      "inputs": [
        { "key": "children", "label": "在园幼儿", "unit": "人", "kind": "integer" },
        { "key": "age_cohort", "label": "3-5岁适龄人口", "unit": "人", "kind": "integer" },
        { "key": "teachers", "label": "幼儿园专任教师", "unit": "人", "kind": "integer" }
      ],
      "indicators": [
        { "key": "gross_rate", "label": "学前三年毛入园率", "unit": "%",
          "formula": { "op": "percent", "num": "children", "den": "age_cohort" }, "target": { "op": ">=", "value": 90 } },
        { "key": "children_per_teacher", "label": "幼儿与专任教师之比", "precision": 1,
          "formula": { "op": "ratio", "num": "children", "den": "teachers" }, "target": { "op": "between", "min": 5, "max": 15 } }
      ] }
  ]
}`;

const result = validateScheme(JSON.parse(SCHEME_JSON));
if (!result.ok) throw new Error(JSON.stringify(result.errors));
const scheme = result.scheme;

describe("a grouped scheme with scores and a rectification part", () => {
  it("validates and numbers its parts by order", () => {
    expect(partHeadings(scheme).map((h) => `${h.label}${h.title}`)).toEqual([
      "一、上年反馈问题整改情况",
      "二、县情和教育基本情况",
      "三、履职工作成效",
      "四、自评得分",
      "五、存在的问题",
      "六、整改措施和下一步打算",
    ]);
    expect(scheme.criteria.reduce((sum, c) => sum + (c.maxScore ?? 0), 0)).toBe(55);
  });

  it("numbers items 1. 2. 3. straight through the groups, under （一）（二）（三）", () => {
    const outline = scheme.groups.flatMap((group, gi) => [
      `${groupLabel(gi)}${group.title}`,
      ...group.criteria.map((code) => {
        const criterion = scheme.criteria.find((c) => c.code === code)!;
        return `${criterionLabel(scheme, criterion)}${criterion.title}`;
      }),
    ]);
    expect(outline).toEqual([
      "（一）加强党对教育工作的全面领导",
      "1.党建工作",
      "2.教育评价改革",
      "（二）落实教育优先发展战略",
      "3.两个只增不减",
      "4.教师工资待遇",
      "（三）促进教育公平",
      "5.学前教育普及普惠",
    ]);
    expect(subpointLabel(scheme, 1)).toBe("（2）");
  });

  it("computes its own indicators and checks", () => {
    const { indicators, checks } = computeIndicators(scheme, {
      schools: 120,
      public_schools: 100,
      private_schools: 20,
      primary_per_pupil: 12500,
      primary_per_pupil_prev: 12000,
      junior_per_pupil: 15000,
      junior_per_pupil_prev: 15300,
      teacher_salary: 98000,
      civil_servant_salary: 96500,
      children: 8520,
      age_cohort: 9000,
      teachers: 600,
    });
    expect(indicators.primary_growth).toMatchObject({ display: "4.17%", status: "met" });
    expect(indicators.junior_growth).toMatchObject({ display: "-1.96%", status: "unmet", reason: "未达到目标（≥ 0%）" });
    expect(indicators.salary_gap).toMatchObject({ display: "1500元", status: "met" });
    expect(indicators.gross_rate).toMatchObject({ display: "94.67%", status: "met" });
    expect(indicators.children_per_teacher).toMatchObject({ value: 14.2, status: "met" });
    expect(checks.ownership_sum.ok).toBe(true);
  });
});
