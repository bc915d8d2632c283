// 县域学前教育普及普惠督导评估 自评 (2020 办法): 普及普惠水平, 政府保障情况, 幼儿园保教质量保障情况 and 社会认可度,
// with the national thresholds of shared/domain/reference.md §1.3 and §2.5 (毛入园率 ≥ 85%, 普惠覆盖率 ≥ 80%, 公办园在园幼儿
// 占比 ≥ 50%, 社会认可度 ≥ 85%). Provinces that raise the bar (河南: 90%) clone the scheme and change the targets.
// Version 2 writes the teacher–child ratio as "1:N" against the national ≤ 1:15, and the two 500 元 funding standards
// (公办园 生均公用经费财政拨款, 普惠性民办园 生均财政补助) as one small matrix instead of two copies.
import { defineScheme } from "@/lib/template/validate-scheme";
import type { TCriterionInput } from "@/lib/template/schema";

const yes = (key: string, label: string, input: string, inputLabel: string) => ({
  input: { key: input, label: inputLabel, kind: "boolean" as const },
  indicator: { key, label, formula: { op: "yesno" as const, of: input }, target: { op: "yes" as const } },
});

const coverage: TCriterionInput = {
  code: "coverage",
  ordinal: 1,
  title: "普及普惠水平",
  guidance: "写明学前三年适龄人口、在园幼儿数，以及公办园、普惠性民办园在园幼儿数；三项比例由系统计算。",
  inputs: [
    { key: "preschool_age_children", label: "学前三年适龄儿童数", unit: "人", kind: "integer", min: 0 },
    { key: "enrolled_children", label: "在园幼儿数", unit: "人", kind: "integer", min: 0 },
    { key: "public_enrolled", label: "公办园在园幼儿数", unit: "人", kind: "integer", min: 0 },
    { key: "inclusive_private_enrolled", label: "普惠性民办园在园幼儿数", unit: "人", kind: "integer", min: 0 },
  ],
  indicators: [
    { key: "gross_enrolment_rate", label: "学前三年毛入园率", unit: "%", formula: { op: "percent", num: "enrolled_children", den: "preschool_age_children" }, target: { op: ">=", value: 85 } },
    { key: "inclusive_enrolled", label: "普惠性幼儿园在园幼儿数", unit: "人", precision: 0, formula: { op: "sum", terms: ["public_enrolled", "inclusive_private_enrolled"] } },
    { key: "inclusive_coverage_rate", label: "普惠性幼儿园覆盖率", unit: "%", formula: { op: "percent", num: "inclusive_enrolled", den: "enrolled_children" }, target: { op: ">=", value: 80 } },
    { key: "public_share", label: "公办园在园幼儿占比", unit: "%", formula: { op: "percent", num: "public_enrolled", den: "enrolled_children" }, target: { op: ">=", value: 50 } },
  ],
};

const g1 = yes("township_public_centres", "每个乡镇至少办好一所公办中心园", "township_centres_ok", "每个乡镇至少有一所公办中心园");
const g2 = yes("community_kindergartens", "城镇小区配套幼儿园规划、建设、移交、使用到位", "community_kindergartens_ok", "小区配套园与住宅同步规划、建设、交付，并办成公办园或普惠性民办园");
const g3 = yes("fee_mechanism", "建立学前教育成本分担和收费动态调整机制", "fee_mechanism_ok", "已建立成本分担机制和收费标准动态调整机制");
const government: TCriterionInput = {
  code: "government_support",
  ordinal: 2,
  title: "政府保障情况",
  guidance: "说明党的领导、规划布局、公办园建设、小区配套园治理、财政投入、收费管理和教师队伍建设情况。",
  subpoints: [
    { code: "planning", title: "学前教育发展规划和布局" },
    { code: "community", title: "城镇小区配套幼儿园治理" },
    { code: "funding", title: "财政投入和成本分担机制" },
    { code: "teachers", title: "教师配备和待遇保障" },
  ],
  inputs: [
    g1.input,
    g2.input,
    g3.input,
    { key: "full_time_teachers", label: "幼儿园专任教师数", unit: "人", kind: "integer", min: 0 },
    { key: "certified_teachers", label: "持有教师资格证的专任教师数", unit: "人", kind: "integer", min: 0 },
    { key: "non_staff_teacher_pay", label: "公办园非在编教师年平均工资", unit: "元", kind: "decimal", min: 0 },
    { key: "staff_teacher_pay", label: "公办园在编教师年平均工资", unit: "元", kind: "decimal", min: 0 },
  ],
  matrices: [
    {
      key: "funding",
      title: "生均财政拨款（补助）标准",
      levels: [
        { key: "public", label: "公办园" },
        { key: "inclusive", label: "普惠性民办园" },
      ],
      inputs: [{ key: "funding_per_child", label: "生均财政拨款（补助）标准", unit: "元/生·年", kind: "decimal", min: 0, hint: "公办园填生均公用经费财政拨款标准，普惠性民办园填生均财政补助标准" }],
      indicators: [{ key: "funding_standard", label: "生均财政拨款（补助）标准", unit: "元", precision: 0, formula: { op: "value", of: "funding_per_child" }, target: { op: ">=", value: 500 } }],
    },
  ],
  indicators: [
    g1.indicator,
    g2.indicator,
    g3.indicator,
    {
      key: "children_per_teacher",
      label: "专任教师与在园幼儿之比",
      precision: 1,
      format: { kind: "ratio" },
      formula: { op: "ratio", num: "enrolled_children", den: "full_time_teachers" },
      target: { op: "<=", value: 15 },
    },
    { key: "teacher_certified_rate", label: "专任教师持证率", unit: "%", formula: { op: "percent", num: "certified_teachers", den: "full_time_teachers" }, target: { op: "=", value: 100 } },
    { key: "non_staff_pay_ratio", label: "非在编教师工资占在编教师工资比例", unit: "%", formula: { op: "percent", num: "non_staff_teacher_pay", den: "staff_teacher_pay" }, target: { op: ">=", value: 75 } },
  ],
};

