// Table v2: standards that depend on the row (school type, 城区/乡村, 寄宿制), ceilings, "separate" verdicts
// (school size and class size of 政府保障程度), whole-school scope, split factors, exemptions, and exact vs displayed
// rounding at the boundary — with messages that never round across the bound they report.
import { describe, expect, it } from "vitest";
import { ZSchoolTable, type TSchoolTableInput } from "@/lib/template/school-table";
import { evaluateSchoolTable, schoolCounts, tableFailures } from "@/lib/schools/rules";
import { rowIndicators } from "@/lib/schools/row-values";
import type { TSchoolRow } from "@/lib/schools/rows";

const definition: TSchoolTableInput = {
  key: "t",
  title: "测试表",
  stages: [
    { key: "primary", label: "小学" },
    { key: "junior", label: "初中" },
  ],
  schoolTypes: [
    { key: "primary_school", label: "小学", stages: ["primary"] },
    { key: "junior_school", label: "初中", stages: ["junior"] },
    { key: "nine_year", label: "九年一贯制", stages: ["primary", "junior"], split: { factors: { primary: 0.4, junior: 0.6 }, columns: ["sports_area"] } },
  ],
  attributes: [
    { key: "area", label: "城乡类别", kind: "category", options: [{ key: "urban", label: "城区" }, { key: "town", label: "镇区" }, { key: "rural", label: "乡村" }] },
    { key: "dense", label: "城区高密度学校", kind: "flag" },
  ],
  enrolment: "pupils",
  columns: [
    { key: "pupils", label: "学生数", unit: "人", kind: "integer" },
    { key: "teachers", label: "教师数", unit: "人", kind: "integer" },
    { key: "sports_area", label: "体育运动场馆面积", unit: "㎡", kind: "decimal" },
    { key: "max_class", label: "最大班额", unit: "人", kind: "integer", required: false },
  ],
  indicators: [
    { key: "teachers_per100", label: "每百名学生教师数", unit: "人", formula: { op: "percent", num: "teachers", den: "pupils" }, standards: { primary: 4.2, junior: 5.3 } },
    {
      key: "sports_per_pupil",
      label: "生均体育运动场馆面积",
      unit: "㎡",
      formula: { op: "ratio", num: "sports_area", den: "pupils" },
      standards: { primary: 7.5, junior: 10.2 },
      variants: [
        { when: { attributes: { dense: true } }, exempt: true, note: "城区高密度学校不作要求" },
        { when: { attributes: { area: ["rural"] } }, standards: { primary: 6, junior: 8 } },
      ],
    },
    {
      key: "school_size",
      label: "学校规模",
      unit: "人",
      precision: 0,
      formula: { op: "value", of: "pupils" },
      standards: { primary: 2000, junior: 2000 },
      variants: [{ when: { types: ["nine_year"] }, standards: { primary: 2500, junior: 2500 } }],
      bound: "max",
      role: "separate",
      scope: "school",
      cv: false,
    },
    { key: "class_size", label: "最大班额", unit: "人", precision: 0, formula: { op: "value", of: "max_class" }, standards: { primary: 45, junior: 50 }, bound: "max", role: "separate", cv: false },
  ],
  rules: { minIndicatorsMet: 2, floorPercent: 85, cvMax: { primary: 0.5, junior: 0.45 } },
};
const table = ZSchoolTable.parse(definition);

const row = (name: string, type: string, stage: string, values: Record<string, number | null>, attrs: TSchoolRow["attrs"] = {}): TSchoolRow => ({ name, type, stage, values, attrs });
const ok = (pupils: number, extra: Record<string, number | null> = {}) => ({ pupils, teachers: (pupils / 100) * 6, sports_area: pupils * 11, max_class: 40, ...extra });

describe("standards that depend on the row", () => {
  it("takes the rural standard for a 乡村 school and exempts a dense urban one", () => {
    const rural = rowIndicators(table, row("甲", "primary_school", "primary", ok(500, { sports_area: 500 * 6.2 }), { area: "rural" }));
    expect(rural[1]).toMatchObject({ status: "met", standard: 6, value: 6.2 });
    const urban = rowIndicators(table, row("乙", "primary_school", "primary", ok(500, { sports_area: 500 * 6.2 }), { area: "urban" }));
    expect(urban[1]).toMatchObject({ status: "below", standard: 7.5 });
    const dense = rowIndicators(table, row("丙", "primary_school", "primary", ok(500, { sports_area: 100 }), { area: "urban", dense: true }));
    expect(dense[1]).toMatchObject({ status: "exempt", reason: "城区高密度学校不作要求" });
    // An exempt indicator counts as met: the school passes with 2 of 2.
    expect(evaluateSchoolTable(table, [row("丙", "primary_school", "primary", ok(500, { sports_area: 100 }), { dense: true })]).schools[0]).toMatchObject({ status: "pass", metCount: 2 });
  });
});

