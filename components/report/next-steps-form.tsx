"use client";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { RichField } from "@/components/report/rich-field";
import { RichTextView } from "@/components/report/rich-text-view";
import { useFigures } from "@/components/report/figure-context";
import { SectionFrame } from "@/components/report/section-frame";
import { useSectionForm, type SectionFormProps } from "@/components/report/use-section-form";
import { fieldId } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";
import type { TNextStepsContent } from "@/lib/report/content";
import { levelTwoLabel } from "@/lib/template/numbering";

const newId = () => Math.random().toString(36).slice(2, 12);

export function NextStepsForm(props: SectionFormProps & { def: SectionDef }) {
  const { form, autosave, live } = useSectionForm<TNextStepsContent>(props);
  const { register, control, setValue, formState } = form;
  const items = useFieldArray({ control, name: "items", keyName: "_key" });
  const commitments = useFieldArray({ control, name: "commitments", keyName: "_key" });
  const { store } = useFigures();
  const id = (f: string) => fieldId(props.def.key, f);
  const ro = props.readOnly;
  const e = formState.errors;
  return (
    <SectionFrame def={props.def} autosave={autosave} live={live} readOnly={ro}>
      <div className="space-y-6">
        {commitments.fields.length ? (
          <section aria-labelledby={id("commitments-title")} className="rounded-lg border border-amber-200 bg-amber-50/50 p-4">
            <h3 id={id("commitments-title")} className="text-sm font-semibold text-slate-800">
              上年“下一步工作打算”的落实情况
            </h3>
            <p className="mb-3 text-xs text-slate-500">从上年报告带入。请逐条说明落实情况，审核时会逐条查看。</p>
            <ol className="space-y-4">
              {commitments.fields.map((c, i) => (
                <li key={c._key} className="space-y-2">
                  <div className="flex gap-1 text-sm text-slate-700">
                    <span>{i + 1}.</span>
                    <RichTextView value={c.text} store={store} className="min-w-0 flex-1" />
                  </div>
                  <div className="flex flex-wrap gap-4 text-sm">
                    {[
                      { v: true, label: "已落实" },
                      { v: false, label: "未完全落实" },
                    ].map((o) => (
                      <label key={o.label} className="inline-flex items-center gap-1.5">
                        <input
                          type="radio"
                          name={id(`commitments-${i}-done`)}
                          disabled={ro}
                          defaultChecked={c.done === o.v}
                          onChange={() => setValue(`commitments.${i}.done`, o.v, { shouldDirty: true })}
                        />
                        {o.label}
                      </label>
                    ))}
                  </div>
                  <RichField id={id(`commitments-${i}-answer`)} label="落实情况说明" compact control={control} name={`commitments.${i}.answer`} readOnly={ro} />
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <RichField id={id("intro")} label="总体打算（导语）" control={control} name="intro" readOnly={ro} />
        <ol className="space-y-5" aria-label="工作打算条目">
          {items.fields.map((item, i) => (
            <li key={item._key} className="space-y-2 rounded-lg border border-slate-200 p-4">
              <div className="flex items-center gap-2">
                <span className="text-sm text-slate-500">{levelTwoLabel(i + 1)}</span>
                <label htmlFor={id(`items-${i}-heading`)} className="sr-only">
                  标题
                </label>
                <input id={id(`items-${i}-heading`)} placeholder="小标题，如：强化党的全面领导" className={inputClass} readOnly={ro} {...register(`items.${i}.heading`)} />
                {!ro ? (
                  <span className="flex shrink-0 gap-1">
                    <Button type="button" variant="ghost" className="px-2" aria-label={`上移第 ${i + 1} 项`} disabled={i === 0} onClick={() => items.move(i, i - 1)}>
                      ↑
                    </Button>
                    <Button type="button" variant="ghost" className="px-2" aria-label={`下移第 ${i + 1} 项`} disabled={i === items.fields.length - 1} onClick={() => items.move(i, i + 1)}>
                      ↓
                    </Button>
                    <Button type="button" variant="ghost" className="px-2 text-red-700" aria-label={`删除第 ${i + 1} 项`} onClick={() => items.remove(i)}>
                      删除
                    </Button>
                  </span>
                ) : null}
              </div>
              {e.items?.[i]?.heading ? <p className="text-xs text-red-700">{e.items[i]?.heading?.message}</p> : null}
              <RichField id={id(`items-${i}-body`)} label="内容" compact control={control} name={`items.${i}.body`} readOnly={ro} placeholder="具体打算，可用“一是…二是…”列表" />
            </li>
          ))}
        </ol>
        {!ro ? (
          <Button type="button" variant="secondary" onClick={() => items.append({ id: newId(), heading: "", body: [] })}>
            添加一项
          </Button>
        ) : null}
      </div>
    </SectionFrame>
  );
}
