// 评价重点 （一）–（四） of the 2021 Shanxi county scheme: party leadership, evaluation reform, supervision, funding.
import type { TCriterionInput } from "@/lib/template/schema";

export const criteria01to04: TCriterionInput[] = [
  {
    code: "party_leadership",
    ordinal: 1,
    title: "全面加强党对教育工作的领导情况",
    guidance:
      "说明县委教育工作领导小组及其办公室如何运转、研究了哪些教育事项、出台了哪些文件；再写学校党组织的设置和党的工作覆盖情况，分类写清组织数量。",
    subpoints: [
      {
        code: "work_mechanism",
        title: "建立健全工作机制情况",
        guidance: "领导小组的工作规则和议事安排、审议通过的政策文件，县领导联系学校、进校讲思政课等制度的落实。",
      },
      {
        code: "party_coverage",
        title: "学校党组织和党的工作全覆盖情况",
        guidance: "按党总支、党支部分类写数量；正式党员满 3 人的学校应单独建立党组织，不足 3 人的应与邻近单位联合组建。",
      },
    ],
    inputs: [
      { key: "party_leading_group_set_up", label: "已成立县委教育工作领导小组", kind: "boolean" },
      { key: "party_general_branches", label: "党总支", unit: "个", kind: "integer" },
      { key: "party_branches", label: "党支部", unit: "个", kind: "integer" },
      { key: "party_branches_standalone", label: "单独组建的党组织", unit: "个", kind: "integer", aliases: ["单建组织"] },
      { key: "party_branches_joint", label: "联合组建的党组织", unit: "个", kind: "integer", aliases: ["联建组织"] },
      { key: "party_branches_temporary", label: "临时党支部", unit: "个", kind: "integer", aliases: ["临时支部"] },
      { key: "party_coverage_complete", label: "党员满 3 人的学校均单独组建、不足 3 人的均联合组建", kind: "boolean" },
    ],
    indicators: [
      { key: "party_leading_group", label: "县委教育工作领导小组", formula: { op: "yesno", of: "party_leading_group_set_up" }, target: { op: "yes" } },
      { key: "party_organisation_coverage", label: "学校党组织全覆盖", formula: { op: "yesno", of: "party_coverage_complete" }, target: { op: "yes" } },
    ],
    checks: [
      {
        key: "party_branch_types_sum",
        label: "单建、联建、临时党组织数与党支部数",
        kind: "sumEquals",
        parts: ["party_branches_standalone", "party_branches_joint", "party_branches_temporary"],
        total: "party_branches",
        message: "单建、联建、临时党组织之和 {sum} 与党支部数 {total} 不一致",
      },
    ],
  },
  {
    code: "evaluation_reform",
    ordinal: 2,
    title: "深化新时代教育评价改革情况",
    guidance:
      "列出县里为贯彻《深化新时代教育评价改革总体方案》出台的实施方案和文件（写明文号），说明负面清单的制定和清理进度，以及宣传引导、典型推广的做法。",
    inputs: [{ key: "evaluation_reform_plan_issued", label: "已出台县级教育评价改革实施方案", kind: "boolean" }],
    indicators: [
      { key: "evaluation_reform_plan", label: "县级教育评价改革实施方案", formula: { op: "yesno", of: "evaluation_reform_plan_issued" }, target: { op: "yes" } },
    ],
  },
  {
    code: "supervision_reform",
    ordinal: 3,
    title: "深化新时代教育督导体制机制改革情况",
    guidance:
      "说明县政府教育督导委员会的组成调整、工作规则和成员单位职责分工，总督学和专职督学的配备，责任区督学挂牌督导的覆盖面，以及督导经费是否列入县级财政预算。",
    inputs: [
      { key: "supervised_schools", label: "实行责任区督学挂牌督导的学校（园）", unit: "所", kind: "integer", hint: "与基本情况中的学校（园）总数同口径" },
      { key: "supervision_funds_budgeted", label: "督导工作经费已列入县级财政预算", kind: "boolean" },
    ],
    indicators: [
      {
        key: "supervision_coverage",
        label: "责任区督学挂牌督导覆盖率",
        unit: "%",
        formula: { op: "percent", num: "supervised_schools", den: "school_total" },
        target: { op: "=", value: 100 },
      },
      { key: "supervision_funding", label: "督导经费列入预算", formula: { op: "yesno", of: "supervision_funds_budgeted" }, target: { op: "yes" } },
    ],
  },
  {
    code: "education_funding",
    ordinal: 4,
    title: "财政教育支出情况",
    guidance:
      "用本年和上年同口径的数据说明两个“只增不减”是否落实，并写明统计截止时间；只有财政部门提供的增长率时，可直接填写增长率并注明来源。再说明义务教育生均公用经费的执行标准和县级配套资金到位情况。",
    subpoints: [
      {
        code: "two_no_decrease",
        title: "落实两个“只增不减”情况",
        guidance: "一般公共预算教育支出，以及按在校生人数平均的一般公共预算教育支出，都要与上年比较，增长率不得为负。填写本年和上年数据时增长率由系统计算；也可直接填写财政部门提供的增长率并注明来源。",
      },
      {
        code: "county_matching_funds",
        title: "落实义务教育生均公用经费县级配套资金情况",
        guidance: "小学、初中生均公用经费执行标准，寄宿生、小规模学校和随班就读残疾学生的补助办法，县级配套资金是否足额到位。",
      },
    ],
    inputs: [
      { key: "edu_expenditure", label: "一般公共预算教育支出（本年）", unit: "万元", kind: "decimal", hint: "注明统计截止月份，与上年同口径" },
      { key: "edu_expenditure_prev", label: "一般公共预算教育支出（上年）", unit: "万元", kind: "decimal" },
      { key: "edu_expenditure_per_student", label: "按在校生人数平均的一般公共预算教育支出（本年）", unit: "元", kind: "decimal" },
      { key: "edu_expenditure_per_student_prev", label: "按在校生人数平均的一般公共预算教育支出（上年）", unit: "元", kind: "decimal" },
      { key: "public_funds_primary_standard", label: "小学生均公用经费执行标准", unit: "元/生·年", kind: "decimal" },
      { key: "public_funds_junior_standard", label: "初中生均公用经费执行标准", unit: "元/生·年", kind: "decimal" },
      { key: "boarding_public_funds_extra", label: "寄宿生生均公用经费补助标准", unit: "元/生·年", kind: "decimal" },
      { key: "disabled_student_public_funds_standard", label: "随班就读残疾学生生均公用经费标准", unit: "元/生·年", kind: "decimal" },
      { key: "county_matching_funds_in_place", label: "义务教育生均公用经费县级配套资金足额到位", kind: "boolean" },
    ],
    indicators: [
      {
        key: "edu_expenditure_growth",
        label: "一般公共预算教育支出增长率",
        unit: "%",
        formula: { op: "growth", current: "edu_expenditure", previous: "edu_expenditure_prev" },
        target: { op: ">=", value: 0, label: "只增不减" },
        stated: { hint: "财政部门提供的同口径增长率（%），如 62.93" },
      },
      {
        key: "edu_expenditure_per_student_growth",
        label: "按在校生人数平均的一般公共预算教育支出增长率",
        unit: "%",
        formula: { op: "growth", current: "edu_expenditure_per_student", previous: "edu_expenditure_per_student_prev" },
        target: { op: ">=", value: 0, label: "只增不减" },
        aliases: ["生均一般公共预算教育支出增长率"],
        stated: { hint: "财政部门提供的同口径增长率（%），如 2.25" },
      },
      { key: "public_funds_primary", label: "小学生均公用经费", unit: "元/生·年", precision: 0, formula: { op: "value", of: "public_funds_primary_standard" }, target: { op: ">=", value: 650 } },
      { key: "public_funds_junior", label: "初中生均公用经费", unit: "元/生·年", precision: 0, formula: { op: "value", of: "public_funds_junior_standard" }, target: { op: ">=", value: 850 } },
      { key: "boarding_public_funds", label: "寄宿生公用经费补助", unit: "元/生·年", precision: 0, formula: { op: "value", of: "boarding_public_funds_extra" }, target: { op: ">=", value: 200 } },
      { key: "disabled_student_public_funds", label: "随班就读残疾学生生均公用经费", unit: "元/生·年", precision: 0, formula: { op: "value", of: "disabled_student_public_funds_standard" }, target: { op: ">=", value: 6000 } },
      { key: "county_matching_funds", label: "县级配套资金到位", formula: { op: "yesno", of: "county_matching_funds_in_place" }, target: { op: "yes" } },
    ],
  },
];