const q1 = yes("no_primary_style", "无“小学化”现象", "no_primary_style_ok", "幼儿园无“小学化”倾向，坚持以游戏为基本活动");
const quality: TCriterionInput = {
  code: "care_quality",
  ordinal: 3,
  title: "幼儿园保教质量保障情况",
  guidance: "说明办园条件、班额、安全管理、科学保教和质量评估的情况。",
  inputs: [
    { key: "kindergartens_total", label: "幼儿园数", unit: "所", kind: "integer", min: 0 },
    { key: "kindergartens_standard_premises", label: "办园条件达到国家标准的幼儿园数", unit: "所", kind: "integer", min: 0, hint: "生均户外活动面积、活动室面积和园舍建筑面积达到规定标准" },
    { key: "classes_total", label: "幼儿园班级数", unit: "个", kind: "integer", min: 0 },
    { key: "classes_standard_size", label: "班额符合规定的班级数", unit: "个", kind: "integer", min: 0 },
    q1.input,
  ],
  indicators: [
    { key: "premises_standard_rate", label: "办园条件达标幼儿园比例", unit: "%", formula: { op: "percent", num: "kindergartens_standard_premises", den: "kindergartens_total" } },
    { key: "class_size_rate", label: "班额达标率", unit: "%", formula: { op: "percent", num: "classes_standard_size", den: "classes_total" }, target: { op: ">=", value: 85 } },
    q1.indicator,
  ],
};

const recognition: TCriterionInput = {
  code: "social_recognition",
  ordinal: 4,
  title: "社会认可度",
  guidance: "说明满意度调查的组织方式、对象和样本量，写明调查结果；社会认可度应达到 85% 以上。",
  inputs: [{ key: "recognition_result", label: "社会认可度调查结果", unit: "%", kind: "decimal", min: 0, max: 100 }],
  indicators: [{ key: "social_recognition_rate", label: "社会认可度", unit: "%", formula: { op: "value", of: "recognition_result" }, target: { op: ">=", value: 85 } }],
};

export const PRESCHOOL_2020_COUNTY = defineScheme({
  code: "national-2020-preschool-universal-inclusive",
  title: "县域学前教育普及普惠督导评估自评",
  province: "全国",
  level: "county",
  year: 2020,
  version: 2,
  notice: { title: "教育部关于印发《县域学前教育普及普惠督导评估办法》的通知", docNumber: "教督〔2020〕1号" },
  source: [
    {
      title: "学前教育普及普惠督导评估有关指标标准",
      issuer: "南江县教育科技局（转载国家标准）",
      url: "https://scnj.gov.cn/ztzl/jczwgkzl/gkly/ywjy/jydd/ywjyjhfzddpg/13957464.html",
      note: "毛入园率 ≥85%、普惠覆盖率 ≥80%、公办园在园幼儿占比 ≥50%、生均拨款（补助）500 元、非在编教师工资 75%、班额达标率 ≥85%、专任教师与幼儿之比 ≤1:15、持证率 100%、社会认可度 ≥85%；办园面积三项标准该页分 2017 年前后两档、文字有缺损，本方案未纳入",
    },
  ],
  report: { subject: "县域学前教育普及普惠督导评估", scope: "普及普惠水平、政府保障情况、幼儿园保教质量保障情况和社会认可度" },
  numbering: "flat",
  parts: [
    {
      key: "profile",
      kind: "profile",
      title: "基本情况",
      guidance: "简要介绍县情和学前教育概况：幼儿园数（公办、普惠性民办、其他民办）、在园幼儿数和教职工数。",
      inputs: [
        { key: "public_kindergartens", label: "公办幼儿园", unit: "所", kind: "integer", min: 0 },
        { key: "inclusive_private_kindergartens", label: "普惠性民办幼儿园", unit: "所", kind: "integer", min: 0 },
        { key: "other_private_kindergartens", label: "其他民办幼儿园", unit: "所", kind: "integer", min: 0 },
        { key: "kindergarten_staff", label: "幼儿园教职工", unit: "人", kind: "integer", min: 0 },
      ],
    },
    { key: "indicators", kind: "criteria", title: "评估指标达成情况" },
    { key: "veto", kind: "veto", title: "否决事项自查情况", guidance: "逐项如实回答。任何一项回答“是”，县域不能通过学前教育普及普惠督导评估。" },
    { key: "problems", kind: "problems", title: "存在问题和改进措施" },
    { key: "next_steps", kind: "nextSteps", title: "下一步工作打算" },
  ],
  criteria: [coverage, government, quality, recognition],
  vetoes: [
    { key: "falsification", question: "是否存在数据弄虚作假", source: "县域学前教育普及普惠督导评估办法（2020）" },
    { key: "complaints", question: "群众对学前教育是否投诉举报多、负面反映强烈", source: "县域学前教育普及普惠督导评估办法（2020）" },
    { key: "major_accident", question: "近三年幼儿园是否发生重大安全责任事故", hint: "以省级实施细则的表述为准" },
  ],
});
