"use client";
// 分组 (scheme.groups, e.g. 一级指标 over 二级指标) and how items are numbered: flat (1…12) or within their group.
// A group lists the items it holds by code; the validator checks that every item is in exactly one group and that
// the items' scores add up to the group's subtotal.
import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { errorAt, errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { Section, SelectField, TextField } from "@/components/admin/scheme-editor/fields";
import { SortableItem, SortableList } from "@/components/admin/scheme-editor/sortable";

type Criterion = { code?: string; title?: string };
type Group = { code?: string; title?: string; criteria?: string[] };

export const NUMBERING_LABELS = { flat: "平铺编号（1、2、3……）", grouped: "分组编号（每组重新编号）" } as const;

export function GroupsEditor({ errors, criteria, readOnly }: { errors: ErrorsByField; criteria: Criterion[]; readOnly: boolean }) {
  const { control } = useFormContext();
  const groups = useFieldArray({ control, name: "groups" });
  const values = (useWatch({ control, name: "groups" }) ?? []) as Group[];
  const label = (i: number) => `第 ${i + 1} 组「${values[i]?.title || "未命名"}」`;
  const inGroup = new Map<string, number>();
  values.forEach((g, i) => g?.criteria?.forEach((c) => inGroup.set(c, i)));
  const add = () => {
    const taken = new Set(values.map((g) => g.code));
    let n = values.length + 1;
    while (taken.has(`group-${n}`)) n++;
    groups.append({ code: `group-${n}`, title: "", criteria: [] });
  };
  return (
    <Section title="分组与编号" count={groups.fields.length} errorCount={errorsUnder(errors, "groups", []).length + (errorAt(errors, "numbering") ? 1 : 0)} description="没有分组时各评价重点直接排列；有分组时，每个评价重点应属于且只属于一个分组。">
      <SelectField name="numbering" label="编号方式" options={NUMBERING_LABELS} errors={errors} readOnly={readOnly} className="w-72" />
      <SortableList ids={groups.fields.map((f) => f.id)} label={label} onMove={(from, to) => groups.move(from, to)}>
        <ol className="space-y-2" aria-label="分组列表">
          {groups.fields.map((f, i) => {
            const at = `groups.${i}`;
            return (
              <li key={f.id} data-testid={`group-${i}`}>
                <SortableItem id={f.id} label={label(i)} disabled={readOnly} className="rounded-lg border border-slate-200 bg-white p-3">
                  {(handle) => (
                    <div className="space-y-2">
                      <div className="grid grid-cols-12 items-end gap-2">
                        <div className="col-span-1 flex items-center gap-1 pb-1.5 text-sm text-slate-500">
                          {handle}
                          <span aria-hidden>{i + 1}</span>
                        </div>
                        <TextField name={`${at}.title`} label="分组名称" errors={errors} readOnly={readOnly} className="col-span-5" />
                        <TextField name={`${at}.code`} label="分组代号" errors={errors} readOnly={readOnly} className="col-span-2" />
                        <TextField name={`${at}.maxScore`} label="分组分值" numeric errors={errors} readOnly={readOnly} className="col-span-2" />
                        {!readOnly ? (
                          <Button type="button" variant="ghost" className="col-span-2 text-red-700" aria-label={`删除${label(i)}`} onClick={() => groups.remove(i)}>
                            删除
                          </Button>
                        ) : null}
                      </div>
                      <TextField name={`${at}.guidance`} label="分组说明" multiline errors={errors} readOnly={readOnly} optional />
                      <Controller
                        control={control}
                        name={`${at}.criteria`}
                        render={({ field }) => {
                          const chosen = new Set((field.value as string[] | undefined) ?? []);
                          const toggle = (code: string, on: boolean) => field.onChange(criteria.map((c) => c.code ?? "").filter((c) => (c === code ? on : chosen.has(c))));
                          return (
                            <fieldset>
                              <legend className="text-xs text-slate-600">包含的评价重点</legend>
                              <div className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1">
                                {criteria.map((c, j) => {
                                  const elsewhere = c.code && inGroup.has(c.code) && inGroup.get(c.code) !== i ? inGroup.get(c.code)! : null;
                                  return (
                                    <label key={`${c.code}-${j}`} className="flex items-center gap-2 text-sm">
                                      <input type="checkbox" disabled={readOnly || !c.code} checked={Boolean(c.code && chosen.has(c.code))} onChange={(e) => toggle(c.code ?? "", e.target.checked)} />
                                      <span>
                                        {j + 1}. {c.title || "（未命名）"}
                                        {elsewhere !== null ? <span className="ml-1 text-xs text-slate-400">（已在第 {elsewhere + 1} 组）</span> : null}
                                      </span>
                                    </label>
                                  );
                                })}
                              </div>
                            </fieldset>
                          );
                        }}
                      />
                      {errorsUnder(errors, at, [`${at}.title`, `${at}.code`, `${at}.maxScore`, `${at}.guidance`]).map((m, j) => (
                        <p key={j} role="alert" className="text-xs text-red-700">
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
          添加分组
        </Button>
      ) : null}
    </Section>
  );
}
