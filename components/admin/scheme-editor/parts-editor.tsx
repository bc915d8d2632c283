"use client";
// 报告的部分 (scheme.parts): their order is the order of the report, its outline and its Word headings. The
// 基本情况 part may carry figures of its own (inputs and indicators), edited as an item's are.
import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PART_KIND_LABELS, PART_KINDS, type PartKind } from "@/lib/template/schema";
import { errorAt, errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { Section, TextField } from "@/components/admin/scheme-editor/fields";
import { FigureLists } from "@/components/admin/scheme-editor/figure-lists";
import type { FigureOption } from "@/components/admin/scheme-editor/formula-builder";
import { SortableItem, SortableList } from "@/components/admin/scheme-editor/sortable";

type Part = { key?: string; kind?: string; title?: string; inputs?: unknown[]; indicators?: unknown[]; checks?: unknown[]; matrices?: unknown[] };

const FIGURE_LISTS = new Set(["inputs", "indicators", "checks", "matrices"]);
const hasFigures = (p: Part | undefined) => Boolean(p?.inputs?.length || p?.indicators?.length || p?.checks?.length || p?.matrices?.length);

/** A key no other part has: the kind's own name, or the kind numbered. */
function freshKey(parts: Part[], kind: PartKind): string {
  const taken = new Set(parts.map((p) => p.key));
  if (!taken.has(kind.toLowerCase())) return kind.toLowerCase();
  for (let n = 2; ; n++) if (!taken.has(`${kind.toLowerCase()}-${n}`)) return `${kind.toLowerCase()}-${n}`;
}

export function PartsEditor({ errors, figures, readOnly }: { errors: ErrorsByField; figures: FigureOption[]; readOnly: boolean }) {
  const { control, getValues, setValue } = useFormContext();
  const parts = useFieldArray({ control, name: "parts" });
  const values = (useWatch({ control, name: "parts" }) ?? []) as Part[];
  const label = (i: number) => `第 ${i + 1} 部分「${values[i]?.title || "未命名"}」`;

  /** A new kind takes its usual heading when the title was still the old kind's (or empty); figures go with 基本情况. */
  const changeKind = (i: number, kind: string, old: string | undefined) => {
    const title = getValues(`parts.${i}.title`) as string | undefined;
    if (!title || title === PART_KIND_LABELS[old as PartKind]) setValue(`parts.${i}.title`, PART_KIND_LABELS[kind as PartKind] ?? title, { shouldDirty: true });
    if (kind === "profile") {
      for (const list of ["inputs", "indicators"]) if (getValues(`parts.${i}.${list}`) === undefined) setValue(`parts.${i}.${list}`, [], { shouldDirty: true });
    } else if (!hasFigures(getValues(`parts.${i}`) as Part)) {
      const rest = Object.fromEntries(Object.entries(getValues(`parts.${i}`) as Part).filter(([k]) => !FIGURE_LISTS.has(k)));
      setValue(`parts.${i}`, rest, { shouldDirty: true });
    }
  };

  const add = () => {
    const kind: PartKind = "nextSteps";
    parts.append({ key: freshKey(values, kind), kind, title: PART_KIND_LABELS[kind] });
  };

  return (
    <Section title="报告的部分" count={parts.fields.length} errorCount={errorsUnder(errors, "parts", []).length} description="部分的顺序就是报告、大纲和 Word 文件中的顺序；拖动左侧手柄或用键盘（空格拿起、方向键移动、空格放下）调整。">
      {errorAt(errors, "parts") ? <p role="alert" className="text-xs text-red-700">{errorAt(errors, "parts")}</p> : null}
      <SortableList ids={parts.fields.map((f) => f.id)} label={label} onMove={(from, to) => parts.move(from, to)}>
        <ol className="space-y-2" aria-label="部分列表">
          {parts.fields.map((f, i) => {
            const at = `parts.${i}`;
            const part = values[i];
            const locked = part?.kind === "profile" && hasFigures(part);
            return (
              <li key={f.id} data-testid={`part-${i}`}>
                <SortableItem id={f.id} label={label(i)} disabled={readOnly} className="rounded-lg border border-slate-200 bg-white p-3">
                  {(handle) => (
                    <div className="space-y-2">
                      <div className="grid grid-cols-12 items-end gap-2">
                        <div className="col-span-1 flex items-center gap-1 pb-1.5 text-sm text-slate-500">
                          {handle}
                          <span aria-hidden>{i + 1}</span>
                        </div>
                        <label className="col-span-3 block text-xs text-slate-600">
                          部分类型
                          <Controller
                            control={control}
                            name={`${at}.kind`}
                            render={({ field }) => (
                              <select aria-label="部分类型" disabled={readOnly || locked} className={`${inputClass} py-1.5`} value={String(field.value ?? "")} onChange={(e) => { const old = field.value as string; field.onChange(e.target.value); changeKind(i, e.target.value, old); }}>
                                {PART_KINDS.map((k) => (
                                  <option key={k} value={k}>
                                    {PART_KIND_LABELS[k]}
                                  </option>
                                ))}
                              </select>
                            )}
                          />
                          {errorAt(errors, `${at}.kind`) ? <span role="alert" className="block text-xs text-red-700">{errorAt(errors, `${at}.kind`)}</span> : null}
                        </label>
                        <TextField name={`${at}.title`} label="部分标题" errors={errors} readOnly={readOnly} className="col-span-4" />
                        <TextField name={`${at}.key`} label="部分代号" errors={errors} readOnly={readOnly} className="col-span-2" />
                        {!readOnly ? (
                          <Button type="button" variant="ghost" className="col-span-2 text-red-700" aria-label={`删除${label(i)}`} onClick={() => parts.remove(i)}>
                            删除
                          </Button>
                        ) : null}
                      </div>
                      <TextField name={`${at}.guidance`} label="填写说明" multiline errors={errors} readOnly={readOnly} optional />
                      {locked ? <p className="text-xs text-slate-500">基本情况部分含有数据项或指标，删除后才能改为其他类型。</p> : null}
                      {part?.kind === "profile" ? <FigureLists at={at} testKey={`part${i}`} errors={errors} figures={figures} readOnly={readOnly} /> : null}
                      {errorsUnder(errors, at, [`${at}.kind`, `${at}.title`, `${at}.key`, `${at}.guidance`, `${at}.inputs`, `${at}.indicators`]).map((m, j) => (
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
          添加部分
        </Button>
      ) : null}
    </Section>
  );
}
