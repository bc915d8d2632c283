"use client";
// 计分 (scheme.scoring): whether the scheme is scored at all, its total (满分), the step scores move in, when a
// 评分依据 must be written, and the grades by total from the best down. Items' and groups' 分值 sit on them; the
// validator checks that they add up to the total.
import { useFormContext, useWatch } from "react-hook-form";
import { errorAt, errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { FieldError, freshKey, RemainingErrors, Section, SelectField, TextField } from "@/components/admin/scheme-editor/fields";
import { EditableList } from "@/components/admin/scheme-editor/sortable";

const BASIS_LABELS = { whenDeducted: "扣分时要写评分依据", always: "每项都要写评分依据", optional: "评分依据可不写" } as const;

type Grade = { key?: string; label?: string };

export function ScoringEditor({ errors, itemTotal, readOnly }: { errors: ErrorsByField; itemTotal: number; readOnly: boolean }) {
  const { control, setValue } = useFormContext();
  const scoring = useWatch({ control, name: "scoring" }) as { total?: number } | undefined;
  const scored = scoring !== undefined && scoring !== null;
  const toggle = (on: boolean) =>
    setValue("scoring", on ? { total: itemTotal > 0 ? itemTotal : 100, basis: "whenDeducted", grades: [] } : undefined, { shouldDirty: true });
  return (
    <Section title="计分与等次" errorCount={errorsUnder(errors, "scoring", []).length} description="计分的方案由县里自评打分、督导室核定；各评价重点的分值之和应等于总分。">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" disabled={readOnly} checked={scored} onChange={(e) => toggle(e.target.checked)} />
        本方案计分
        {itemTotal > 0 ? <span className="text-xs text-slate-500">（各评价重点分值合计 {itemTotal} 分）</span> : null}
      </label>
      {scored ? <ScoringFields errors={errors} readOnly={readOnly} /> : null}
    </Section>
  );
}

function ScoringFields({ errors, readOnly }: { errors: ErrorsByField; readOnly: boolean }) {
  const { control } = useFormContext();
  const values = (useWatch({ control, name: "scoring.grades" }) ?? []) as Grade[];
  const label = (i: number) => `第 ${i + 1} 个等次「${values[i]?.label || "未命名"}」`;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-4 gap-2">
        <TextField name="scoring.total" label="总分" numeric errors={errors} readOnly={readOnly} />
        <TextField name="scoring.step" label="计分步长" numeric errors={errors} readOnly={readOnly} />
        <SelectField name="scoring.basis" label="评分依据" options={BASIS_LABELS} errors={errors} readOnly={readOnly} className="col-span-2" />
      </div>
      <h4 className="text-xs font-semibold text-slate-700">等次（从高到低；最低的等次不设下限）</h4>
      <FieldError message={errorAt(errors, "scoring.grades")} />
      <EditableList name="scoring.grades" testId="grade" listLabel="等次列表" label={label} newItem={() => ({ key: freshKey(values.map((g) => g.key), "grade_"), label: "" })} addLabel="添加等次" readOnly={readOnly} rowClass="">
        {(at) => (
          <div className="grid grid-cols-8 items-end gap-2">
            <TextField name={`${at}.label`} label="等次名称" errors={errors} readOnly={readOnly} className="col-span-2" />
            <TextField name={`${at}.key`} label="等次键名" errors={errors} readOnly={readOnly} className="col-span-2" />
            <TextField name={`${at}.min`} label="最低分" numeric errors={errors} readOnly={readOnly} className="col-span-2" />
            <TextField name={`${at}.minPercent`} label="最低得分率（%）" numeric errors={errors} readOnly={readOnly} className="col-span-2" />
            <RemainingErrors errors={errors} at={at} shown={["label", "key", "min", "minPercent"]} className="col-span-8" />
          </div>
        )}
      </EditableList>
    </div>
  );
}
