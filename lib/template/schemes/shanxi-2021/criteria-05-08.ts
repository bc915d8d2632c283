// 评价重点 （五）–（八） of the 2021 Shanxi county scheme: teachers, school layout, private compulsory education,
// county high schools.
import type { TCriterionInput } from "@/lib/template/schema";

export const criteria05to08: TCriterionInput[] = [
  {
    code: "teachers",
    ordinal: 5,
    title: "中小学教师队伍建设情况",
    guidance:
      "围绕“县管校聘”改革、教师减负和义务教育教师工资保障三个方面，写明出台的文件（含文号）、竞聘聘任的人数和具体做法，并给出教师工资与当地公务员工资比较的结论。",
    subpoints: [
      {
        code: "county_management",
        title: "全面实施“县管校聘”管理改革",
        guidance: "竞聘方式（校内、跨校、组织调剂）、聘任人数，编制、人事、工资手续的理顺和聘后管理制度。",
      },
      { code: "teacher_burden", title: "切实减轻教师负担", guidance: "减负清单的出台和执行，清理与教育教学无关事务的做法。" },
      {
        code: "teacher_salary",
        title: "严格落实义务教育教师工资收入政策",
        guidance: "教师工资与公务员工资同步预算、同步调整的机制，班主任津贴标准，年平均工资是否不低于当地公务员。",
      },
    ],
    inputs: [
      { key: "teachers_hired_by_competition", label: "通过竞聘聘任的教职工", unit: "人", kind: "integer", aliases: ["聘任教职工"] },
      { key: "teacher_burden_list_issued", label: "已印发中小学教师减负清单", kind: "boolean" },
      { key: "head_teacher_allowance_monthly", label: "班主任津贴发放标准", unit: "元/月", kind: "decimal" },
      { key: "teacher_salary_not_below_civil_servants", label: "义务教育教师年平均工资收入不低于当地公务员", kind: "boolean" },
    ],
    indicators: [
      { key: "teacher_burden_list", label: "教师减负清单", formula: { op: "yesno", of: "teacher_burden_list_issued" }, target: { op: "yes" } },
      { key: "head_teacher_allowance", label: "班主任津贴", unit: "元/月", precision: 0, formula: { op: "value", of: "head_teacher_allowance_monthly" }, target: { op: ">=", value: 500 } },
      {
        key: "teacher_salary_parity",
        label: "教师平均工资不低于公务员",
        formula: { op: "yesno", of: "teacher_salary_not_below_civil_servants" },
        target: { op: "yes" },
      },
    ],
  },
  {
    code: "school_layout",
    ordinal: 6,
    title: "义务教育学校布局优化及优质均衡发展情况",
    guidance:
      "说明布局调整遵循的原则和县级方案，本年撤并、改建寄宿制学校的数量，乡镇寄宿制学校改造项目的完成情况，以及教育设施布点规划与国土空间规划的衔接。",
    inputs: [
      { key: "primary_schools_merged", label: "撤并小学（含教学点）", unit: "所", kind: "integer" },
      { key: "junior_schools_merged", label: "撤并初中", unit: "所", kind: "integer" },
      { key: "boarding_conversions", label: "改建为寄宿制学校", unit: "所", kind: "integer" },
      { key: "boarding_renovations_planned", label: "乡镇寄宿制学校改造计划任务", unit: "所", kind: "integer" },
      { key: "boarding_renovations_done", label: "乡镇寄宿制学校改造已完成", unit: "所", kind: "integer" },
    ],
    indicators: [
      {
        key: "boarding_renovation_rate",
        label: "乡镇寄宿制学校改造完成率",
        unit: "%",
        formula: { op: "percent", num: "boarding_renovations_done", den: "boarding_renovations_planned" },
        target: { op: "=", value: 100 },
      },
    ],
  },
  {
    code: "private_compulsory",
    ordinal: 7,
    title: "规范民办义务教育发展情况",
    guidance:
      "分小学、初中写明义务教育在校生和其中民办学校在校生的人数，占比由系统计算。占比高于目标的，要写明压减规划、对每所民办学校的处置方式和时限，并列入“存在问题和改进措施”。",
    inputs: [
      { key: "compulsory_students", label: "义务教育阶段在校生", unit: "人", kind: "integer", aliases: ["义务教育在校生"] },
      { key: "compulsory_primary_students", label: "小学在校生", unit: "人", kind: "integer" },
      { key: "compulsory_junior_students", label: "初中在校生", unit: "人", kind: "integer" },
      { key: "private_compulsory_students", label: "民办义务教育阶段在校生", unit: "人", kind: "integer", aliases: ["民办义务教育在校生"] },
      { key: "private_primary_students", label: "民办小学在校生", unit: "人", kind: "integer" },
      { key: "private_junior_students", label: "民办初中在校生", unit: "人", kind: "integer" },
    ],
    indicators: [
      {
        key: "private_compulsory_share",
        label: "民办义务教育在校生占比",
        unit: "%",
        formula: { op: "percent", num: "private_compulsory_students", den: "compulsory_students" },
        target: { op: "<=", value: 5 },
        aliases: ["民办义务教育阶段在校生占比"],
      },
      { key: "private_primary_share", label: "民办小学在校生占比", unit: "%", formula: { op: "percent", num: "private_primary_students", den: "compulsory_primary_students" } },
      { key: "private_junior_share", label: "民办初中在校生占比", unit: "%", formula: { op: "percent", num: "private_junior_students", den: "compulsory_junior_students" } },
    ],
    checks: [
      {
        key: "compulsory_students_sum",
        label: "小学、初中在校生与义务教育在校生",
        kind: "sumEquals",
        parts: ["compulsory_primary_students", "compulsory_junior_students"],
        total: "compulsory_students",
      },
      {
        key: "private_students_sum",
        label: "民办小学、初中在校生与民办义务教育在校生",
        kind: "sumEquals",
        parts: ["private_primary_students", "private_junior_students"],
        total: "private_compulsory_students",
      },
    ],
  },
  {
    code: "high_school",
    ordinal: 8,
    title: "实施县域普通高中振兴行动计划情况",
    guidance:
      "写明普通高中的所数（公办、民办）和各校的办学规模（轨数），是否有规模过小或过大的学校；再说明补充教师、新高考和新课程改革准备、示范高中建设等举措。",
    inputs: [
      { key: "high_schools_public", label: "公办普通高中", unit: "所", kind: "integer", aliases: ["公办高中"] },
      { key: "high_schools_private", label: "民办普通高中", unit: "所", kind: "integer", aliases: ["民办高中"] },
      { key: "high_schools_under_4_tracks", label: "4轨以下的小规模普通高中", unit: "所", kind: "integer" },
      { key: "high_schools_over_20_tracks", label: "20轨以上的普通高中", unit: "所", kind: "integer" },
      { key: "high_school_teachers_added", label: "本年为普通高中补充教师", unit: "人", kind: "integer" },
    ],
    indicators: [
      { key: "small_high_schools", label: "4轨以下小规模普通高中", unit: "所", precision: 0, formula: { op: "value", of: "high_schools_under_4_tracks" }, target: { op: "=", value: 0 } },
      { key: "oversized_high_schools", label: "20轨以上普通高中", unit: "所", precision: 0, formula: { op: "value", of: "high_schools_over_20_tracks" }, target: { op: "=", value: 0 } },
    ],
    checks: [
      {
        key: "high_school_types_sum",
        label: "公办、民办普通高中数与普通高中总数",
        kind: "sumEquals",
        parts: ["high_schools_public", "high_schools_private"],
        total: "schools_senior_high",
      },
    ],
  },
];
