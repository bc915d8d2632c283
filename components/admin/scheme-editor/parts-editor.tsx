"use client";
// 报告的部分 (scheme.parts): their order is the order of the report, its outline and its Word headings. The
// 基本情况 part may carry figures of its own (inputs and indicators), edited as an item's are.
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { inputClass } from "@/components/ui/field";
import { PART_KIND_LABELS, PART_KINDS, type PartKind } from "@/lib/template/schema";
import { errorAt, errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { FieldError, RemainingErrors, Section, TextField } from "@/components/admin/scheme-editor/fields";
import { FigureLists } from "@/components/admin/scheme-editor/figure-lists";
import type { FigureOption } from "@/components/admin/scheme-editor/formula-builder";
import { EditableList } from "@/components/admin/scheme-editor/sortable";

type Part = { key?: string; kind?: string; title?: string; inputs?: unknown[]; indicators?: unknown[]; checks?: unknown[]; matrices?: unknown[] };

const FIGURE_LISTS = new Set(["inputs", "indicators", "checks", "matrices"]);
const hasFigures = (p: Part | undefined) => Boolean(p?.inputs?.length || p?.indicators?.length || p?.checks?.length || p?.matrices?.length);

/** A key no other part has: the kind's own name, or the kind numbered. */
function partKey(parts: Part[], kind: PartKind): string {
  const taken = new Set(parts.map((p) => p.key));
  if (!taken.has(kind.toLowerCase())) return kind.toLowerCase();
  for (let n = 2; ; n++) if (!taken.has(`${kind.toLowerCase()}-${n}`)) return `${kind.toLowerCase()}-${n}`;
}

export function PartsEditor({ errors, figures, readOnly }: { errors: ErrorsByField; figures: FigureOption[]; readOnly: boolean }) {
  const { control, getValues, setValue } = useFormContext();
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

  const newPart = () => {
    const kind: PartKind = "nextSteps";
    return { key: partKey(values, kind), kind, title: PART_KIND_LABELS[kind] };
  };

  return (
    <Section title="报告的部分" count={values.length} errorCount={errorsUnder(errors, "parts", []).length} description="部分的顺序就是报告、大纲和 Word 文件中的顺序；拖动左侧手柄或用键盘（空格拿起、方向键移动、空格放下）调整。">
      <FieldError message={errorAt(errors, "parts")} />
      <EditableList name="parts" testId="part" listLabel="部分列表" numbered label={label} newItem={newPart} addLabel="添加部分" readOnly={readOnly} rowClass="rounded-lg border border-slate-200 bg-white p-3">
        {(at, i) => {
          const part = values[i];
          const locked = part?.kind === "profile" && hasFigures(part);
          return (
            <div className="space-y-2">
              <div className="grid grid-cols-9 items-end gap-2">
                <label className="col-span-3 block text-xs text-slate-600">
                  部分类型
                  <Controller
                    control={control}
                    name={`${at}.kind`}
                    render={({ field }) => (
                      <select
                        aria-label="部分类型"
                        disabled={readOnly || locked}
                        className={`${inputClass} py-1.5`}
                        value={String(field.value ?? "")}
                        onChange={(e) => {
                          const old = field.value as string;
                          field.onChange(e.target.value);
                          changeKind(i, e.target.value, old);
                        }}
                      >
                        {PART_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {PART_KIND_LABELS[k]}
                          </option>
                        ))}
                      </select>
                    )}
                  />
                  <FieldError message={errorAt(errors, `${at}.kind`)} />
                </label>
                <TextField name={`${at}.title`} label="部分标题" errors={errors} readOnly={readOnly} className="col-span-4" />
                <TextField name={`${at}.key`} label="部分代号" errors={errors} readOnly={readOnly} className="col-span-2" />
              </div>
              <TextField name={`${at}.guidance`} label="填写说明" multiline errors={errors} readOnly={readOnly} optional />
              {locked ? <p className="text-xs text-slate-500">基本情况部分含有数据项或指标，删除后才能改为其他类型。</p> : null}
              {part?.kind === "profile" ? <FigureLists at={at} testKey={`part${i}`} errors={errors} figures={figures} readOnly={readOnly} /> : null}
              <RemainingErrors errors={errors} at={at} shown={["kind", "title", "key", "guidance", "inputs", "indicators"]} />
            </div>
          );
        }}
      </EditableList>
    </Section>
  );
}
