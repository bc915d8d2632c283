"use client";
// 一票否决 (scheme.vetoes): each a question phrased so that “是” vetoes, where the rule comes from, and what a “是”
// does — keep the report from being submitted, set the total to 0, or cap or set the grade (a grade of the scoring).
import { useFormContext, useWatch } from "react-hook-form";
import { VETO_EFFECT_LABELS } from "@/lib/template/choices";
import { errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { freshKey, RemainingErrors, Section, SelectField, TextField } from "@/components/admin/scheme-editor/fields";
import { EditableList } from "@/components/admin/scheme-editor/sortable";

type Veto = { key?: string; question?: string; effect?: string };
type Grade = { key?: string; label?: string };

export function VetoesEditor({ errors, readOnly }: { errors: ErrorsByField; readOnly: boolean }) {
  const { control, setValue } = useFormContext();
  const values = (useWatch({ control, name: "vetoes" }) ?? []) as Veto[];
  const grades = ((useWatch({ control, name: "scoring.grades" }) ?? []) as Grade[]).filter((g) => g?.key);
  const gradeOptions = Object.fromEntries(grades.map((g) => [g.key!, g.label || g.key!]));
  const label = (i: number) => `第 ${i + 1} 项否决事项`;
  const newVeto = () => ({ key: freshKey(values.map((v) => v.key), "veto_"), question: "", effect: "block" });
  return (
    <Section title="一票否决" count={values.length} errorCount={errorsUnder(errors, "vetoes", []).length} description="每项写成“是否存在……”的问句：县里答“是”即触发。报告要有“一票否决事项”部分，县里才会看到这些问题。">
      <EditableList name="vetoes" testId="veto" listLabel="否决事项列表" numbered label={label} newItem={newVeto} addLabel="添加否决事项" readOnly={readOnly} rowClass="rounded-lg border border-slate-200 bg-white p-3">
        {(at, i) => {
          const effect = values[i]?.effect ?? "block";
          const needsGrade = effect === "capGrade" || effect === "setGrade";
          return (
            <div className="grid grid-cols-9 items-end gap-2">
              <TextField name={`${at}.question`} label="否决问题" errors={errors} readOnly={readOnly} className="col-span-9" />
              <TextField name={`${at}.key`} label="否决键名" errors={errors} readOnly={readOnly} className="col-span-2" />
              <TextField name={`${at}.source`} label="依据文件" errors={errors} readOnly={readOnly} optional className="col-span-3" />
              <SelectField name={`${at}.effect`} label="触发后" options={VETO_EFFECT_LABELS} errors={errors} readOnly={readOnly} className="col-span-2" onChange={(e) => (e === "capGrade" || e === "setGrade" ? undefined : setValue(`${at}.grade`, undefined))} />
              {needsGrade ? <SelectField name={`${at}.grade`} label="指定等次" options={gradeOptions} empty={grades.length ? "请选择等次" : "先在计分中设置等次"} errors={errors} readOnly={readOnly} className="col-span-2" /> : null}
              <TextField name={`${at}.hint`} label="填写提示" errors={errors} readOnly={readOnly} optional className="col-span-9" />
              <RemainingErrors errors={errors} at={at} shown={["question", "key", "source", "effect", needsGrade ? "grade" : "", "hint"].filter(Boolean)} className="col-span-9" />
            </div>
          );
        }}
      </EditableList>
    </Section>
  );
}
