"use client";
import { useFieldArray, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { GrowingTextarea } from "@/components/report/growing-textarea";
import { SectionFrame } from "@/components/report/section-frame";
import { useSectionForm, type SectionFormProps } from "@/components/report/use-section-form";
import type { ComputedFigures } from "@/lib/indicators/types";
import { styleOf } from "@/lib/indicators/display";
import { targetLabel } from "@/lib/indicators/targets";
import { fieldId } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";
import { MEASURE_STATUSES, PROBLEM_SOURCES, type TProblem, type TProblemsContent } from "@/lib/report/content";
import type { TIndicator } from "@/lib/template/schema";
import { levelTwoLabel } from "@/lib/template/numbering";

const newId = () => Math.random().toString(36).slice(2, 12);
const emptyMeasure = () => ({ id: newId(), text: "", leadUnit: "", partnerUnits: "", owner: "", deadline: "", status: "未启动" as const });

type Unmet = { indicator: TIndicator; criterionCode: string | null; criterionTitle: string; display: string };

/** What an unmet indicator proposes: a problem naming the figure and the target, for the writer to edit. */
function proposal(u: Unmet): TProblem {
  const target = u.indicator.target ? (u.indicator.target.label ?? targetLabel(u.indicator.target, styleOf(u.indicator))) : "";
  return {
    id: newId(),
    title: `${u.indicator.label}为${u.display}，未达到${target}的目标`,
    detail: "",
    criterionCode: u.criterionCode,
    indicatorKey: u.indicator.key,
    source: "indicator",
    measures: [emptyMeasure()],
  };
}

export function ProblemsForm(
  props: SectionFormProps & { def: SectionDef; sections: SectionDef[]; computed: ComputedFigures },
) {
  const { form, autosave } = useSectionForm<TProblemsContent>(props);
  const { register, control, formState } = form;
  const items = useFieldArray({ control, name: "items", keyName: "_key" });
  const current = useWatch({ control, name: "items" }) ?? [];
  const id = (f: string) => fieldId(props.def.key, f);
  const ro = props.readOnly;
  const criteria = props.sections.filter((s) => s.criterion);
  const covered = new Set(current.map((p) => p.indicatorKey));
  const unmet: Unmet[] = props.sections.flatMap((s) =>
    s.indicators
      .filter((ind) => props.computed.indicators[ind.key]?.status === "unmet" && !covered.has(ind.key))
      .map((ind) => ({ indicator: ind, criterionCode: s.criterion?.code ?? null, criterionTitle: s.title, display: props.computed.indicators[ind.key].display })),
  );

  return (
    <SectionFrame def={props.def} autosave={autosave}>
      <div className="space-y-6">
        {unmet.length ? (
          <section aria-label="未达标指标" className="space-y-2">
            {unmet.map((u) => (
              <div key={u.indicator.key} id={id(`unmet-${u.indicator.key}`)} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                <span>
                  “{u.criterionTitle}”中的<strong>{u.indicator.label}</strong>为 {u.display}，未达标，须列为问题并提出整改措施。
                </span>
                {!ro ? (
                  <Button type="button" variant="secondary" onClick={() => items.append(proposal(u))}>
                    列为问题
                  </Button>
                ) : null}
              </div>
            ))}
          </section>
        ) : null}
        <div className="space-y-1">
          <label htmlFor={id("intro")} className="block text-[15px] font-medium text-slate-800">
            导语（可选）
          </label>
          <GrowingTextarea id={id("intro")} readOnly={ro} placeholder="如：对照评价细则，我县仍存在以下问题：" {...register("intro")} />
        </div>
        <ol className="space-y-5" aria-label="问题清单">
          {items.fields.map((p, i) => (
            <li key={p._key} className="space-y-3 rounded-lg border border-slate-200 p-4" aria-label={`问题 ${i + 1}`}>
              <div className="flex items-start gap-2">
                <span className="pt-2 text-sm text-slate-500">{levelTwoLabel(i + 1)}</span>
                <div className="flex-1 space-y-1">
                  <label htmlFor={id(`items-${i}-title`)} className="sr-only">
                    问题
                  </label>
                  <GrowingTextarea id={id(`items-${i}-title`)} rows={1} placeholder="问题（一句话概括）" readOnly={ro} aria-invalid={!!formState.errors.items?.[i]?.title} {...register(`items.${i}.title`)} />
                  {formState.errors.items?.[i]?.title ? <p className="text-xs text-red-700">{formState.errors.items[i]?.title?.message}</p> : null}
                </div>
                {!ro ? (
                  <span className="flex shrink-0 gap-1">
                    <Button type="button" variant="ghost" className="px-2" aria-label={`上移问题 ${i + 1}`} disabled={i === 0} onClick={() => items.move(i, i - 1)}>
                      ↑
                    </Button>
                    <Button type="button" variant="ghost" className="px-2" aria-label={`下移问题 ${i + 1}`} disabled={i === items.fields.length - 1} onClick={() => items.move(i, i + 1)}>
                      ↓
                    </Button>
                    <Button type="button" variant="ghost" className="px-2 text-red-700" aria-label={`删除问题 ${i + 1}`} onClick={() => window.confirm("删除这个问题及其措施？") && items.remove(i)}>
                      删除
                    </Button>
                  </span>
                ) : null}
              </div>
              <div className="grid gap-3 text-sm sm:grid-cols-3">
                <label className="space-y-1">
                  <span className="block text-xs text-slate-500">对应评价重点</span>
                  <select className={inputClass} disabled={ro} {...register(`items.${i}.criterionCode`, { setValueAs: (v) => v || null })}>
                    <option value="">（不指定）</option>
                    {criteria.map((c) => (
                      <option key={c.criterion!.code} value={c.criterion!.code}>
                        {c.heading}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="space-y-1">
                  <span className="block text-xs text-slate-500">对应指标</span>
                  <select className={inputClass} disabled={ro} {...register(`items.${i}.indicatorKey`, { setValueAs: (v) => v || null })}>
                    <option value="">（无）</option>
                    {props.sections.flatMap((s) =>
                      s.indicators.map((ind) => (
                        <option key={ind.key} value={ind.key}>
                          {ind.label}
                        </option>
                      )),
                    )}
                  </select>
                </label>
                <p className="space-y-1">
                  <span className="block text-xs text-slate-500">来源</span>
                  <span className="block py-2">{PROBLEM_SOURCES[current[i]?.source ?? "self"]}</span>
                </p>
              </div>
              <div className="space-y-1">
                <label htmlFor={id(`items-${i}-detail`)} className="text-xs text-slate-500">
                  具体表现（可选）
                </label>
                <GrowingTextarea id={id(`items-${i}-detail`)} readOnly={ro} {...register(`items.${i}.detail`)} />
              </div>
              <Measures control={control} register={register} problemIndex={i} idOf={id} readOnly={ro} errors={formState.errors.items?.[i]?.measures} />
            </li>
          ))}
        </ol>
        {!ro ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => items.append({ id: newId(), title: "", detail: "", criterionCode: null, indicatorKey: null, source: "self", measures: [emptyMeasure()] })}
          >
            添加问题
          </Button>
        ) : null}
      </div>
    </SectionFrame>
  );
}

function Measures({
  control,
  register,
  problemIndex,
  idOf,
  readOnly,
  errors,
}: {
  control: Control<TProblemsContent>;
  register: UseFormRegister<TProblemsContent>;
  problemIndex: number;
  idOf: (f: string) => string;
  readOnly: boolean;
  errors?: unknown;
}) {
  const measures = useFieldArray({ control, name: `items.${problemIndex}.measures`, keyName: "_key" });
  const p = `items-${problemIndex}-measures`;
  const errs = (errors ?? []) as { text?: { message?: string }; deadline?: { message?: string } }[];
  return (
    <div className="space-y-3" id={idOf(p)}>
      <h4 className="text-sm font-medium text-slate-700">改进措施</h4>
      {measures.fields.map((m, j) => (
        <div key={m._key} className="space-y-2 rounded-md bg-slate-50 p-3">
          <div className="flex items-start gap-2">
            <span className="pt-2 text-xs text-slate-500">{j + 1}.</span>
            <div className="flex-1">
              <label htmlFor={idOf(`${p}-${j}-text`)} className="sr-only">
                措施内容
              </label>
              <GrowingTextarea id={idOf(`${p}-${j}-text`)} rows={2} placeholder="措施内容" readOnly={readOnly} {...register(`items.${problemIndex}.measures.${j}.text`)} />
              {errs[j]?.text?.message ? <p className="text-xs text-red-700">{errs[j]?.text?.message}</p> : null}
            </div>
            {!readOnly ? (
              <Button type="button" variant="ghost" className="px-2 text-red-700" aria-label={`删除措施 ${j + 1}`} onClick={() => measures.remove(j)}>
                删除
              </Button>
            ) : null}
          </div>
          <div className="grid gap-2 sm:grid-cols-5">
            {(
              [
                ["leadUnit", "牵头单位"],
                ["partnerUnits", "配合单位"],
                ["owner", "责任人"],
              ] as const
            ).map(([field, label]) => (
              <label key={field} className="space-y-0.5 text-xs text-slate-500">
                {label}
                <input id={idOf(`${p}-${j}-${field}`)} className={inputClass} readOnly={readOnly} {...register(`items.${problemIndex}.measures.${j}.${field}`)} />
              </label>
            ))}
            <label className="space-y-0.5 text-xs text-slate-500">
              完成时限
              <input id={idOf(`${p}-${j}-deadline`)} type="month" className={inputClass} readOnly={readOnly} {...register(`items.${problemIndex}.measures.${j}.deadline`)} />
              {errs[j]?.deadline?.message ? <span className="text-red-700">{errs[j]?.deadline?.message}</span> : null}
            </label>
            <label className="space-y-0.5 text-xs text-slate-500">
              状态
              <select className={inputClass} disabled={readOnly} {...register(`items.${problemIndex}.measures.${j}.status`)}>
                {MEASURE_STATUSES.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          </div>
        </div>
      ))}
      {!readOnly ? (
        <Button type="button" variant="ghost" className="text-brand-600" onClick={() => measures.append(emptyMeasure())}>
          + 添加措施
        </Button>
      ) : null}
    </div>
  );
}
