// 一、基本情况 of the 2021 Shanxi county scheme: the county profile as structured figures, so the totals the
// profile states can be checked against their breakdown (the Wenxi report says 193 schools; its types add up to 194).
import type { TPartInput } from "@/lib/template/schema";

export const profilePart: TPartInput = {
  key: "profile",
  kind: "profile",
  title: "基本情况",
  guidance:
    "简要介绍县情：地理位置、面积、行政区划和人口，再写全县学校（园）、教职工和在校学生总数及各类学校的所数。各类学校所数之和应等于学校总数，系统会自动核对。",
  inputs: [
    { key: "land_area", label: "国土面积", unit: "平方公里", kind: "decimal" },
    { key: "towns", label: "下辖镇", unit: "个", kind: "integer" },
    { key: "townships", label: "下辖乡", unit: "个", kind: "integer" },
    { key: "villages", label: "行政村", unit: "个", kind: "integer" },
    { key: "resident_population", label: "常住人口", unit: "万人", kind: "decimal", hint: "以万人为单位，如 35.5" },
    { key: "school_total", label: "学校（园）总数", unit: "所", kind: "integer", hint: "含公办、民办各级各类学校和幼儿园", aliases: ["公民办学校(园)", "学校总数"] },
    { key: "staff_total", label: "教职工", unit: "人", kind: "integer", aliases: ["教职工总数"] },
    { key: "student_total", label: "在校学生", unit: "人", kind: "integer", aliases: ["在校学生总数"] },
    { key: "schools_senior_high", label: "普通高中", unit: "所", kind: "integer", aliases: ["高中"] },
    { key: "schools_vocational", label: "职业中学", unit: "所", kind: "integer", aliases: ["职中"] },
    { key: "schools_junior", label: "初级中学", unit: "所", kind: "integer", aliases: ["初中"] },
    { key: "schools_primary", label: "小学", unit: "所", kind: "integer" },
    { key: "schools_kindergarten", label: "幼儿园", unit: "所", kind: "integer" },
    { key: "schools_special", label: "特殊教育学校", unit: "所", kind: "integer" },
    { key: "schools_nine_year", label: "九年一贯制学校", unit: "所", kind: "integer" },
  ],
  checks: [
    {
      key: "school_types_sum",
      label: "各类学校数与学校总数",
      kind: "sumEquals",
      parts: [
        "schools_senior_high",
        "schools_vocational",
        "schools_junior",
        "schools_primary",
        "schools_kindergarten",
        "schools_special",
        "schools_nine_year",
      ],
      total: "school_total",
      message: "各类学校数之和 {sum} 与学校总数 {total} 不一致",
    },
  ],
};
