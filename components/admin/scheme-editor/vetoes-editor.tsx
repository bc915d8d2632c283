"use client";
// 一票否决 (scheme.vetoes): each a question phrased so that “是” vetoes, where the rule comes from, and what a “是”
// does — keep the report from being submitted, set the total to 0, or cap or set the grade (a grade of the scoring).
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { VETO_EFFECT_LABELS } from "@/lib/template/choices";
import { errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { Section, SelectField, TextField } from "@/components/admin/scheme-editor/fields";
import { SortableItem, SortableList } from "@/components/admin/scheme-editor/sortable";

type Veto = { key?: string; question?: string; effect?: string };
type Grade = { key?: string; label?: string };

export function VetoesEditor({ errors, readOnly }: { errors: ErrorsByField; readOnly: boolean }) {
  const { control, setValue } = useFormContext();
  const vetoes = useFieldArray({ control, name: "vetoes" });
  const values = (useWatch({ control, name: "vetoes" }) ?? []) as Veto[];
  const grades = ((useWatch({ control, name: "scoring.grades" }) ?? []) as Grade[]).filter((g) => g?.key);
  const gradeOptions = Object.fromEntries(grades.map((g) => [g.key!, g.label || g.key!]));
  const label = (i: number) => `第 ${i + 1} 项否决事项`;
  const add = () => {
    const taken = new Set(values.map((v) => v.key));
    let n = values.length + 1;
    while (taken.has(`veto_${n}`)) n++;
    vetoes.append({ key: `veto_${n}`, question: "", effect: "block" });
  };
  return (
    <Section title="一票否决" count={vetoes.fields.length} errorCount={errorsUnder(errors, "vetoes", []).length} description="每项写成“是否存在……”的问句：县里答“是”即触发。报告要有“一票否决事项”部分，县里才会看到这些问题。">
      <SortableList ids={vetoes.fields.map((f) => f.id)} label={label} onMove={(from, to) => vetoes.move(from, to)}>
        <ol className="space-y-2" aria-label="否决事项列表">
          {vetoes.fields.map((f, i) => {
            const at = `vetoes.${i}`;
            const effect = values[i]?.effect ?? "block";
            const needsGrade = effect === "capGrade" || effect === "setGrade";
            return (
              <li key={f.id} data-testid={`veto-${i}`}>
                <SortableItem id={f.id} label={label(i)} disabled={readOnly} className="rounded-lg border border-slate-200 bg-white p-3">
                  {(handle) => (
                    <div className="grid grid-cols-12 items-end gap-2">
                      <div className="col-span-1 flex items-center gap-1 pb-1.5 text-sm text-slate-500">
                        {handle}
                        <span aria-hidden>{i + 1}</span>
                      </div>
                      <TextField name={`${at}.question`} label="否决问题" errors={errors} readOnly={readOnly} className="col-span-9" />
                      {!readOnly ? (
                        <Button type="button" variant="ghost" className="col-span-2 text-red-700" aria-label={`删除${label(i)}`} onClick={() => vetoes.remove(i)}>
                          删除
                        </Button>
                      ) : null}
                      <TextField name={`${at}.key`} label="否决键名" errors={errors} readOnly={readOnly} className="col-span-3 col-start-2" />
                      <TextField name={`${at}.source`} label="依据文件" errors={errors} readOnly={readOnly} optional className="col-span-4" />
                      <SelectField name={`${at}.effect`} label="触发后" options={VETO_EFFECT_LABELS} errors={errors} readOnly={readOnly} className="col-span-2" onChange={(e) => (e === "capGrade" || e === "setGrade" ? undefined : setValue(`${at}.grade`, undefined))} />
                      {needsGrade ? <SelectField name={`${at}.grade`} label="指定等次" options={gradeOptions} empty={grades.length ? "请选择等次" : "先在计分中设置等次"} errors={errors} readOnly={readOnly} className="col-span-2" /> : null}
                      <TextField name={`${at}.hint`} label="填写提示" errors={errors} readOnly={readOnly} optional className="col-span-11 col-start-2" />
                      {errorsUnder(errors, at, ["question", "key", "source", "effect", needsGrade ? "grade" : "", "hint"].filter(Boolean).map((k) => `${at}.${k}`)).map((m, j) => (
                        <p key={j} role="alert" className="col-span-11 col-start-2 text-xs text-red-700">
                          {m}
                        </p>
                      ))}
                    </div>
                  )}
                </SortableItem>
              </li>
            );
          })}
        </ol>
      </SortableList>
      {!readOnly ? (
        <Button type="button" variant="secondary" onClick={add}>
          添加否决事项
        </Button>
      ) : null}
    </Section>
  );
}
