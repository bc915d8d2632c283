"use client";
// 分组 (scheme.groups, e.g. 一级指标 over 二级指标) and how items are numbered: flat (1…12) or within their group.
// A group lists the items it holds by code; the validator checks that every item is in exactly one group and that
// the items' scores add up to the group's subtotal.
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { errorAt, errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { freshKey, RemainingErrors, Section, SelectField, TextField } from "@/components/admin/scheme-editor/fields";
import { EditableList } from "@/components/admin/scheme-editor/sortable";

type Criterion = { code?: string; title?: string };
type Group = { code?: string; title?: string; criteria?: string[] };

export const NUMBERING_LABELS = { flat: "平铺编号（1、2、3……）", grouped: "分组编号（每组重新编号）" } as const;

export function GroupsEditor({ errors, criteria, readOnly }: { errors: ErrorsByField; criteria: Criterion[]; readOnly: boolean }) {
  const { control } = useFormContext();
  const values = (useWatch({ control, name: "groups" }) ?? []) as Group[];
  const label = (i: number) => `第 ${i + 1} 组「${values[i]?.title || "未命名"}」`;
  const inGroup = new Map<string, number>();
  values.forEach((g, i) => g?.criteria?.forEach((c) => inGroup.set(c, i)));
  const newGroup = () => ({ code: freshKey(values.map((g) => g.code), "group-"), title: "", criteria: [] });
  return (
    <Section title="分组与编号" count={values.length} errorCount={errorsUnder(errors, "groups", []).length + (errorAt(errors, "numbering") ? 1 : 0)} description="没有分组时各评价重点直接排列；有分组时，每个评价重点应属于且只属于一个分组。">
      <SelectField name="numbering" label="编号方式" options={NUMBERING_LABELS} errors={errors} readOnly={readOnly} className="w-72" />
      <EditableList name="groups" testId="group" listLabel="分组列表" numbered label={label} newItem={newGroup} addLabel="添加分组" readOnly={readOnly} rowClass="rounded-lg border border-slate-200 bg-white p-3">
        {(at, i) => (
          <div className="space-y-2">
            <div className="grid grid-cols-9 items-end gap-2">
              <TextField name={`${at}.title`} label="分组名称" errors={errors} readOnly={readOnly} className="col-span-5" />
              <TextField name={`${at}.code`} label="分组代号" errors={errors} readOnly={readOnly} className="col-span-2" />
              <TextField name={`${at}.maxScore`} label="分组分值" numeric errors={errors} readOnly={readOnly} className="col-span-2" />
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
            <RemainingErrors errors={errors} at={at} shown={["title", "code", "maxScore", "guidance"]} />
          </div>
        )}
      </EditableList>
    </Section>
  );
}
