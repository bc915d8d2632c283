import { describe, expect, it } from "vitest";
import { testScheme } from "@/lib/template/test-scheme";
import { validateScheme } from "@/lib/template/validate-scheme";
import type { TSchemeInput } from "@/lib/template/schema";
import type { TSchoolTableInput } from "@/lib/template/school-table";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import { PRESCHOOL_2020_COUNTY } from "@/lib/template/schemes/preschool-2020";

const table: TSchoolTableInput = {
  key: "resources",
  title: "学校资源表",
  stages: [{ key: "primary", label: "小学" }],
  schoolTypes: [{ key: "primary_school", label: "小学", stages: ["primary"] }],
  enrolment: "pupils",
  columns: [
    { key: "pupils", label: "学生数", unit: "人", kind: "integer" },
    { key: "rooms", label: "教室数", unit: "间", kind: "integer" },
  ],
  indicators: [{ key: "rooms_per100", label: "每百名学生教室数", formula: { op: "percent", num: "rooms", den: "pupils" }, standards: { primary: 2 } }],
  rules: { minIndicatorsMet: 1, floorPercent: 85, cvMax: { primary: 0.5 } },
};

function withTable(t: TSchoolTableInput, placed = true, extra: Partial<TSchemeInput> = {}): TSchemeInput {
  const base = testScheme();
  const criteria = base.criteria.map((c) => (placed ? { ...c, table: "resources" } : c));
  return { ...base, criteria, tables: [t], ...extra };
}

function errorsOf(json: unknown) {
  const result = validateScheme(json);
  if (result.ok) throw new Error("expected the scheme to be refused");
  return result.errors;
}

describe("validateScheme: per-school tables", () => {
  it("accepts a table placed under a criterion and applies defaults", () => {
    const result = validateScheme(withTable(table));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scheme.tables[0]).toMatchObject({ nameLabel: "学校名称", maxRows: 5000, rules: { cvPrecision: 3 } });
    expect(result.scheme.tables[0].indicators[0]).toMatchObject({ cv: true, precision: 2 });
  });

  it("refuses an unplaced table and a criterion naming an unknown table", () => {
    expect(errorsOf(withTable(table, false))).toEqual([{ path: "tables[0]", message: "表格「学校资源表」没有放在任何评价重点下（在评价重点中设置 table: \"resources\"）" }]);
    const scheme = withTable(table);
    scheme.criteria[0] = { ...scheme.criteria[0], table: "nothing" };
    expect(errorsOf(scheme).map((e) => e.message)).toContain("引用了不存在的表格「nothing」");
  });

  it("refuses unknown operands, stages without a standard or CV ceiling, and a non-integer enrolment column", () => {
    const bad: TSchoolTableInput = {
      ...table,
      stages: [...table.stages, { key: "junior", label: "初中" }],
      enrolment: "rooms_area",
      columns: [...table.columns, { key: "rooms_area", label: "教室面积", unit: "㎡", kind: "decimal" }],
      indicators: [{ key: "rooms_per100", label: "每百名学生教室数", formula: { op: "percent", num: "halls", den: "pupils" }, standards: { primary: 2, senior: 3 } }],
    };
    expect(errorsOf(withTable(bad))).toEqual([
      { path: "tables[0].enrolment", message: "学生数列应为整数列（integer）" },
      { path: "tables[0].indicators[0].formula.num", message: "引用了表格中不存在的列或指标「halls」" },
      { path: "tables[0].indicators[0].standards.senior", message: "未知的学段「senior」（可用的有：primary、junior）" },
      { path: "tables[0].indicators[0].standards", message: "缺少初中（junior）的标准值" },
      { path: "tables[0].rules.cvMax", message: "缺少初中（junior）的差异系数上限" },
    ]);
  });

  it("refuses headers that would be confused on import", () => {
    const twin: TSchoolTableInput = { ...table, columns: [...table.columns, { key: "rooms2", label: "教室 数", unit: "间", kind: "integer" }] };
    expect(errorsOf(withTable(twin))).toEqual([{ path: "tables[0].columns[2]", message: "列标题「教室数」重复（已在 tables[0].columns[1] 使用）" }]);
  });
});

