// 政府保障程度: the 15 indicators of 教督〔2017〕6号 (shared/domain/reference.md §2.2), all of which must be met. Each is a
// sub-point to write about; those with a number get inputs and a computed indicator with the national target.
// Items 4 and 5 (school size, class size) are counted from the per-school table's ceilings (version 2), not typed.
import type { TCriterionInput } from "@/lib/template/schema";

const yes = (key: string, label: string, input: string, inputLabel: string) => ({
  input: { key: input, label: inputLabel, kind: "boolean" as const },
  indicator: { key, label, formula: { op: "yesno" as const, of: input }, target: { op: "yes" as const } },
});
const g1 = yes("layout_reasonable", "学校规划布局合理", "layout_plan_in_place", "学校规划布局合理，符合国家规定要求");
const g2 = yes("unified_standards", "城乡学校四统一", "unified_standards_applied", "城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一");
const g3 = yes("music_art_rooms", "音乐、美术专用教室配备达标", "music_art_rooms_ok", "所有学校每12个班级配备音乐、美术专用教室各1间以上，音乐教室≥96㎡、美术教室≥90㎡");
const g6 = yes("small_school_funding", "不足100名学生的村小和教学点按100名学生核定公用经费", "small_school_funding_ok", "不足100名学生的村小学和教学点按100名学生核定公用经费");
const g10 = yes("staffing_managed", "县级教育行政部门统筹分配编制和岗位", "staffing_managed_by_county", "县级教育行政部门在核定的编制、岗位总量内统筹分配各校教职工编制和岗位数量");
const g15 = yes("left_behind_care", "留守儿童关爱体系健全", "left_behind_care_in_place", "留守儿童关爱体系健全");

