// One row of a per-school table as stored in the report's section content: a school (or, for a 九年一贯制 school,
// one 学段 of it), its type and stage keys, and the raw figures keyed by the scheme's column keys. Only raw inputs
// are stored; every indicator is derived (lib/schools/row-values.ts), so a stored figure can never disagree with
// the ones it was computed from.
import { z } from "@/lib/validation";
import { validateInputValue } from "@/lib/indicators/input-value";
import type { FieldErrors } from "@/lib/errors";
import { SCHOOL_TABLE_MAX_ROWS, type TSchoolTable, type TSchoolType, type TStage } from "@/lib/template/school-table";

export const SCHOOL_NAME_MAX = 60;

export const ZSchoolRow = z.object({
  name: z.string().trim().max(SCHOOL_NAME_MAX, `学校名称最多 ${SCHOOL_NAME_MAX} 个字`),
  /** Key of one of the table's schoolTypes. */
  type: z.string().max(40),
  /** Key of one of the table's stages (for a one-stage type, that stage). */
  stage: z.string().max(40),
  values: z.record(z.string().max(80), z.number().nullable()).default({}),
  /** Per-school flags (true/false) and categories (an option key) the table declares in `attributes`. */
  attrs: z.record(z.string().max(40), z.union([z.string().max(40), z.boolean()]).optional()).optional(),
});
export type TSchoolRow = z.infer<typeof ZSchoolRow>;

/** Section content of kind "schoolTable". `source` records the last import, so a reviewer can see where the figures
 *  came from (and the UI can say "导入自 xx.xlsx"). */
export const ZSchoolTableContent = z.object({
  rows: z.array(ZSchoolRow).max(SCHOOL_TABLE_MAX_ROWS, `每张表最多 ${SCHOOL_TABLE_MAX_ROWS} 行`),
  source: z
    .object({ fileName: z.string().max(200), importedAt: z.string().max(40), rowCount: z.number().int().min(0) })
    .nullable()
    .default(null),
});
export type TSchoolTableContent = z.infer<typeof ZSchoolTableContent>;

export const emptySchoolTableContent = (): TSchoolTableContent => ({ rows: [], source: null });

export const schoolTypeOf = (table: TSchoolTable, key: string): TSchoolType | undefined => table.schoolTypes.find((t) => t.key === key);
export const stageOf = (table: TSchoolTable, key: string): TStage | undefined => table.stages.find((s) => s.key === key);

/** "城关九年制学校（小学）" for a multi-stage school, the plain name otherwise: how messages name a row. */
export function rowName(table: TSchoolTable, row: TSchoolRow): string {
  const name = row.name.trim() || "（未填写校名）";
  const type = schoolTypeOf(table, row.type);
  if (!type || type.stages.length < 2) return name;
  return `${name}（${stageOf(table, row.stage)?.label ?? row.stage}）`;
}

/** What a save must refuse: keys the scheme does not know and numbers a column does not allow. Blank values and
 *  duplicate names are a draft's business and are reported by the precheck instead. Field paths match the content
 *  ("rows.3.values.pupils") so that the form can show each message beside its cell. */
export function schoolTableContentErrors(table: TSchoolTable, content: TSchoolTableContent): FieldErrors {
  const errors: FieldErrors = {};
  const columns = new Map(table.columns.map((c) => [c.key, c]));
  content.rows.forEach((row, i) => {
    const at = `第 ${i + 1} 行`;
    const type = schoolTypeOf(table, row.type);
    if (!type) errors[`rows.${i}.type`] = [`${at}：学校类型应为${table.schoolTypes.map((t) => `「${t.label}」`).join("、")}之一`];
    else if (!type.stages.includes(row.stage)) {
      const allowed = type.stages.map((s) => `「${stageOf(table, s)?.label ?? s}」`).join("、");
      errors[`rows.${i}.stage`] = [`${at}：${type.label}的学段应为${allowed}`];
    }
    for (const [key, value] of Object.entries(row.attrs ?? {})) {
      if (value === undefined) continue;
      const attr = table.attributes.find((a) => a.key === key);
      if (!attr) errors[`rows.${i}.attrs.${key}`] = [`${at}：表格中没有「${key}」这一属性`];
      else if (attr.kind === "flag" && typeof value !== "boolean") errors[`rows.${i}.attrs.${key}`] = [`${at}「${attr.label}」：应为“是”或“否”`];
      else if (attr.kind === "category" && !attr.options.some((o) => o.key === value)) {
        errors[`rows.${i}.attrs.${key}`] = [`${at}「${attr.label}」：应为${attr.options.map((o) => `「${o.label}」`).join("、")}之一`];
      }
    }
    for (const [key, raw] of Object.entries(row.values)) {
      const column = columns.get(key);
      if (!column) {
        errors[`rows.${i}.values.${key}`] = [`${at}：表格中没有「${key}」这一列`];
        continue;
      }
      const result = validateInputValue(column, raw);
      if (!result.ok) errors[`rows.${i}.values.${key}`] = [`${at}「${column.label}」：${result.message}`];
    }
  });
  return errors;
}
