// 资源配置: the 7 per-school indicators of 教督〔2017〕6号 with the national standards per 学段, the 6-of-7 + 85% rule
// and the 差异系数 ceilings (shared/domain/reference.md §2.1). Inputs are raw counts as the 教育事业统计报表 gives
// them; the indicators are derived. A 九年一贯制 school is two rows (小学部, 初中部): each part has its own pupils and
// resources and is held to its own level's standards, and the CV is computed per 学段 (decision 011).
// Version 2 adds the two per-school ceilings of 政府保障程度 (reference.md §2.2 items 4 and 5) as separate verdicts:
// school size ≤ 2000, a 九年一贯制 school (both stage rows summed) ≤ 2500, and class size ≤ 45 (小学) / 50 (初中).
import type { TSchoolTableInput } from "@/lib/template/school-table";

const per100 = (key: string, label: string, num: string, unit: string, primary: number, junior: number) => ({
  key,
  label,
  unit,
  precision: 2,
  formula: { op: "percent" as const, num, den: "pupils" },
  standards: { primary, junior },
});
const perPupil = (key: string, label: string, num: string, unit: string, precision: number, primary: number, junior: number) => ({
  key,
  label,
  unit,
  precision,
  formula: { op: "ratio" as const, num, den: "pupils" },
  standards: { primary, junior },
});

export const resourceTable: TSchoolTableInput = {
  key: "school_resources",
  title: "义务教育学校资源配置情况表",
  guidance:
    "每所学校填一行；九年一贯制学校分小学、初中两行填写（学校名称相同，学段分别填“小学”“初中”），各自填写本学段的学生数和资源数据。可下载模板填写后导入。",
  stages: [
    { key: "primary", label: "小学" },
    { key: "junior", label: "初中" },
  ],
  schoolTypes: [
    { key: "primary_school", label: "小学", stages: ["primary"], aliases: ["完全小学"] },
    { key: "junior_school", label: "初中", stages: ["junior"], aliases: ["初级中学"] },
    { key: "nine_year", label: "九年一贯制", stages: ["primary", "junior"], aliases: ["九年一贯制学校", "九年制"] },
  ],
  enrolment: "pupils",
  columns: [
    { key: "pupils", label: "学生数", unit: "人", kind: "integer", min: 0, aliases: ["在校生数", "在校学生数"], hint: "本学段在校生数（学籍注册数）" },
    {
      key: "qualified_teachers",
      label: "高于规定学历教师数",
      unit: "人",
      kind: "integer",
      min: 0,
      hint: "小学为专科及以上学历、初中为本科及以上学历的专任教师",
    },
    { key: "backbone_teachers", label: "县级以上骨干教师数", unit: "人", kind: "integer", min: 0 },
    {
      key: "pe_art_teachers",
      label: "体育艺术专任教师数",
      unit: "人",
      kind: "integer",
      min: 0,
      aliases: ["体育、艺术专任教师数", "体育艺术（美术、音乐）专任教师数"],
      hint: "体育、音乐、美术（艺术）专任教师",
    },
    {
      key: "teaching_area",
      label: "教学及辅助用房面积",
      unit: "㎡",
      kind: "decimal",
      min: 0,
      hint: "不含室内体育用房",
    },
    { key: "sports_area", label: "体育运动场馆面积", unit: "㎡", kind: "decimal", min: 0, hint: "体育馆与校内体育场面积之和" },
    { key: "equipment_value", label: "教学仪器设备值", unit: "元", kind: "decimal", min: 0 },
    { key: "multimedia_rooms", label: "网络多媒体教室数", unit: "间", kind: "integer", min: 0 },
    { key: "max_class_size", label: "最大班额", unit: "人", kind: "integer", min: 0, required: false, hint: "本学段人数最多的班级的学生数" },
  ],
  indicators: [
    per100("qualified_teachers_per100", "每百名学生拥有高于规定学历教师数", "qualified_teachers", "人", 4.2, 5.3),
    per100("backbone_teachers_per100", "每百名学生拥有县级以上骨干教师数", "backbone_teachers", "人", 1, 1),
    per100("pe_art_teachers_per100", "每百名学生拥有体育、艺术专任教师数", "pe_art_teachers", "人", 0.9, 0.9),
    perPupil("teaching_area_per_pupil", "生均教学及辅助用房面积", "teaching_area", "㎡", 2, 4.5, 5.8),
    perPupil("sports_area_per_pupil", "生均体育运动场馆面积", "sports_area", "㎡", 2, 7.5, 10.2),
    perPupil("equipment_value_per_pupil", "生均教学仪器设备值", "equipment_value", "元", 2, 2000, 2500),
    per100("multimedia_rooms_per100", "每百名学生拥有网络多媒体教室数", "multimedia_rooms", "间", 2.3, 2.4),
    {
      key: "school_size",
      label: "学校规模",
      unit: "人",
      precision: 0,
      formula: { op: "value", of: "pupils" },
      standards: { primary: 2000, junior: 2000 },
      variants: [{ when: { types: ["nine_year"] }, standards: { primary: 2500, junior: 2500 }, note: "九年一贯制学校（两个学段合计）不超过2500人" }],
      bound: "max",
      role: "separate",
      scope: "school",
      cv: false,
    },
    {
      key: "class_size",
      label: "班额",
      unit: "人",
      precision: 0,
      formula: { op: "value", of: "max_class_size" },
      standards: { primary: 45, junior: 50 },
      bound: "max",
      role: "separate",
      cv: false,
    },
  ],
  rules: { minIndicatorsMet: 6, floorPercent: 85, cvMax: { primary: 0.5, junior: 0.45 }, cvPrecision: 3 },
};
