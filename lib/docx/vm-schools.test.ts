// The per-school table annexes (附件3/附件4) of an 优质均衡 report: what they print, the column widths, and that a
// report without such a table (the Shanxi demo) gets no extra annex.
import { describe, expect, it } from "vitest";
import { renderReportDocx } from "@/lib/docx/pack";
import { cvColumns, schoolColumns } from "@/lib/docx/parts/school-annex";
import { LANDSCAPE_TEXT_WIDTH } from "@/lib/docx/layout";
import { unzip } from "@/lib/docx/testing/unzip";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { importSchoolSheet } from "@/lib/schools/server/import";
import { csvOf, schoolSheetRows } from "@/lib/schools/testing";
import { demoReportContents } from "@/lib/seed/demo-report";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const scheme = QUALITY_BALANCE_2017_COUNTY;
const table = scheme.tables[0];

async function contentOf(count: number) {
  const outcome = await importSchoolSheet(table, { fileName: "学校.csv", bytes: new TextEncoder().encode(csvOf(schoolSheetRows(table, count))) }, new Date("2024-01-01"));
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join("\n"));
  return outcome.content;
}

describe("school table annexes", () => {
  it("prints every school with its indicators and the CV per 学段 × 指标, numbered 附件3 and 附件4", async () => {
    const content = await contentOf(30);
    content.rows[0].values.multimedia_rooms = 1;
    const vm = buildReportViewModel({ scheme, contents: { [`table:${table.key}`]: { v: 2, ...content } }, countyName: "示例县" });
    const [annex] = vm.annexes.schools!;
    expect(annex.schools.label).toBe("附件3");
    expect(annex.cvs.label).toBe("附件4");
    expect(annex.cvs.title).toBe("义务教育学校资源配置情况表差异系数计算结果");
    expect(annex.schools.rows).toHaveLength(30);
    expect(annex.schools.rows[0]).toMatchObject({ no: 1, name: "第1小学", stage: "小学", status: "未达标", met: "6/7" });
    expect(annex.schools.rows[0].values[6]).toMatch(/\*$/);
    expect(annex.schools.rows[1]).toMatchObject({ status: "达标", met: "7/7" });
    expect(annex.cvs.rows).toHaveLength(14);
    expect(annex.cvs.rows[0]).toMatchObject({ stage: "小学", indicator: "每百名学生拥有高于规定学历教师数", max: "0.50", status: "达标" });
    expect(annex.verdict).toBe("结论：资源配置未达标（1 所学校未达标）。");

    const xml = unzip(Buffer.from(await renderReportDocx(vm))).get("word/document.xml")!.toString("utf8");
    expect(xml.includes("附件4")).toBe(true);
    expect(xml.includes("4.义务教育学校资源配置情况表差异系数计算结果")).toBe(true);
    expect(xml.includes("第30小学")).toBe(true);
  });

  it("gives explicit widths that fill the landscape 版心", () => {
    const sum = (cols: { width: number }[]) => cols.reduce((n, c) => n + c.width, 0);
    expect(sum(schoolColumns(table.indicators.map((d) => d.label)))).toBe(LANDSCAPE_TEXT_WIDTH);
    expect(sum(schoolColumns(["一", "二", "三"]))).toBe(LANDSCAPE_TEXT_WIDTH);
    expect(sum(cvColumns())).toBe(LANDSCAPE_TEXT_WIDTH);
  });

  it("an empty table still prints both annexes, saying so", () => {
    const vm = buildReportViewModel({ scheme, contents: {}, countyName: "示例县" });
    expect(vm.annexes.schools![0].schools.rows).toEqual([]);
    expect(vm.annexes.schools![0].verdict).toBe("结论：数据尚不完整，暂不能判定。");
  });

  it("adds nothing to a report whose scheme has no per-school table", () => {
    const vm = buildReportViewModel({ scheme: SHANXI_2021_COUNTY, contents: demoReportContents(SHANXI_2021_COUNTY), countyName: "闻喜县" });
    expect("schools" in vm.annexes).toBe(false);
  });
});
