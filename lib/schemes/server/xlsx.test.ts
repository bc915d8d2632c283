import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { BUILTIN_SCHEMES } from "@/lib/template/schemes";
import { diffSchemes } from "@/lib/template/scheme-diff";
import { FIGURES_SHEET, ITEMS_SHEET, schemeToWorkbook, workbookToScheme } from "@/lib/schemes/server/xlsx";
import type { TScheme } from "@/lib/template/schema";
import { defineScheme } from "@/lib/template/validate-scheme";

/** Opens the workbook, lets `edit` change it as a person would in Excel, and saves it again. */
async function edited(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function column(sheet: ExcelJS.Worksheet, title: string): number {
  let at = 0;
  sheet.getRow(1).eachCell((c, i) => (c.value === title ? (at = i) : undefined));
  return at;
}

/** The first indicator row with a numeric target, and the indicator it is. */
function firstTargetRow(sheet: ExcelJS.Worksheet) {
  const target = column(sheet, "目标");
  for (let r = 2; r <= sheet.rowCount; r++) {
    const v = sheet.getCell(r, target).value;
    if (typeof v === "string" && /\d/.test(v)) return { row: r, col: target, key: String(sheet.getCell(r, column(sheet, "代号")).value) };
  }
  throw new Error("no indicator with a target");
}

describe.each(BUILTIN_SCHEMES.map((s) => [s.code, s] as [string, TScheme]))("Excel round trip of %s", (_code, scheme) => {
  it("download → upload unchanged → no differences", async () => {
    const result = await workbookToScheme(await schemeToWorkbook(scheme), scheme);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(diffSchemes(scheme, result.scheme)).toEqual([]);
    expect(result.scheme).toEqual(scheme);
  });

  const hasTarget = [...scheme.parts.flatMap((p) => (p.kind === "profile" ? p.indicators : [])), ...scheme.criteria.flatMap((c) => c.indicators)].some(
    (i) => i.target && i.target.op !== "yes",
  );
  it.runIf(hasTarget)("a changed target is the only change, named exactly", async () => {
    let key = "";
    const bytes = await edited(await schemeToWorkbook(scheme), (wb) => {
      const sheet = wb.getWorksheet(FIGURES_SHEET)!;
      const at = firstTargetRow(sheet);
      key = at.key;
      sheet.getCell(at.row, at.col).value = String(sheet.getCell(at.row, at.col).value).replace(/[\d.]+/, "42");
    });
    const result = await workbookToScheme(bytes, scheme);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    const changes = diffSchemes(scheme, result.scheme);
    const indicator = [...scheme.parts.flatMap((p) => (p.kind === "profile" ? p.indicators : [])), ...scheme.criteria.flatMap((c) => c.indicators)].find((i) => i.key === key)!;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "changed", what: "目标" });
    expect(changes[0].where).toContain(`指标「${indicator.label}」`);
    expect(changes[0].detail).toMatch(/→ \S+ 42\b|→ 42 ~/);
  });

  // A scheme without indicators (the scored 2023 excerpt) has no target to change, and its 分值 must add up: an
  // item's 评价要点 is what Excel edits there.
  it.runIf(!hasTarget)("a changed 评价要点 is the only change, named exactly", async () => {
    const bytes = await edited(await schemeToWorkbook(scheme), (wb) => {
      const items = wb.getWorksheet(ITEMS_SHEET)!;
      items.getCell(2, column(items, "评价要点")).value = "改写后的评价要点";
    });
    const result = await workbookToScheme(bytes, scheme);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    const first = scheme.criteria[0];
    expect(diffSchemes(scheme, result.scheme)).toEqual([{ kind: "changed", what: "评价重点", where: `评价重点 ${first.ordinal}「${first.title}」`, detail: "评价要点" }]);
  });
});

describe("an average indicator", () => {
  it("goes through Excel as 平均值 with its terms and comes back unchanged", async () => {
    const base = BUILTIN_SCHEMES[0];
    const numeric = (c: TScheme["criteria"][number]) => c.inputs.filter((i) => i.kind !== "boolean");
    const first = base.criteria.find((c) => numeric(c).length >= 2)!;
    const [a, b] = numeric(first);
    const scheme: TScheme = defineScheme({
      ...base,
      criteria: base.criteria.map((c) => (c === first ? { ...c, indicators: [...c.indicators, { key: "mean_of_two", label: "两项平均", unit: a.unit, precision: 1, formula: { op: "average", terms: [a.key, b.key] } }] } : c)),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await schemeToWorkbook(scheme)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(FIGURES_SHEET)!;
    let row = 0;
    sheet.eachRow((r, i) => (r.getCell(column(sheet, "代号")).value === "mean_of_two" ? (row = i) : undefined));
    expect(sheet.getCell(row, column(sheet, "运算")).value).toBe("平均值");
    const back = await workbookToScheme(await schemeToWorkbook(scheme), scheme);
    if (!back.ok) throw new Error(JSON.stringify(back.errors.slice(0, 5)));
    expect(back.scheme).toEqual(scheme);
  });
});

describe("row errors", () => {
  const scheme = BUILTIN_SCHEMES[0];

  it("a bad formula reference, a duplicate code and a non-numeric 分值 are three row errors, with sheet, row and column", async () => {
    const bytes = await edited(await schemeToWorkbook(scheme), (wb) => {
      const figures = wb.getWorksheet(FIGURES_SHEET)!;
      const operands = column(figures, "数据项代号");
      const code = column(figures, "代号");
      let indicatorRow = 0;
      for (let r = 2; r <= figures.rowCount && !indicatorRow; r++) if (figures.getCell(r, column(figures, "类别")).value === "指标") indicatorRow = r;
      figures.getCell(indicatorRow, operands).value = String(figures.getCell(indicatorRow, operands).value).replace(/^[^,]+/, "no_such_input");
      figures.getCell(3, code).value = figures.getCell(2, code).value;
      const items = wb.getWorksheet(ITEMS_SHEET)!;
      items.getCell(2, column(items, "分值")).value = "十分";
      // Row 3 of the figures sheet must be an input so that the duplicate is not also an indicator reference.
      expect(figures.getCell(3, column(figures, "类别")).value).toBe("数据项");
    });
    const result = await workbookToScheme(bytes, scheme);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(3);
    expect(result.errors.every((e) => e.row !== null && e.column !== null)).toBe(true);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: ITEMS_SHEET, row: 2, column: "分值" }),
        expect.objectContaining({ sheet: FIGURES_SHEET, row: 3, column: "代号", message: expect.stringContaining("重复") }),
        expect.objectContaining({ sheet: FIGURES_SHEET, column: "数据项代号", message: expect.stringContaining("no_such_input") }),
      ]),
    );
  });

  it("a validator error of an item (分值 not adding up) points at its row and column", async () => {
    const scored = BUILTIN_SCHEMES.find((s) => s.scoring)!;
    const bytes = await edited(await schemeToWorkbook(scored), (wb) => {
      const items = wb.getWorksheet(ITEMS_SHEET)!;
      items.getCell(2, column(items, "分值")).value = 42;
    });
    const result = await workbookToScheme(bytes, scored);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ sheet: ITEMS_SHEET, row: 2, column: "分值", message: expect.stringContaining("42") }));
  });

  it("refuses a file that is not an .xlsx", async () => {
    const result = await workbookToScheme(new TextEncoder().encode("代号,标题\n"), scheme);
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining(".xlsx") }] });
  });
});
