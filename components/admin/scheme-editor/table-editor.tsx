"use client";
// 逐校表 (scheme.tables, e.g. 资源配置): the columns a county fills per school, the 学段 and school types, the
// per-school indicators computed from the columns with the same formula builder, their standards per 学段, and the
// pass rules (k of n, the floor, the 差异系数 ceilings). Where a table sits is the item it is placed under.
// Standard variants, school attributes, shared-resource splits and header aliases are kept as stored (decision 033).
import { type ReactNode } from "react";
import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Folded } from "@/components/ui/folded";
import { inputClass } from "@/components/ui/field";
import { errorAt, errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { FieldError, freshKey, Section, SelectField, TextField } from "@/components/admin/scheme-editor/fields";
import { FormulaBuilder } from "@/components/admin/scheme-editor/formula-builder";
import { EditableList } from "@/components/admin/scheme-editor/sortable";

type Named = { key?: string; label?: string };
type Table = { key?: string; title?: string; stages?: Named[]; columns?: Named[]; indicators?: (Named & { variants?: unknown[]; scope?: string })[]; attributes?: unknown[]; schoolTypes?: { split?: unknown }[] };
type Criterion = { code?: string; title?: string; table?: string };

const COLUMN_KINDS = { integer: "整数", decimal: "小数" } as const;
const BOUNDS = { min: "不低于标准", max: "不高于标准" } as const;
const ROLES = { counted: "计入达标项数", required: "必须达标", separate: "单独判定" } as const;

function newTable(key: string) {
  return {
    key,
    title: "",
    stages: [{ key: "primary", label: "小学" }],
    schoolTypes: [{ key: "primary_school", label: "小学", stages: ["primary"] }],
    enrolment: "pupils",
    columns: [{ key: "pupils", label: "学生数", unit: "人", kind: "integer" }],
    indicators: [],
    rules: { minIndicatorsMet: 0, floorPercent: 85, cvMax: { primary: 0.5 }, cvPrecision: 3 },
  };
}

export function TablesEditor({ errors, criteria, readOnly }: { errors: ErrorsByField; criteria: Criterion[]; readOnly: boolean }) {
  const { control } = useFormContext();
  const tables = useFieldArray({ control, name: "tables" });
  const values = (useWatch({ control, name: "tables" }) ?? []) as Table[];
  const add = () => {
    tables.append(newTable(freshKey(values.map((t) => t.key), "table-")));
  };
  return (
    <Section title="逐校表" count={tables.fields.length} errorCount={errorsUnder(errors, "tables", []).length} description="县里逐校填写（或导入）的表格，例如资源配置：每行一所学校（多学段学校每个学段一行），按列计算每校指标，再按学段计算差异系数。">
      {tables.fields.map((f, i) => (
        <TableCard key={f.id} index={i} table={values[i]} errors={errors} criteria={criteria} readOnly={readOnly} onRemove={() => tables.remove(i)} />
      ))}
      {!readOnly ? (
        <Button type="button" variant="secondary" onClick={add}>
          添加逐校表
        </Button>
      ) : null}
    </Section>
  );
}

function TableCard({ index, table, errors, criteria, readOnly, onRemove }: { index: number; table: Table | undefined; errors: ErrorsByField; criteria: Criterion[]; readOnly: boolean; onRemove: () => void }) {
  const at = `tables.${index}`;
  const { setValue } = useFormContext();
  const stages = (table?.stages ?? []).filter((s) => s?.key);
  const columns = (table?.columns ?? []).filter((c) => c?.key);
  const columnOptions = Object.fromEntries(columns.map((c) => [c.key!, `${c.label || c.key}（${c.key}）`]));
  // A per-school formula may name the table's columns and its other indicators.
  const formulaOptions = [...columns.map((c) => ({ key: c.key!, label: c.label || c.key! })), ...(table?.indicators ?? []).filter((x) => x?.key).map((x) => ({ key: x.key!, label: `${x.label || x.key}（指标）` }))];
  const placedAt = criteria.findIndex((c) => c.table && c.table === table?.key);
  const place = (j: number) => {
    criteria.forEach((c, k) => {
      if (k === j) setValue(`criteria.${k}.table`, table?.key, { shouldDirty: true });
      else if (c.table === table?.key) setValue(`criteria.${k}.table`, undefined, { shouldDirty: true });
    });
  };
  const kept = [
    (table?.attributes?.length ?? 0) > 0 ? "学校属性" : "",
    (table?.indicators ?? []).some((x) => x?.variants?.length) ? "标准变体" : "",
    (table?.schoolTypes ?? []).some((t) => t?.split) ? "共用资源分摊" : "",
  ].filter(Boolean);
  const stageLabel = (k: string) => stages.find((s) => s.key === k)?.label || k;
  const own = errorsUnder(errors, at, []);
  // Opens by itself when it holds errors or is new, then stays as the person leaves it (like an item).
  return (
    <Folded className="rounded-lg border border-slate-200" data-testid={`table-${index}`} initiallyOpen={own.length > 0 || !table?.title} summaryClassName="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm font-medium text-slate-900" summary={
      <>
        {table?.title || "（未命名逐校表）"}
        {own.length > 0 ? <span className="rounded bg-red-50 px-1.5 text-xs font-normal text-red-700">{own.length} 处错误</span> : null}
        {!readOnly ? (
          <Button type="button" variant="ghost" className="ml-auto px-2 py-0.5 text-red-700" aria-label={`删除逐校表「${table?.title || "未命名"}」`} onClick={onRemove}>
            删除
          </Button>
        ) : null}
      </>
    }>
        <div className="space-y-4 border-t border-slate-100 p-3">
          <div className="grid grid-cols-6 gap-2">
            <TextField name={`${at}.title`} label="表格名称" errors={errors} readOnly={readOnly} className="col-span-4" />
            <TextField name={`${at}.key`} label="表格代号" errors={errors} readOnly={readOnly} className="col-span-2" />
            <TextField name={`${at}.guidance`} label="填表说明" multiline optional errors={errors} readOnly={readOnly} className="col-span-6" />
            <label className="col-span-3 block text-xs text-slate-600">
              放在评价重点
              <select aria-label="放在评价重点" disabled={readOnly || !table?.key} className={`${inputClass} py-1.5`} value={placedAt} onChange={(e) => place(Number(e.target.value))}>
                <option value={-1}>请选择</option>
                {criteria.map((c, j) => (
                  <option key={j} value={j}>
                    {j + 1}. {c.title || "（未命名）"}
                  </option>
                ))}
              </select>
              <FieldError message={errorAt(errors, at)} />
            </label>
            <SelectField name={`${at}.enrolment`} label="学生数所在列（差异系数的权数）" options={columnOptions} empty="请选择" errors={errors} readOnly={readOnly} className="col-span-3" />
          </div>

          <Block title="学段">
            <EditableList name={`${at}.stages`} testId={`table-${index}-stage`} label={(i) => `第 ${i + 1} 个学段`} newItem={() => ({ key: "", label: "" })} addLabel="添加学段" readOnly={readOnly}>
              {(row) => (
                <div className="grid grid-cols-6 gap-2">
                  <TextField name={`${row}.label`} label="学段名称" errors={errors} readOnly={readOnly} className="col-span-3" />
                  <TextField name={`${row}.key`} label="学段键名" errors={errors} readOnly={readOnly} className="col-span-3" />
                </div>
              )}
            </EditableList>
          </Block>

          <Block title="学校类型">
            <EditableList name={`${at}.schoolTypes`} testId={`table-${index}-type`} label={(i) => `第 ${i + 1} 种学校类型`} newItem={() => ({ key: "", label: "", stages: [] })} addLabel="添加学校类型" readOnly={readOnly}>
              {(row) => (
                <div className="grid grid-cols-6 items-end gap-2">
                  <TextField name={`${row}.label`} label="类型名称" errors={errors} readOnly={readOnly} className="col-span-2" />
                  <TextField name={`${row}.key`} label="类型键名" errors={errors} readOnly={readOnly} className="col-span-2" />
                  <StageBoxes name={`${row}.stages`} stages={stages} errors={errors} readOnly={readOnly} />
                </div>
              )}
            </EditableList>
          </Block>

          <Block title="县里填写的列">
            <EditableList name={`${at}.columns`} testId={`table-${index}-column`} label={(i) => `第 ${i + 1} 列`} newItem={() => ({ key: "", label: "", unit: "", kind: "integer" })} addLabel="添加列" readOnly={readOnly}>
              {(row) => (
                <div className="grid grid-cols-6 gap-2">
                  <TextField name={`${row}.label`} label="列名称" errors={errors} readOnly={readOnly} className="col-span-2" />
                  <TextField name={`${row}.key`} label="列键名" errors={errors} readOnly={readOnly} />
                  <TextField name={`${row}.unit`} label="列单位" errors={errors} readOnly={readOnly} />
                  <SelectField name={`${row}.kind`} label="列类型" options={COLUMN_KINDS} errors={errors} readOnly={readOnly} />
                  <TextField name={`${row}.hint`} label="列说明" optional errors={errors} readOnly={readOnly} />
                </div>
              )}
            </EditableList>
          </Block>

          <Block title="每校指标">
            <EditableList name={`${at}.indicators`} testId={`table-${index}-indicator`} label={(i) => `第 ${i + 1} 项每校指标`} newItem={() => ({ key: "", label: "", unit: "", precision: 2, formula: { op: "ratio", num: "", den: "" }, standards: {} })} addLabel="添加每校指标" readOnly={readOnly}>
              {(row) => (
                <div className="grid grid-cols-6 gap-2">
                  <TextField name={`${row}.label`} label="每校指标名称" errors={errors} readOnly={readOnly} className="col-span-2" />
                  <TextField name={`${row}.key`} label="每校指标键名" errors={errors} readOnly={readOnly} className="col-span-2" />
                  <TextField name={`${row}.unit`} label="每校指标单位" errors={errors} readOnly={readOnly} />
                  <TextField name={`${row}.precision`} label="小数位数" numeric errors={errors} readOnly={readOnly} />
                  <div className="col-span-3">
                    <FormulaField name={`${row}.formula`} options={formulaOptions} errors={errors} readOnly={readOnly} />
                  </div>
                  <div className="col-span-3 space-y-2">
                    <div className="grid grid-cols-2 gap-2">
                      <SelectField name={`${row}.bound`} label="标准方向" options={BOUNDS} errors={errors} readOnly={readOnly} />
                      <SelectField name={`${row}.role`} label="判定方式" options={ROLES} errors={errors} readOnly={readOnly} />
                    </div>
                    <div className="grid grid-cols-2 gap-2">
                      {stages.map((s) => (
                        <TextField key={s.key} name={`${row}.standards.${s.key}`} label={`${stageLabel(s.key!)}标准值`} numeric errors={errors} readOnly={readOnly} />
                      ))}
                    </div>
                    <CheckField name={`${row}.cv`} label="计算差异系数" readOnly={readOnly} />
                  </div>
                </div>
              )}
            </EditableList>
          </Block>

          <Block title="达标规则">
            <div className="grid grid-cols-4 gap-2">
              <TextField name={`${at}.rules.minIndicatorsMet`} label="每校至少达标项数" numeric errors={errors} readOnly={readOnly} />
              <TextField name={`${at}.rules.floorPercent`} label="未达标项不低于标准的（%）" numeric errors={errors} readOnly={readOnly} />
              <TextField name={`${at}.rules.cvPrecision`} label="差异系数小数位数" numeric errors={errors} readOnly={readOnly} />
              {stages.map((s) => (
                <TextField key={s.key} name={`${at}.rules.cvMax.${s.key}`} label={`${stageLabel(s.key!)}差异系数上限`} numeric errors={errors} readOnly={readOnly} />
              ))}
            </div>
          </Block>
          {kept.length ? <p className="text-xs text-slate-500">本表的{kept.join("、")}随方案原样保留（在此不编辑），发布时照常检查。</p> : null}
        </div>
    </Folded>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h4 className="mb-1 text-xs font-semibold text-slate-700">{title}</h4>
      {children}
    </section>
  );
}

function StageBoxes({ name, stages, errors, readOnly }: { name: string; stages: Named[]; errors: ErrorsByField; readOnly: boolean }) {
  const { control } = useFormContext();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const chosen = new Set((field.value as string[] | undefined) ?? []);
        const toggle = (key: string, on: boolean) => field.onChange(stages.map((s) => s.key!).filter((k) => (k === key ? on : chosen.has(k))));
        return (
          <fieldset className="col-span-2 text-xs text-slate-600">
            <legend>包含的学段</legend>
            <div className="flex flex-wrap gap-3 py-1.5">
              {stages.map((s) => (
                <label key={s.key} className="flex items-center gap-1 text-sm text-slate-800">
                  <input type="checkbox" disabled={readOnly} checked={chosen.has(s.key!)} onChange={(e) => toggle(s.key!, e.target.checked)} />
                  {s.label || s.key}
                </label>
              ))}
            </div>
            <FieldError message={errorAt(errors, name)} />
          </fieldset>
        );
      }}
    />
  );
}

function FormulaField({ name, options, errors, readOnly }: { name: string; options: { key: string; label: string }[]; errors: ErrorsByField; readOnly: boolean }) {
  const { control } = useFormContext();
  return <Controller control={control} name={name} render={({ field }) => <FormulaBuilder id={name} value={(field.value ?? {}) as Record<string, unknown>} options={options} errors={errorsUnder(errors, name, [])} disabled={readOnly} onChange={field.onChange} />} />;
}

function CheckField({ name, label, readOnly }: { name: string; label: string; readOnly: boolean }) {
  const { control } = useFormContext();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <label className="flex items-center gap-2 text-sm">
          {/* cv is on unless the scheme turned it off */}
          <input type="checkbox" disabled={readOnly} checked={field.value !== false} onChange={(e) => field.onChange(e.target.checked)} />
          {label}
        </label>
      )}
    />
  );
}