export const governmentCriterion: TCriterionInput = {
  code: "government_support",
  ordinal: 2,
  title: "政府保障程度",
  guidance: "对照政府保障程度的 15 项指标逐项说明落实情况，有数据的写明数据；15 项指标均须达到要求。",
  subpoints: [
    { code: "g01_layout", title: "学校规划布局合理，符合国家规定要求" },
    { code: "g02_standards", title: "城乡学校建设、编制、公用经费、装备配置标准统一" },
    { code: "g03_music_art", title: "音乐、美术专用教室配备" },
    { code: "g04_school_size", title: "学校规模：小学、初中不超过2000人，九年一贯制学校不超过2500人" },
    { code: "g05_class_size", title: "班额：小学不超过45人，初中不超过50人" },
    { code: "g06_small_schools", title: "不足100名学生的村小学和教学点按100名学生核定公用经费" },
    { code: "g07_special_education", title: "特殊教育学校生均公用经费不低于6000元" },
    { code: "g08_teacher_pay", title: "教师平均工资收入水平不低于当地公务员平均工资收入水平" },
    { code: "g09_training", title: "教师5年360学时培训完成率达到100%" },
    { code: "g10_staffing", title: "县级教育行政部门统筹分配编制和岗位" },
    { code: "g11_rotation", title: "教师交流轮岗：每年不低于符合条件教师总数的10%，骨干教师不低于交流轮岗教师总数的20%" },
    { code: "g12_certificates", title: "专任教师持有教师资格证上岗率达到100%" },
    { code: "g13_nearby", title: "就近划片入学：城区和镇区公办小学100%、初中不低于95%" },
    { code: "g14_quota", title: "优质高中招生名额分配比例不低于50%，并向农村初中倾斜" },
    { code: "g15_left_behind", title: "留守儿童关爱体系健全，随迁子女在公办学校和政府购买服务的民办学校就读比例不低于85%" },
  ],
  inputs: [
    g1.input,
    g2.input,
    g3.input,
    g6.input,
    { key: "special_school_public_funds", label: "特殊教育学校生均公用经费", unit: "元", kind: "decimal", min: 0 },
    { key: "teacher_avg_pay", label: "义务教育学校教师年平均工资收入", unit: "元", kind: "decimal", min: 0 },
    { key: "civil_servant_avg_pay", label: "当地公务员年平均工资收入", unit: "元", kind: "decimal", min: 0 },
    { key: "teachers_total", label: "义务教育学校专任教师数", unit: "人", kind: "integer", min: 0 },
    { key: "teachers_trained_360", label: "完成5年360学时培训的教师数", unit: "人", kind: "integer", min: 0 },
    g10.input,
    { key: "rotation_eligible", label: "符合交流轮岗条件的教师数", unit: "人", kind: "integer", min: 0 },
    { key: "rotation_teachers", label: "本年交流轮岗教师数", unit: "人", kind: "integer", min: 0 },
    { key: "rotation_backbone", label: "交流轮岗教师中的骨干教师数", unit: "人", kind: "integer", min: 0 },
    { key: "teachers_certified", label: "持有教师资格证的专任教师数", unit: "人", kind: "integer", min: 0 },
    { key: "urban_primary_entrants", label: "城区和镇区公办小学新生数", unit: "人", kind: "integer", min: 0 },
    { key: "urban_primary_nearby", label: "其中就近划片入学的小学新生数", unit: "人", kind: "integer", min: 0 },
    { key: "urban_junior_entrants", label: "城区和镇区公办初中新生数", unit: "人", kind: "integer", min: 0 },
    { key: "urban_junior_nearby", label: "其中就近划片入学的初中新生数", unit: "人", kind: "integer", min: 0 },
    { key: "quality_high_school_plan", label: "优质普通高中招生计划数", unit: "人", kind: "integer", min: 0 },
    { key: "quality_high_school_quota", label: "分配到初中学校的招生名额数", unit: "人", kind: "integer", min: 0 },
    g15.input,
    { key: "migrant_children", label: "随迁子女在校生数", unit: "人", kind: "integer", min: 0 },
    { key: "migrant_children_public", label: "在公办学校和政府购买服务的民办学校就读的随迁子女数", unit: "人", kind: "integer", min: 0 },
  ],
  indicators: [
    g1.indicator,
    g2.indicator,
    g3.indicator,
    {
      key: "oversized_schools_count",
      label: "超规模学校",
      format: { kind: "count", unit: "所" },
      formula: { op: "schools", table: "school_resources", indicator: "school_size", count: "unmet" },
      target: { op: "=", value: 0 },
    },
    {
      key: "oversized_class_schools_count",
      label: "有超班额班级的学校",
      format: { kind: "count", unit: "所" },
      formula: { op: "schools", table: "school_resources", indicator: "class_size", count: "unmet" },
      target: { op: "=", value: 0 },
    },
    g6.indicator,
    { key: "special_school_funds", label: "特殊教育学校生均公用经费", unit: "元", precision: 0, formula: { op: "value", of: "special_school_public_funds" }, target: { op: ">=", value: 6000 } },
    {
      key: "teacher_pay_gap",
      label: "教师平均工资高出公务员平均工资",
      unit: "元",
      precision: 0,
      formula: { op: "difference", a: "teacher_avg_pay", b: "civil_servant_avg_pay" },
      target: { op: ">=", value: 0, label: "不低于当地公务员" },
    },
    { key: "training_360_rate", label: "5年360学时培训完成率", unit: "%", formula: { op: "percent", num: "teachers_trained_360", den: "teachers_total" }, target: { op: "=", value: 100 } },
    g10.indicator,
    { key: "rotation_rate", label: "教师交流轮岗比例", unit: "%", formula: { op: "percent", num: "rotation_teachers", den: "rotation_eligible" }, target: { op: ">=", value: 10 } },
    { key: "rotation_backbone_share", label: "交流轮岗教师中骨干教师比例", unit: "%", formula: { op: "percent", num: "rotation_backbone", den: "rotation_teachers" }, target: { op: ">=", value: 20 } },
    { key: "certified_rate", label: "专任教师持证上岗率", unit: "%", formula: { op: "percent", num: "teachers_certified", den: "teachers_total" }, target: { op: "=", value: 100 } },
    { key: "nearby_primary_rate", label: "公办小学就近划片入学比例", unit: "%", formula: { op: "percent", num: "urban_primary_nearby", den: "urban_primary_entrants" }, target: { op: "=", value: 100 } },
    { key: "nearby_junior_rate", label: "公办初中就近划片入学比例", unit: "%", formula: { op: "percent", num: "urban_junior_nearby", den: "urban_junior_entrants" }, target: { op: ">=", value: 95 } },
    { key: "quota_allocation_rate", label: "优质高中招生名额分配比例", unit: "%", formula: { op: "percent", num: "quality_high_school_quota", den: "quality_high_school_plan" }, target: { op: ">=", value: 50 } },
    g15.indicator,
    { key: "migrant_public_rate", label: "随迁子女在公办学校和政府购买服务的民办学校就读比例", unit: "%", formula: { op: "percent", num: "migrant_children_public", den: "migrant_children" }, target: { op: ">=", value: 85 } },
  ],
};
