import { describe, expect, it } from "vitest";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import { evaluateSchoolTable, tableFailures } from "@/lib/schools/rules";
import { rowIndicators } from "@/lib/schools/row-values";
import type { TSchoolRow } from "@/lib/schools/rows";

const table = QUALITY_BALANCE_2017_COUNTY.tables[0];

/** A 小学 row meeting every standard comfortably, per 100 pupils: 5 teachers, 1.2 骨干, 1 体艺, 2.5 rooms; per pupil:
 *  5 ㎡ rooms, 8 ㎡ sports, 2100 元. Overrides change single figures. */
function primary(name: string, pupils: number, overrides: Partial<Record<string, number | null>> = {}): TSchoolRow {
  const p = pupils / 100;
  return {
    name,
    type: "primary_school",
    stage: "primary",
    values: {
      pupils,
      qualified_teachers: 5 * p,
      backbone_teachers: 1.2 * p,
      pe_art_teachers: 1 * p,
      teaching_area: 5 * pupils,
      sports_area: 8 * pupils,
      equipment_value: 2100 * pupils,
      multimedia_rooms: 2.5 * p,
      ...overrides,
    },
  };
}

describe("per-school indicators", () => {
  it("derives each indicator with the formula engine and compares the printed value with the standard", () => {
    const results = rowIndicators(table, primary("城关小学", 400, { backbone_teachers: 3 })); // 0.75 per 100 pupils
    const backbone = results.find((r) => r.key === "backbone_teachers_per100")!;
    expect(backbone).toMatchObject({ status: "below", value: 0.75, display: "0.75人", standard: 1 });
    expect(backbone.reason).toBe("0.75人，低于标准 1人（为标准的 75%）");
    expect(results.find((r) => r.key === "qualified_teachers_per100")).toMatchObject({ status: "met", value: 5 });
  });

  it("rounds before comparing: 4.195 prints as 4.20 and meets ≥ 4.2", () => {
    const row = primary("甲小学", 2000, { qualified_teachers: 83.9 }); // 4.195 per 100
    expect(rowIndicators(table, row).find((r) => r.key === "qualified_teachers_per100")).toMatchObject({ status: "met", value: 4.2 });
  });
});

describe("evaluateSchoolTable: the 6-of-7 and 85% rule", () => {
  it("passes a school that misses one indicator but reaches 85% of it", () => {
    const row = primary("乙小学", 1000, { sports_area: 6.4 * 1000 }); // 6.4 / 7.5 = 85.3%
    const [school] = evaluateSchoolTable(table, [row]).schools;
    expect(school).toMatchObject({ status: "pass", metCount: 6 });
  });

  it("fails a school whose one missed indicator is below 85%", () => {
    const row = primary("丙小学", 1000, { sports_area: 6.3 * 1000 }); // 84%
    const [school] = evaluateSchoolTable(table, [row]).schools;
    expect(school.status).toBe("fail");
    expect(school.reason).toContain("未达标的指标低于标准的 85%");
    expect(school.reason).toContain("「生均体育运动场馆面积」6.3㎡，低于标准 7.5㎡（为标准的 84%）");
  });

  it("fails a school that misses two indicators even if both reach 85%", () => {
    const row = primary("丁小学", 1000, { sports_area: 7000, teaching_area: 4400 });
    const [school] = evaluateSchoolTable(table, [row]).schools;
    expect(school).toMatchObject({ status: "fail", metCount: 5 });
    expect(school.reason).toMatch(/^只有 5 项达标（应至少 6 项）/);
  });

  it("holds each part of a 九年一贯制 school to its own level's standards", () => {
    const primaryPart = { ...primary("联合学校", 600), type: "nine_year" };
    // 5 teachers per 100 meets 小学 4.2 but not 初中 5.3 (94%, within 85%): still a pass with 6 of 7.
    const juniorPart: TSchoolRow = { ...primary("联合学校", 300, { teaching_area: 6 * 300, sports_area: 11 * 300, equipment_value: 2600 * 300 }), type: "nine_year", stage: "junior" };
    const result = evaluateSchoolTable(table, [primaryPart, juniorPart]);
    expect(result.schools.map((s) => [s.name, s.status, s.metCount])).toEqual([
      ["联合学校（小学）", "pass", 7],
      ["联合学校（初中）", "pass", 6],
    ]);
    expect(result.issues).toEqual([]);
  });

  it("asks for the missing stage of a 九年一贯制 school", () => {
    const result = evaluateSchoolTable(table, [{ ...primary("联合学校", 600), type: "nine_year" }]);
    expect(result.issues).toEqual([{ index: 0, message: "「联合学校」是九年一贯制学校，还缺少初中部分的数据行（每个学段单独一行）" }]);
    expect(result.passed).toBeNull();
  });
});

