// Sheet 图表: the posted PNG checks (schema, signature, size) and the workbook holding image, title and data.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ZChartImages, decodeChartPng, MAX_CHART_PNG_BYTES } from "@/lib/review/dashboard/chart-export";
import { statusChart } from "@/lib/review/dashboard/charts";
import { parseDashboardFilters } from "@/lib/review/dashboard/filters";
import type { Dashboard } from "@/lib/review/dashboard/types";
import { dashboardWorkbook } from "@/lib/review/dashboard/server/xlsx";

const ONE_PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const d: Dashboard = {
  filters: { ...parseDashboardFilters({}), year: 2021 },
  scheme: null,
  options: { years: [2021], schemes: [], cities: [] },
  counts: { mine: 1, elsewhere: 0, returned: 0, accepted: 0, draft: 0, none: 0 },
  columns: [],
  rows: [{ county: { code: "1", name: "甲县" }, city: null, bucket: "mine", report: null }],
  hasPrevious: false,
  level: "city",
  grades: [],
  reportsInYear: 0,
  dataAsOf: null,
};

describe("chart images posted for the .xlsx", () => {
  it("accepts a PNG data URL and reads its size; refuses other types, bad base64, too many and too large", () => {
    expect(ZChartImages.safeParse({ images: [{ id: "indicator-gross_rate", png: ONE_PIXEL }] }).success).toBe(true);
    expect(decodeChartPng(ONE_PIXEL)).toMatchObject({ width: 1, height: 1 });
    const bad = (images: unknown) => ZChartImages.safeParse({ images }).error?.issues[0]?.message;
    expect(bad([{ id: "status", png: "data:image/svg+xml;base64,PHN2Zz4=" }])).toBe("图表图片应为 PNG");
    expect(bad([{ id: "status", png: "data:image/png;base64,<script>" }])).toBe("图表图片不是有效的 PNG");
    expect(bad([{ id: "../x", png: ONE_PIXEL }])).toBe("图表编号不正确");
    expect(bad(Array.from({ length: 17 }, () => ({ id: "status", png: ONE_PIXEL })))).toBe("最多 16 张图表");
    expect(bad([{ id: "status", png: `data:image/png;base64,${"A".repeat(Math.ceil((MAX_CHART_PNG_BYTES * 4) / 3) + 4)}` }])).toBe("图表图片过大");
    // Valid base64 that is not a PNG.
    expect(decodeChartPng("data:image/png;base64,R0lGODlhAQABAAAAACw=")).toBeNull();
  });

  it("writes sheet 图表 with the title, the image and the chart's data below it", async () => {
    const spec = statusChart(d);
    const bytes = await dashboardWorkbook(d, [{ spec, png: decodeChartPng(ONE_PIXEL)! }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["概览", "指标", "图表"]);
    const ws = wb.getWorksheet("图表")!;
    expect(ws.getCell("A1").value).toBe("报告状态");
    expect(ws.getImages()).toHaveLength(1);
    const values = ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
    expect(values).toContainEqual(["范围", "待我审核"]);
    expect(values).toContainEqual(["全部县区", 1]);
    // Without charts the workbook is the plain export.
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load((await dashboardWorkbook(d)) as unknown as ArrayBuffer);
    expect(plain.worksheets.map((w) => w.name)).toEqual(["概览", "指标"]);
  });
});
