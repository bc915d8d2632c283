// Import speed of a per-school table: a generated 2,000-school .xlsx (built outside the timing) through the whole
// import (zip probe, exceljs, header matching, row validation) and the table's verdict (every school's indicators
// and the 差异系数 per 学段), in-process and warm. Goal: ≤ 2 s (docs/decisions/011-school-tables-and-cv.md).
import { importSchoolSheet } from "@/lib/schools/server/import";
import { evaluateSchoolTable } from "@/lib/schools/rules";
import { schoolSheetRows, xlsxOf } from "@/lib/schools/testing";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";

type Metric = { name: string; db: "none"; concurrency: 1; unit: "ms"; value: number };

export async function benchImportSchools(): Promise<Metric[]> {
  const table = QUALITY_BALANCE_2017_COUNTY.tables[0];
  const bytes = await xlsxOf(schoolSheetRows(table, 2000));
  const once = async () => {
    const t0 = performance.now();
    const result = await importSchoolSheet(table, { fileName: "学校数据.xlsx", bytes });
    if (!result.ok) throw new Error(`生成的表格导入失败：${result.errors[0]?.message}`);
    evaluateSchoolTable(table, result.content.rows);
    return performance.now() - t0;
  };
  await once(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) samples.push(await once());
  samples.sort((a, b) => a - b);
  return [{ name: "import_schools_2000_ms_median", db: "none", concurrency: 1, unit: "ms", value: Math.round(samples[2]) }];
}

if (process.argv[1]?.endsWith("import-schools.ts")) {
  void benchImportSchools().then((m) => console.log(JSON.stringify(m)));
}
