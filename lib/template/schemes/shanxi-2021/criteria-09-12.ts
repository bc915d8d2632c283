// 评价重点 （九）–（十二） of the 2021 Shanxi county scheme: vocational education, pre-school education, hot issues,
// safety. Pre-school shares are computed from head counts so the three rates can never disagree with the counts.
import type { TCriterionInput } from "@/lib/template/schema";

export const criteria09to12: TCriterionInput[] = [
  {
    code: "vocational",
    ordinal: 9,
    title: "落实《山西省推进职业教育改革发展行动计划》情况",
    guidance:
      "说明县级行动计划和部门联席会议等协调机制，职业学校资源整合或新建的进度、专业设置与本地产业的对接、校企合作和产教融合的进展，以及下一阶段目标。",
    inputs: [
      { key: "vocational_plan_issued", label: "已出台县级推进职业教育改革发展行动计划", kind: "boolean" },
      { key: "vocational_joint_meeting_set_up", label: "已建立职业教育部门联席会议制度", kind: "boolean" },
    ],
    indicators: [
      { key: "vocational_plan", label: "县级职业教育行动计划", formula: { op: "yesno", of: "vocational_plan_issued" }, target: { op: "yes" } },
      { key: "vocational_joint_meeting", label: "职业教育部门联席会议制度", formula: { op: "yesno", of: "vocational_joint_meeting_set_up" }, target: { op: "yes" } },
    ],
  },
  {
    code: "preschool",
    ordinal: 10,
    title: "学前教育普及普惠发展情况",
    guidance:
      "写明本年新建公办园和认定普惠性民办园的数量及名单。普惠性幼儿园覆盖率、学前三年毛入园率、公办园在园幼儿占比由系统根据人数计算，并与目标比较，文中引用计算结果即可。",
    subpoints: [
      {
        code: "inclusive_coverage",
        title: "普惠性幼儿园建设和覆盖率完成情况",
        guidance: "新建公办园、认定普惠性民办园的情况和认定依据；覆盖率按公办园与普惠性民办园在园幼儿之和占在园幼儿总数（含托班）计算。",
      },
      { code: "gross_enrolment", title: "学前三年毛入园率完成情况", guidance: "在园幼儿数与学前三年适龄人口之比，注明人口数据的来源和口径。" },
      { code: "public_share", title: "公办园在园幼儿占比完成情况", guidance: "公办园在园幼儿数与在园幼儿总数（含托班）之比。" },
    ],
    inputs: [
      { key: "public_kindergartens", label: "公办幼儿园", unit: "所", kind: "integer" },
      { key: "private_kindergartens", label: "民办幼儿园", unit: "所", kind: "integer" },
      { key: "private_kindergartens_inclusive", label: "已认定为普惠性的民办幼儿园", unit: "所", kind: "integer" },
      { key: "public_kindergartens_new", label: "本年新建公办幼儿园", unit: "所", kind: "integer" },
      { key: "inclusive_kindergartens_certified", label: "本年认定普惠性民办幼儿园", unit: "所", kind: "integer" },
      { key: "preschool_age_population", label: "学前三年适龄人口", unit: "人", kind: "integer", hint: "3–5 周岁适龄儿童数，注明统计来源" },
      { key: "preschool_enrolled", label: "在园幼儿数（不含托班）", unit: "人", kind: "integer", aliases: ["在园幼儿"] },
      { key: "preschool_enrolled_with_nursery", label: "在园幼儿数（含托班）", unit: "人", kind: "integer", aliases: ["在园幼儿(含托班)"] },
      { key: "public_kindergarten_enrolled", label: "公办园在园幼儿", unit: "人", kind: "integer", hint: "含托班，与在园幼儿总数同口径" },
      { key: "inclusive_private_enrolled", label: "普惠性民办园在园幼儿", unit: "人", kind: "integer", hint: "含托班" },
    ],
    indicators: [
      {
        key: "inclusive_enrolled",
        label: "普惠性幼儿园在园幼儿",
        unit: "人",
        precision: 0,
        formula: { op: "sum", terms: ["public_kindergarten_enrolled", "inclusive_private_enrolled"] },
      },
      {
        key: "inclusive_kindergarten_coverage",
        label: "普惠性幼儿园覆盖率",
        unit: "%",
        formula: { op: "percent", num: "inclusive_enrolled", den: "preschool_enrolled_with_nursery" },
        target: { op: ">=", value: 80 },
      },
      {
        key: "preschool_gross_enrolment_rate",
        label: "学前三年毛入园率",
        unit: "%",
        formula: { op: "percent", num: "preschool_enrolled", den: "preschool_age_population" },
        target: { op: ">=", value: 90 },
      },
      {
        key: "public_kindergarten_share",
        label: "公办园在园幼儿占比",
        unit: "%",
        formula: { op: "percent", num: "public_kindergarten_enrolled", den: "preschool_enrolled_with_nursery" },
        target: { op: ">=", value: 55 },
      },
      {
        key: "private_kindergarten_inclusive_share",
        label: "民办幼儿园中普惠性民办园所占比例",
        unit: "%",
        formula: { op: "percent", num: "private_kindergartens_inclusive", den: "private_kindergartens" },
      },
    ],
    checks: [
      {
        key: "kindergarten_types_sum",
        label: "公办、民办幼儿园数与幼儿园总数",
        kind: "sumEquals",
        parts: ["public_kindergartens", "private_kindergartens"],
        total: "schools_kindergarten",
      },
    ],
  },
  {
    code: "hot_issues",
    ordinal: 11,
    title: "教育热点难点解决情况",
    guidance: "逐项说明群众关心的热点难点问题如何解决，能量化的写明数字（课后服务覆盖、作业时长、大班额、午餐供餐等）。",
    subpoints: [
      { code: "double_reduction", title: "落实党中央、省委推进“双减”工作部署", guidance: "课后服务“5+2”覆盖情况，各学段书面作业时长的控制要求和检查办法。" },
      { code: "unlicensed_institutions", title: "对证照不全的黑机构、黑名单机构管控情况", guidance: "联合执法的部门和结果，预收费监管、风险保证金和广告清理情况。" },
      { code: "enrolment_management", title: "规范中小学生学籍管理，整治违规招生、空挂学籍、借读、大班额等问题", guidance: "学籍检查的做法、消除大班额规划及现有大班额数量。" },
      { code: "safe_lunch", title: "实施公办非寄宿制学校“放心午餐”工程", guidance: "提供午餐服务的学校和享受服务学生的数量与比例，午休、午间课后服务的安排。" },
      { code: "myopia", title: "儿童青少年近视防控工作开展情况", guidance: "防控机构和制度、视力筛查与健康档案、护眼设施配备等。" },
      { code: "teacher_ethics", title: "加强师德师风建设，促进队伍素质提升", guidance: "出台的制度文件（含文号）、开展的专题教育和专项整治及其效果。" },
    ],
    inputs: [
      { key: "after_school_service_full", label: "公办非寄宿制小学课后服务“5+2”全覆盖", kind: "boolean" },
      { key: "homework_limit_primary", label: "小学三至六年级书面作业时长上限", unit: "分钟", kind: "integer" },
      { key: "homework_limit_junior", label: "初中书面作业时长上限", unit: "分钟", kind: "integer" },
      { key: "prepaid_fee_months", label: "校外培训机构预收费最长期限", unit: "个月", kind: "integer" },
      { key: "large_classes", label: "大班额班级（56人及以上）", unit: "个", kind: "integer", aliases: ["大班额"] },
      { key: "urban_primary_schools", label: "城区小学", unit: "所", kind: "integer" },
      { key: "lunch_schools", label: "提供午餐服务的城区小学", unit: "所", kind: "integer" },
      { key: "lunch_demand_students", label: "有供餐需求的学生", unit: "人", kind: "integer", aliases: ["供餐需求学生"] },
      { key: "lunch_served_students", label: "享受午餐服务的学生", unit: "人", kind: "integer" },
    ],
    indicators: [
      { key: "after_school_service", label: "课后服务“5+2”全覆盖", formula: { op: "yesno", of: "after_school_service_full" }, target: { op: "yes" } },
      { key: "homework_primary", label: "小学三至六年级书面作业时长", unit: "分钟", precision: 0, formula: { op: "value", of: "homework_limit_primary" }, target: { op: "<=", value: 60 } },
      { key: "homework_junior", label: "初中书面作业时长", unit: "分钟", precision: 0, formula: { op: "value", of: "homework_limit_junior" }, target: { op: "<=", value: 90 } },
      { key: "prepaid_fee_period", label: "校外培训预收费期限", unit: "个月", precision: 0, formula: { op: "value", of: "prepaid_fee_months" }, target: { op: "<=", value: 3 } },
      { key: "large_class_count", label: "大班额班级数", unit: "个", precision: 0, formula: { op: "value", of: "large_classes" }, target: { op: "=", value: 0 } },
      // The report prints these two as "88%" and "82.3%"; the precision follows it.
      { key: "lunch_school_coverage", label: "提供午餐服务的城区小学占比", unit: "%", precision: 0, formula: { op: "percent", num: "lunch_schools", den: "urban_primary_schools" } },
      { key: "lunch_student_coverage", label: "享受午餐服务学生占有供餐需求学生的比例", unit: "%", precision: 1, formula: { op: "percent", num: "lunch_served_students", den: "lunch_demand_students" } },
    ],
  },
  {
    code: "safety",
    ordinal: 12,
    title: "教育安全稳定情况",
    guidance: "写明中小学校平安校园创建和法治副校长配备情况（比率由系统计算），青少年法治教育基地、禁毒教育平台注册等工作。",
    inputs: [
      { key: "primary_secondary_schools", label: "中小学校", unit: "所", kind: "integer", aliases: ["中小学"] },
      { key: "safe_campus_schools", label: "完成平安校园创建的中小学校", unit: "所", kind: "integer" },
      { key: "legal_vice_principal_schools", label: "配备法治副校长的中小学校", unit: "所", kind: "integer" },
      { key: "legal_education_bases", label: "青少年法治教育基地", unit: "个", kind: "integer" },
      { key: "anti_drug_platform_full", label: "禁毒教育数字化平台学校和学生注册率达到 100%", kind: "boolean" },
    ],
    indicators: [
      {
        key: "safe_campus_rate",
        label: "平安校园创建率",
        unit: "%",
        formula: { op: "percent", num: "safe_campus_schools", den: "primary_secondary_schools" },
        target: { op: "=", value: 100 },
      },
      {
        key: "legal_vice_principal_rate",
        label: "法治副校长配备率",
        unit: "%",
        formula: { op: "percent", num: "legal_vice_principal_schools", den: "primary_secondary_schools" },
        target: { op: "=", value: 100 },
      },
      { key: "anti_drug_platform", label: "禁毒教育平台注册全覆盖", formula: { op: "yesno", of: "anti_drug_platform_full" }, target: { op: "yes" } },
    ],
  },
];
