// 教育质量 (9 indicators) and 社会认可度 of 教督〔2017〕6号 (shared/domain/reference.md §2.3–2.4). The 巩固率 follows the
// formula the reference gives: (毕业生 − 转入 + 转出) ÷ (初一在校生 − 死亡) × 100%, built from two intermediate figures
// because the formula engine combines two operands at a time.
import type { TCriterionInput } from "@/lib/template/schema";

const yes = (key: string, label: string, input: string, inputLabel: string) => ({
  input: { key: input, label: inputLabel, kind: "boolean" as const },
  indicator: { key, label, formula: { op: "yesno" as const, of: input }, target: { op: "yes" as const } },
});
const q3 = yes("school_charters", "学校章程与信息化管理", "school_charters_in_place", "所有学校制定章程，实现学校管理与教学信息化");
const q5 = yes("ict_teaching", "教师信息技术应用", "ict_teaching_ok", "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平");
const q6 = yes("moral_education", "德育和校园文化建设", "moral_education_good", "所有学校德育工作、校园文化建设水平达到良好以上");
const q7 = yes("curriculum_complete", "开齐开足课程", "curriculum_complete_ok", "所有学校按照国家要求开齐开足课程，教学秩序规范，综合实践活动有效开展");
const q8 = yes("homework_load", "课业负担合理", "homework_load_ok", "所有学校无过重课业负担");
const q9 = yes("quality_monitoring", "国家义务教育质量监测达标", "quality_monitoring_ok", "国家义务教育质量监测相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15");

export const qualityCriterion: TCriterionInput = {
  code: "education_quality",
  ordinal: 3,
  title: "教育质量",
  guidance: "对照教育质量的 9 项指标逐项说明，巩固率、残疾儿童少年入学率等由系统根据填报数计算。",
  subpoints: [
    { code: "q01_retention", title: "全县初中三年巩固率达到95%以上" },
    { code: "q02_disabled", title: "全县残疾儿童少年入学率达到95%以上" },
    { code: "q03_charters", title: "所有学校制定章程，实现学校管理与教学信息化" },
    { code: "q04_training_budget", title: "所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费" },
    { code: "q05_ict", title: "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平" },
    { code: "q06_moral", title: "德育工作、校园文化建设水平达到良好以上" },
    { code: "q07_curriculum", title: "开齐开足课程，教学秩序规范，综合实践活动有效开展" },
    { code: "q08_homework", title: "无过重课业负担" },
    { code: "q09_monitoring", title: "国家义务教育质量监测学业水平及校际差异", guidance: "按省级实施细则的表述核对具体要求。" },
  ],
  inputs: [
    { key: "junior_graduates", label: "初中毕业生数", unit: "人", kind: "integer", min: 0 },
    { key: "junior_transfers_in", label: "三年内转入学生数", unit: "人", kind: "integer", min: 0 },
    { key: "junior_transfers_out", label: "三年内转出学生数", unit: "人", kind: "integer", min: 0 },
    { key: "junior_grade1_enrolled", label: "三年前初一在校生数", unit: "人", kind: "integer", min: 0 },
    { key: "junior_deaths", label: "三年内死亡学生数", unit: "人", kind: "integer", min: 0 },
    { key: "disabled_children", label: "残疾儿童少年数", unit: "人", kind: "integer", min: 0 },
    { key: "disabled_children_enrolled", label: "入学的残疾儿童少年数", unit: "人", kind: "integer", min: 0, hint: "含随班就读、送教上门和特殊教育学校就读" },
    q3.input,
    { key: "schools_total", label: "义务教育学校数", unit: "所", kind: "integer", min: 0 },
    { key: "schools_training_budget_5pct", label: "按公用经费5%以上安排教师培训经费的学校数", unit: "所", kind: "integer", min: 0 },
    q5.input,
    q6.input,
    q7.input,
    q8.input,
    q9.input,
  ],
  indicators: [
    { key: "retention_base", label: "巩固率基数（初一在校生数－死亡学生数）", unit: "人", precision: 0, formula: { op: "difference", a: "junior_grade1_enrolled", b: "junior_deaths" } },
    { key: "retention_graduates_net", label: "毕业生数加转出数", unit: "人", precision: 0, formula: { op: "sum", terms: ["junior_graduates", "junior_transfers_out"] } },
    { key: "retention_count", label: "巩固人数（毕业生数－转入＋转出）", unit: "人", precision: 0, formula: { op: "difference", a: "retention_graduates_net", b: "junior_transfers_in" } },
    { key: "junior_retention_rate", label: "初中三年巩固率", unit: "%", formula: { op: "percent", num: "retention_count", den: "retention_base" }, target: { op: ">=", value: 95 } },
    { key: "disabled_enrolment_rate", label: "残疾儿童少年入学率", unit: "%", formula: { op: "percent", num: "disabled_children_enrolled", den: "disabled_children" }, target: { op: ">=", value: 95 } },
    q3.indicator,
    { key: "training_budget_rate", label: "按5%安排教师培训经费的学校比例", unit: "%", formula: { op: "percent", num: "schools_training_budget_5pct", den: "schools_total" }, target: { op: "=", value: 100 } },
    q5.indicator,
    q6.indicator,
    q7.indicator,
    q8.indicator,
    q9.indicator,
  ],
};

export const recognitionCriterion: TCriterionInput = {
  code: "social_recognition",
  ordinal: 4,
  title: "社会认可度",
  guidance: "说明满意度调查的组织方式、调查对象（学生、家长、教师、校长、人大代表、政协委员及其他群众）和样本量，写明调查结果；社会认可度应达到 85% 以上，否则不予认定。",
  inputs: [
    { key: "survey_respondents", label: "调查样本量", unit: "人", kind: "integer", min: 0 },
    { key: "recognition_result", label: "社会认可度调查结果", unit: "%", kind: "decimal", min: 0, max: 100 },
  ],
  indicators: [{ key: "social_recognition_rate", label: "社会认可度", unit: "%", formula: { op: "value", of: "recognition_result" }, target: { op: ">=", value: 85 } }],
};