describe("evaluateSchoolTable: 差异系数 per 学段", () => {
  it("is 0.000 with one school, and the table passes", () => {
    const result = evaluateSchoolTable(table, [primary("唯一小学", 500)]);
    const cv = result.cvs.find((c) => c.stage === "primary" && c.indicator === "sports_area_per_pupil")!;
    expect(cv).toMatchObject({ status: "met", cv: 0, display: "0.000", meanDisplay: "8㎡", schools: 1, pupils: 500, max: 0.5 });
    expect(result.cvs.filter((c) => c.stage === "junior").every((c) => c.status === "none")).toBe(true);
    expect(result.passed).toBe(true);
  });

  it("takes X̄ as county total ÷ county pupils and weights schools by pupils", () => {
    // Sports area per pupil 8 (900 pupils) and 20 (100 pupils): X̄ = (7200 + 2000) / 1000 = 9.2;
    // S² = 0.9·1.2² + 0.1·10.8² = 1.296 + 11.664 = 12.96, S = 3.6, CV = 3.6 / 9.2 = 0.391304… → 0.391.
    const result = evaluateSchoolTable(table, [primary("大小学", 900), primary("小小学", 100, { sports_area: 2000 })]);
    const cv = result.cvs.find((c) => c.stage === "primary" && c.indicator === "sports_area_per_pupil")!;
    expect(cv).toMatchObject({ status: "met", display: "0.391", cv: 0.391, meanDisplay: "9.2㎡" });
  });

  it("fails a CV above the level's ceiling and names it as a problem to cover", () => {
    // Per pupil 2 and 20 ㎡ for equal schools: X̄ = 11, S = 9, CV = 0.818 > 0.50.
    const rows = [primary("甲", 500, { sports_area: 1000 }), primary("乙", 500, { sports_area: 10000 })];
    const result = evaluateSchoolTable(table, rows);
    const cv = result.cvs.find((c) => c.indicator === "sports_area_per_pupil" && c.stage === "primary")!;
    expect(cv).toMatchObject({ status: "unmet", display: "0.818", reason: "差异系数 0.818，高于小学上限 0.5" });
    expect(result.passed).toBe(false);
    expect(tableFailures(table, result).map((f) => f.key)).toEqual(["school_resources:schools", "school_resources:cv:sports_area_per_pupil:primary"]);
  });

  it("excludes a school with no pupils, with the reason", () => {
    const result = evaluateSchoolTable(table, [primary("甲", 500), { ...primary("停办小学", 100), values: { ...primary("x", 100).values, pupils: 0 } }]);
    expect(result.schools[1]).toMatchObject({ status: "excluded", reason: "学生数为 0，不参与达标判断和差异系数计算" });
    expect(result.cvs[0]).toMatchObject({ schools: 1, pupils: 500, status: "met" });
    expect(result.stages[0]).toMatchObject({ schools: 1, excluded: 1 });
  });

  it("says which school lacks what when a value is missing", () => {
    const result = evaluateSchoolTable(table, [primary("甲", 500), primary("乙", 400, { sports_area: null })]);
    expect(result.schools[1]).toMatchObject({ status: "incomplete", reason: "无法计算：缺少「体育运动场馆面积」" });
    const cv = result.cvs.find((c) => c.indicator === "sports_area_per_pupil" && c.stage === "primary")!;
    expect(cv).toMatchObject({ status: "missing", display: "无法计算", reason: "无法计算：「乙」缺少「体育运动场馆面积」" });
    expect(result.passed).toBeNull();
  });

  it("cannot compute a CV whose county mean is 0", () => {
    const result = evaluateSchoolTable(table, [primary("甲", 500, { multimedia_rooms: 0 }), primary("乙", 300, { multimedia_rooms: 0 })]);
    const cv = result.cvs.find((c) => c.indicator === "multimedia_rooms_per100" && c.stage === "primary")!;
    expect(cv).toMatchObject({ status: "missing", reason: "无法计算：全县平均值为 0，差异系数无意义" });
  });

  it("reports an empty table as open, not passed", () => {
    const result = evaluateSchoolTable(table, []);
    expect(result.passed).toBeNull();
    expect(result.issues).toEqual([{ index: null, message: "尚未填写或导入学校数据" }]);
  });
});