describe("validateScheme: veto items", () => {
  it("needs a veto part when there are vetoes, and vetoes when there is a veto part", () => {
    const vetoes = [{ key: "fake", question: "是否存在弄虚作假" }];
    expect(errorsOf({ ...testScheme(), vetoes })).toEqual([{ path: "parts", message: "方案有一票否决事项，但缺少「一票否决事项」部分（veto）" }]);
    const base = testScheme();
    const parts = [...base.parts, { key: "veto", kind: "veto" as const, title: "一票否决事项" }];
    expect(errorsOf({ ...base, parts })).toEqual([{ path: "vetoes", message: "方案有「一票否决事项」部分，但没有列出任何否决事项" }]);
    expect(validateScheme({ ...base, parts, vetoes }).ok).toBe(true);
  });
});

describe("built-in schemes", () => {
  it("ships Shanxi 2021, 优质均衡, 学前普及普惠 and the scored 2023 excerpt", () => {
    expect(BUILTIN_SCHEMES.map((s) => [s.code, s.version])).toEqual([
      ["shanxi-2021-county", 2],
      ["national-2017-compulsory-quality-balance", 2],
      ["national-2020-preschool-universal-inclusive", 2],
      ["county-duty-2023-scored-excerpt", 1],
    ]);
  });

  it("优质均衡: 7 resource indicators with 2017 standards, 2 per-school ceilings, 15 + 9 sub-points, 6 veto items", () => {
    const s = QUALITY_BALANCE_2017_COUNTY;
    const t = s.tables[0];
    expect(t.indicators.filter((i) => i.role === "separate").map((i) => [i.label, i.bound, i.standards.primary, i.standards.junior, i.variants.map((v) => v.standards)])).toEqual([
      ["学校规模", "max", 2000, 2000, [{ primary: 2500, junior: 2500 }]],
      ["班额", "max", 45, 50, []],
    ]);
    expect(t.indicators.filter((i) => i.role === "counted").map((i) => [i.label, i.standards.primary, i.standards.junior])).toEqual([
      ["每百名学生拥有高于规定学历教师数", 4.2, 5.3],
      ["每百名学生拥有县级以上骨干教师数", 1, 1],
      ["每百名学生拥有体育、艺术专任教师数", 0.9, 0.9],
      ["生均教学及辅助用房面积", 4.5, 5.8],
      ["生均体育运动场馆面积", 7.5, 10.2],
      ["生均教学仪器设备值", 2000, 2500],
      ["每百名学生拥有网络多媒体教室数", 2.3, 2.4],
    ]);
    expect(t.rules).toEqual({ minIndicatorsMet: 6, floorPercent: 85, cvMax: { primary: 0.5, junior: 0.45 }, cvPrecision: 3 });
    expect(s.criteria.map((c) => [c.title, c.subpoints.length])).toEqual([
      ["资源配置", 2],
      ["政府保障程度", 15],
      ["教育质量", 9],
      ["社会认可度", 0],
    ]);
    expect(s.vetoes).toHaveLength(6);
  });

  it("学前普及普惠: the three national ratios and 社会认可度 ≥ 85%", () => {
    const targets = Object.fromEntries(PRESCHOOL_2020_COUNTY.criteria.flatMap((c) => c.indicators).map((i) => [i.key, i.target && "value" in i.target ? i.target.value : null]));
    expect(targets).toMatchObject({ gross_enrolment_rate: 85, inclusive_coverage_rate: 80, public_share: 50, social_recognition_rate: 85 });
    expect(PRESCHOOL_2020_COUNTY.criteria.map((c) => c.title)).toEqual(["普及普惠水平", "政府保障情况", "幼儿园保教质量保障情况", "社会认可度"]);
  });
});
