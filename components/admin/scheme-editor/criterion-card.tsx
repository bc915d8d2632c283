"use client";
// One 评价重点 in the editor: its text and score, sub-points, the inputs the county fills and the indicators
// computed from them. Field names are the scheme's own paths, so the validator's errors land on them.
import { useState } from "react";
import { Controller, useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FORMAT_KIND_LABELS } from "@/lib/template/choices";
import { errorAt, errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { FormulaBuilder, TargetEditor, type FigureOption } from "@/components/admin/scheme-editor/formula-builder";

type Props = { index: number; count: number; errors: ErrorsByField; figures: FigureOption[]; readOnly: boolean; onMove: (to: number) => void; onRemove: () => void; onPreview: () => void };

const numberOrUndefined = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

export function TextField({ name, label, errors, readOnly, className = "", numeric = false, multiline = false }: { name: string; label: string; errors: ErrorsByField; readOnly: boolean; className?: string; numeric?: boolean; multiline?: boolean }) {
  const { register } = useFormContext();
  const error = errorAt(errors, name);
  const props = { id: name, "aria-label": label, "aria-invalid": error ? true : undefined, readOnly, className: `${inputClass} py-1.5`, ...register(name, numeric ? { setValueAs: numberOrUndefined } : {}) };
  return (
    <label className={`block text-xs text-slate-600 ${className}`}>
      {label}
      {multiline ? <textarea rows={2} {...props} /> : <input inputMode={numeric ? "decimal" : undefined} {...props} />}
      {error ? (
        <span role="alert" className="mt-0.5 block text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </label>
  );
}

export function CriterionCard({ index, count, errors, figures, readOnly, onMove, onRemove, onPreview }: Props) {
  const at = `criteria.${index}`;
  const { control, watch } = useFormContext();
  const inputs = useFieldArray({ control, name: `${at}.inputs` });
  const indicators = useFieldArray({ control, name: `${at}.indicators` });
  const subpoints = useFieldArray({ control, name: `${at}.subpoints` });
  const title = watch(`${at}.title`) as string;
  const own = errorsUnder(errors, at, []);
  // Opens by itself when it holds errors or is new (no title yet), and then stays as the person leaves it.
  const [open, setOpen] = useState(() => own.length > 0 || !title);
  return (
    <details className="rounded-lg border border-slate-200 bg-white" data-testid={`criterion-${index}`} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm">
        <span className="font-medium text-slate-900">
          {index + 1}. {title || "（未命名评价重点）"}
        </span>
        {own.length > 0 ? <span className="rounded bg-red-50 px-1.5 text-xs text-red-700">{own.length} 处错误</span> : null}
        <span className="ml-auto flex gap-1">
          <Button type="button" variant="ghost" className="px-2 py-0.5" onClick={onPreview}>
            预览
          </Button>
          {!readOnly ? (
            <>
              <Button type="button" variant="ghost" className="px-2 py-0.5" aria-label={`上移第 ${index + 1} 项`} disabled={index === 0} onClick={() => onMove(index - 1)}>
                ↑
              </Button>
              <Button type="button" variant="ghost" className="px-2 py-0.5" aria-label={`下移第 ${index + 1} 项`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
                ↓
              </Button>
              <Button type="button" variant="ghost" className="px-2 py-0.5 text-red-700" onClick={onRemove}>
                删除
              </Button>
            </>
          ) : null}
        </span>
      </summary>
      <div className="space-y-4 border-t border-slate-100 p-3">
        <div className="grid grid-cols-6 gap-2">
          <TextField name={`${at}.title`} label="评价内容" errors={errors} readOnly={readOnly} className="col-span-3" />
          <TextField name={`${at}.code`} label="代号" errors={errors} readOnly={readOnly} />
          <TextField name={`${at}.maxScore`} label="分值" numeric errors={errors} readOnly={readOnly} />
          <TextField name={`${at}.ordinal`} label="序号" numeric errors={errors} readOnly />
          <TextField name={`${at}.guidance`} label="评价要点" multiline errors={errors} readOnly={readOnly} className="col-span-6" />
        </div>

        <section aria-label="细项">
          <h4 className="text-xs font-semibold text-slate-700">细项</h4>
          {subpoints.fields.map((f, i) => (
            <div key={f.id} className="grid grid-cols-6 items-end gap-2">
              <TextField name={`${at}.subpoints.${i}.code`} label="代号" errors={errors} readOnly={readOnly} />
              <TextField name={`${at}.subpoints.${i}.title`} label="细项内容" errors={errors} readOnly={readOnly} className="col-span-3" />
              <TextField name={`${at}.subpoints.${i}.maxScore`} label="细项分值" numeric errors={errors} readOnly={readOnly} />
              {!readOnly ? <Button type="button" variant="ghost" onClick={() => subpoints.remove(i)}>删除细项</Button> : null}
            </div>
          ))}
          {!readOnly ? <Button type="button" variant="secondary" className="mt-1 py-1" onClick={() => subpoints.append({ code: "", title: "" })}>添加细项</Button> : null}
        </section>

        <section aria-label="数据项">
          <h4 className="text-xs font-semibold text-slate-700">县里填写的数据</h4>
          {inputs.fields.map((f, i) => (
            <div key={f.id} className="grid grid-cols-6 items-end gap-2" data-testid={`input-${index}-${i}`}>
              <TextField name={`${at}.inputs.${i}.key`} label="键名" errors={errors} readOnly={readOnly} />
              <TextField name={`${at}.inputs.${i}.label`} label="数据名称" errors={errors} readOnly={readOnly} className="col-span-2" />
              <TextField name={`${at}.inputs.${i}.unit`} label="单位" errors={errors} readOnly={readOnly} />
              <KindSelect name={`${at}.inputs.${i}.kind`} errors={errors} readOnly={readOnly} />
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
              <div key={f.id} className="mb-2 grid grid-cols-6 gap-2 rounded border border-slate-100 p-2" data-testid={`indicator-editor-${index}-${i}`}>
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
      </div>
    </details>
  );
}

function KindSelect({ name, errors, readOnly }: { name: string; errors: ErrorsByField; readOnly: boolean }) {
  const { register } = useFormContext();
  const error = errorAt(errors, name);
  return (
    <label className="block text-xs text-slate-600">
      类型
      <select id={name} aria-label="类型" disabled={readOnly} className={`${inputClass} py-1.5`} {...register(name)}>
        <option value="integer">整数</option>
        <option value="decimal">小数</option>
        <option value="boolean">是/否</option>
      </select>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </label>
  );
}

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
