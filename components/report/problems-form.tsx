"use client";
// 存在问题和改进措施: each problem a card, each measure a card inside it with every field at a readable width (at
// 1366×768 the form column is about 740 px wide: 牵头单位, 配合单位, 责任人 share a row, 完成时限 and 状态 the next).
// An unmet target is listed as a problem with measures — or answered with a 情况说明 (lib/report/explanations.ts).
import { useFieldArray, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { GrowingTextarea } from "@/components/report/growing-textarea";
import { ExplanationBox, type ReviewContext } from "@/components/report/explanation-box";
import { RichField } from "@/components/report/rich-field";
import { SectionFrame } from "@/components/report/section-frame";
import { useSectionForm, type SectionFormProps } from "@/components/report/use-section-form";
import type { ComputedFigures } from "@/lib/indicators/types";
import { styleOf } from "@/lib/indicators/display";
import { targetLabel } from "@/lib/indicators/targets";
import { fieldId, type Finding } from "@/lib/report/precheck";
import { unmetTarget } from "@/lib/report/explanations";
import type { SectionDef } from "@/lib/report/sections";
import { MEASURE_STATUSES, PROBLEM_SOURCES, type TProblem, type TProblemsContent } from "@/lib/report/content";
import type { TIndicator } from "@/lib/template/schema";
import { levelTwoLabel } from "@/lib/template/numbering";

const newId = () => Math.random().toString(36).slice(2, 12);
const emptyMeasure = () => ({ id: newId(), text: [], leadUnit: "", partnerUnits: "", owner: "", deadline: "", status: "未启动" as const });

type Unmet = { indicator: TIndicator; criterionCode: string | null; criterionTitle: string; display: string };

/** What an unmet indicator proposes: a problem naming the figure and the target, for the writer to edit. */
function proposal(u: Unmet): TProblem {
  const target = u.indicator.target ? (u.indicator.target.label ?? targetLabel(u.indicator.target, styleOf(u.indicator))) : "";
  return {
    id: newId(),
    title: `${u.indicator.label}为${u.display}，未达到${target}的目标`,
    detail: [],
    criterionCode: u.criterionCode,
    indicatorKey: u.indicator.key,
    source: "indicator",
    measures: [emptyMeasure()],
  };
}

export function ProblemsForm(
  props: SectionFormProps & { def: SectionDef; sections: SectionDef[]; computed: ComputedFigures; findings: Finding[]; review: ReviewContext },
) {
  const { form, autosave, live } = useSectionForm<TProblemsContent>(props);
  const { register, control, setValue } = form;
  const items = useFieldArray({ control, name: "items", keyName: "_key" });
  const current = useWatch({ control, name: "items" }) ?? [];
  const explanations = useWatch({ control, name: "explanations" }) ?? {};
  const id = (f: string) => fieldId(props.def.key, f);
  const ro = props.readOnly;
  const criteria = props.sections.filter((s) => s.criterion);
  const covered = new Set(current.map((p) => p.indicatorKey));
  const unmet: Unmet[] = props.sections.flatMap((s) =>
    s.indicators
      .filter((ind) => props.computed.indicators[ind.key]?.status === "unmet" && !covered.has(ind.key))
      .map((ind) => ({ indicator: ind, criterionCode: s.criterion?.code ?? null, criterionTitle: s.title, display: props.computed.indicators[ind.key].display })),
  );
  const explainOf = (key: string) => props.findings.find((f) => f.explain?.target === unmetTarget(key))?.explain;
  const setExplanation = (target: string, text: string) => {
    const next = { ...explanations };
    if (text.trim()) next[target] = { text: text.slice(0, 1000) };
    else delete next[target];
    setValue("explanations", next, { shouldDirty: true });
  };

  return (
    <SectionFrame def={props.def} autosave={autosave} live={live} readOnly={ro}>
      <div className="space-y-6">
        {unmet.length ? (
          <section aria-label="未达标指标" className="space-y-2">
            {unmet.map((u) => (
              <ExplanationBox
                key={u.indicator.key}
                id={id(`unmet-${u.indicator.key}`)}
                problem={`“${u.criterionTitle}”中的${u.indicator.label}为 ${u.display}，未达标：列为问题并提出整改措施，或作出情况说明。`}
                explain={explainOf(u.indicator.key)}
                text={explanations[unmetTarget(u.indicator.key)]?.text ?? ""}
                readOnly={ro}
                review={props.review}
                onText={(text) => setExplanation(unmetTarget(u.indicator.key), text)}
              >
                <Button type="button" variant="secondary" onClick={() => items.append(proposal(u))}>
                  列为问题
                </Button>
              </ExplanationBox>
            ))}
          </section>
        ) : null}
        <RichField id={id("intro")} label="导语（可选）" control={control} name="intro" readOnly={ro} placeholder="如：对照评价细则，我县仍存在以下问题：" />
        <ol className="space-y-5" aria-label="问题清单">
          {items.fields.map((p, i) => (
            <li key={p._key} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={`问题 ${i + 1}`}>
              <div className="flex items-start gap-2">
                <span className="pt-2 text-sm font-medium text-slate-600">{levelTwoLabel(i + 1)}</span>
                <div className="min-w-0 flex-1 space-y-1">
                  <label htmlFor={id(`items-${i}-title`)} className="sr-only">
                    问题
                  </label>
                  <GrowingTextarea id={id(`items-${i}-title`)} rows={1} placeholder="问题（一句话概括）" readOnly={ro} {...register(`items.${i}.title`)} />
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
              {/* The criterion on a row of its own: side by side, both names were cut off at 1366×768. */}
              <div className="grid gap-3 text-sm sm:grid-cols-[minmax(0,1fr)_7rem]">
                <label className="min-w-0 space-y-1 sm:col-span-2">
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
                <label className="min-w-0 space-y-1">
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
              <RichField id={id(`items-${i}-detail`)} label="具体表现（可选）" compact control={control} name={`items.${i}.detail`} readOnly={ro} />
              <Measures control={control} register={register} problemIndex={i} idOf={id} readOnly={ro} />
            </li>
          ))}
        </ol>
        {!ro ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => items.append({ id: newId(), title: "", detail: [], criterionCode: null, indicatorKey: null, source: "self", measures: [emptyMeasure()] })}
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
}: {
  control: Control<TProblemsContent>;
  register: UseFormRegister<TProblemsContent>;
  problemIndex: number;
  idOf: (f: string) => string;
  readOnly: boolean;
}) {
  const measures = useFieldArray({ control, name: `items.${problemIndex}.measures`, keyName: "_key" });
  const p = `items-${problemIndex}-measures`;
  const field = (j: number, name: string) => idOf(`${p}-${j}-${name}`);
  return (
    <div className="space-y-3" id={idOf(p)} tabIndex={-1}>
      <h4 className="text-sm font-medium text-slate-700">改进措施</h4>
      {measures.fields.map((m, j) => (
        <div key={m._key} role="group" aria-label={`措施 ${j + 1}`} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <div className="flex items-start justify-between gap-2">
            <span className="text-xs font-medium text-slate-500">措施 {j + 1}</span>
            {!readOnly ? (
              <Button type="button" variant="ghost" className="px-2 py-1 text-xs text-red-700" aria-label={`删除措施 ${j + 1}`} onClick={() => measures.remove(j)}>
                删除
              </Button>
            ) : null}
          </div>
          <RichField id={field(j, "text")} label="措施内容" compact control={control} name={`items.${problemIndex}.measures.${j}.text`} readOnly={readOnly} withFigures={false} />
          <div className="grid gap-3 sm:grid-cols-3">
            {(
              [
                ["leadUnit", "牵头单位", "如：县教育局"],
                ["partnerUnits", "配合单位", "如：县财政局、县人社局"],
                ["owner", "责任人", "如：分管副局长"],
              ] as const
            ).map(([name, label, placeholder]) => (
              <label key={name} htmlFor={field(j, name)} className="min-w-0 space-y-1 text-xs text-slate-500">
                {label}
                <input id={field(j, name)} className={inputClass} placeholder={placeholder} readOnly={readOnly} {...register(`items.${problemIndex}.measures.${j}.${name}`)} />
              </label>
            ))}
          </div>
          <div className="grid gap-3 sm:grid-cols-[12rem_10rem]">
            <label htmlFor={field(j, "deadline")} className="space-y-1 text-xs text-slate-500">
              完成时限
              <input id={field(j, "deadline")} type="month" className={inputClass} readOnly={readOnly} {...register(`items.${problemIndex}.measures.${j}.deadline`)} />
            </label>
            <label htmlFor={field(j, "status")} className="space-y-1 text-xs text-slate-500">
              状态
              <select id={field(j, "status")} className={inputClass} disabled={readOnly} {...register(`items.${problemIndex}.measures.${j}.status`)}>
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
