"use client";
// The figures of an item or of the 基本情况 part: the inputs the county fills and the indicators computed from them.
// Field names are the scheme's own paths (`${at}.inputs.0.key`), so the validator's errors land on them.
import { Controller, useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FORMAT_KIND_LABELS } from "@/lib/template/choices";
import { errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { FormulaBuilder, TargetEditor, type FigureOption } from "@/components/admin/scheme-editor/formula-builder";
import { SelectField, TextField } from "@/components/admin/scheme-editor/fields";

export function FigureLists({ at, testKey, errors, figures, readOnly }: { at: string; testKey: string; errors: ErrorsByField; figures: FigureOption[]; readOnly: boolean }) {
  const { control } = useFormContext();
  const inputs = useFieldArray({ control, name: `${at}.inputs` });
  const indicators = useFieldArray({ control, name: `${at}.indicators` });
  return (
    <>
          <section aria-label="数据项">
            <h4 className="text-xs font-semibold text-slate-700">县里填写的数据</h4>
            {inputs.fields.map((f, i) => (
              <div key={f.id} className="grid grid-cols-6 items-end gap-2" data-testid={`input-${testKey}-${i}`}>
                <TextField name={`${at}.inputs.${i}.key`} label="键名" errors={errors} readOnly={readOnly} />
                <TextField name={`${at}.inputs.${i}.label`} label="数据名称" errors={errors} readOnly={readOnly} className="col-span-2" />
                <TextField name={`${at}.inputs.${i}.unit`} label="单位" errors={errors} readOnly={readOnly} />
                <SelectField name={`${at}.inputs.${i}.kind`} label="类型" options={INPUT_KINDS} errors={errors} readOnly={readOnly} />
                {!readOnly ? <Button type="button" variant="ghost" onClick={() => inputs.remove(i)}>删除数据项</Button> : null}
              </div>
            ))}
            {!readOnly ? <Button type="button" variant="secondary" className="mt-1 py-1" onClick={() => inputs.append({ key: "", label: "", unit: "", kind: "integer" })}>添加数据项</Button> : null}
          </section>

          <section aria-label="指标">
            <h4 className="text-xs font-semibold text-slate-700">计算的指标</h4>
            {indicators.fields.map((f, i) => {
              const path = `${at}.indicators.${i}`;
              return (
                <div key={f.id} className="mb-2 grid grid-cols-6 gap-2 rounded border border-slate-100 p-2" data-testid={`indicator-editor-${testKey}-${i}`}>
                  <TextField name={`${path}.key`} label="指标键名" errors={errors} readOnly={readOnly} />
                  <TextField name={`${path}.label`} label="指标名称" errors={errors} readOnly={readOnly} className="col-span-2" />
                  <TextField name={`${path}.unit`} label="指标单位" errors={errors} readOnly={readOnly} />
                  <TextField name={`${path}.precision`} label="小数位数" numeric errors={errors} readOnly={readOnly} />
                  <FormatSelect name={`${path}.format`} readOnly={readOnly} />
                  <div className="col-span-3">
                    <Controller control={control} name={`${path}.formula`} render={({ field }) => <FormulaBuilder id={path} value={(field.value ?? {}) as Record<string, unknown>} options={figures} errors={errorsUnder(errors, `${path}.formula`, [])} disabled={readOnly} onChange={field.onChange} />} />
                  </div>
                  <div className="col-span-2">
                    <Controller control={control} name={`${path}.target`} render={({ field }) => <TargetEditor id={path} value={field.value as Record<string, unknown> | undefined} errors={errorsUnder(errors, `${path}.target`, [])} disabled={readOnly} onChange={field.onChange} />} />
                  </div>
                  {!readOnly ? <Button type="button" variant="ghost" className="self-end" onClick={() => indicators.remove(i)}>删除指标</Button> : null}
                </div>
              );
            })}
            {!readOnly ? <Button type="button" variant="secondary" className="mt-1 py-1" onClick={() => indicators.append({ key: "", label: "", unit: "%", precision: 2, formula: { op: "percent", num: "", den: "" } })}>添加指标</Button> : null}
          </section>
    </>
  );
}

const INPUT_KINDS = { integer: "整数", decimal: "小数", boolean: "是/否" } as const;

/** Display format: the kinds without settings of their own; a currency or count format is kept as stored. */
function FormatSelect({ name, readOnly }: { name: string; readOnly: boolean }) {
  const { control } = useFormContext();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const kind = (field.value as { kind?: string } | undefined)?.kind ?? "";
        return (
          <label className="block text-xs text-slate-600">
            显示格式
            <select aria-label="显示格式" disabled={readOnly || kind === "currency" || kind === "count"} className={`${inputClass} py-1.5`} value={kind} onChange={(e) => field.onChange(e.target.value ? { kind: e.target.value } : undefined)}>
              <option value="">数值加单位</option>
              {Object.entries(FORMAT_KIND_LABELS).map(([k, l]) => ((k === "currency" || k === "count") && kind !== k ? null : <option key={k} value={k}>{l}</option>))}
            </select>
          </label>
        );
      }}
    />
  );
}