describe("ceilings and separate verdicts", () => {
  it("holds ordinary schools to ≤ 2000 and a 九年一贯制 school, both stage rows summed, to ≤ 2500", () => {
    const rows = [
      row("大小学", "primary_school", "primary", ok(2100)),
      row("联合学校", "nine_year", "primary", ok(1300, { sports_area: 40000 })),
      row("联合学校", "nine_year", "junior", ok(1100, { sports_area: 40000 })),
      row("超大学校", "nine_year", "primary", ok(1500, { sports_area: 60000 })),
      row("超大学校", "nine_year", "junior", ok(1100, { sports_area: 60000 })),
    ];
    const result = evaluateSchoolTable(table, rows);
    const size = result.limits.find((l) => l.indicator === "school_size")!;
    expect(size).toMatchObject({ status: "unmet", schools: 3, met: 1, unmet: ["大小学", "超大学校"] });
    expect(result.schools[0].indicators[2]).toMatchObject({ status: "below", reason: "2100人，高于上限 2000人" });
    expect(result.schools[3].indicators[2]).toMatchObject({ value: 2600, standard: 2500, status: "below" });
    // Separate verdicts leave the resource verdict alone.
    expect(result.schools.map((s) => s.status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(tableFailures(table, result).map((f) => f.key)).toEqual(["t:limit:school_size"]);
    expect(schoolCounts(table, result, rows, "school_size")).toEqual({ passing: 1, failing: 2, counted: 3 });
  });

  it("checks the class-size ceiling per 学段 (45 / 50) and leaves a school without the figure open", () => {
    const rows = [row("甲小学", "primary_school", "primary", ok(500, { max_class: 46 })), row("乙中学", "junior_school", "junior", ok(500, { max_class: 50 })), row("丙小学", "primary_school", "primary", ok(500, { max_class: null }))];
    const limit = evaluateSchoolTable(table, rows).limits.find((l) => l.indicator === "class_size")!;
    expect(limit).toMatchObject({ status: "unmet", met: 1, unmet: ["甲小学"], missing: ["丙小学"] });
  });
});

describe("split factors for shared resources", () => {
  it("counts each stage's share of the whole school's figure", () => {
    const rows = [row("联合学校", "nine_year", "primary", ok(600, { sports_area: 10000 })), row("联合学校", "nine_year", "junior", ok(400, { sports_area: 10000 }))];
    const [primary, junior] = evaluateSchoolTable(table, rows).schools;
    expect(primary.indicators[1]).toMatchObject({ value: 6.67 }); // 10000 × 0.4 / 600
    expect(junior.indicators[1]).toMatchObject({ value: 15 }); // 10000 × 0.6 / 400
  });

  it("asks for the same whole-school figure on every stage row", () => {
    const rows = [row("联合学校", "nine_year", "primary", ok(600, { sports_area: 10000 })), row("联合学校", "nine_year", "junior", ok(400, { sports_area: 6000 }))];
    expect(evaluateSchoolTable(table, rows).issues).toEqual([{ index: 1, message: "「联合学校」各学段行的「体育运动场馆面积」应填全校数且相同（按分摊系数计入各学段），现为 10000、6000" }]);
  });
});

describe("rounding chosen by the scheme, at the boundary", () => {
  // 85% of 4.2 is 3.57; 3.566 teachers per 100 pupils prints as 3.57 with 2 decimals.
  const fewer = row("甲", "primary_school", "primary", ok(1000, { teachers: 35.66 }));
  it("displayed: 3.566 prints as 3.57 and reaches the 85% floor", () => {
    expect(rowIndicators(table, fewer)[0]).toMatchObject({ status: "floor", display: "3.57人", reason: "3.57人，低于标准 4.2人（为标准的 85%）" });
  });

  it("exact: 3.566 misses the floor, and the message shows 3.566 and 84.9%, never 3.57 or 85%", () => {
    const exactTable = { ...table, rules: { ...table.rules, rounding: "exact" as const } };
    expect(rowIndicators(exactTable, fewer)[0]).toMatchObject({ status: "below", display: "3.566人", reason: "3.566人，低于标准 4.2人（为标准的 84.9%）" });
    // The scheme's rounding applies when the table sets none.
    expect(rowIndicators(table, fewer, { rounding: "exact" })[0].status).toBe("below");
  });

  it("never prints a share of the standard that rounds onto the floor", () => {
    // 5.3 × 84.96% = 4.50288: 4.50 with 2 decimals → 84.905…% of 5.3, printed 84.9, not 85.
    const junior = row("乙", "junior_school", "junior", ok(1000, { teachers: 45.0288 }));
    const r = rowIndicators(table, junior)[0];
    expect(r.status).toBe("below");
    expect(r.reason).toBe("4.5人，低于标准 5.3人（为标准的 84.9%）");
    const close = rowIndicators({ ...table, rules: { ...table.rules, rounding: "exact" } }, row("丙", "junior_school", "junior", ok(100000, { teachers: 4504.9 })))[0];
    // 4.5049 / 5.3 = 84.998…% → "84.99…" would round to 85.0: printed with the decimals it needs.
    expect(close.reason).toMatch(/为标准的 84\.99+\d*%/);
  });
});
