"use client";
// Section of kind "veto": each 一票否决 item answered 是/否 with an explanation and the 佐证材料 that support it.
// A "是" is a blocking finding (lib/report/precheck.ts) and is what reviewers see first (veto-banner.tsx).
import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { GrowingTextarea } from "@/components/report/growing-textarea";
import { SectionFrame } from "@/components/report/section-frame";
import { useSectionForm, type SectionFormProps } from "@/components/report/use-section-form";
import { inputClass } from "@/components/ui/field";
import { VETO_ANSWERS, emptyVetoAnswer, type SectionContent, type TVetoContent } from "@/lib/report/content";
import { fieldId } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";

type Props = SectionFormProps & { def: SectionDef };

/** Every item present, so that the form's values always satisfy the schema (a missing answer is null, not absent). */
function withAllItems(def: SectionDef, content: SectionContent): TVetoContent {
  const answers = (content as TVetoContent).answers ?? {};
  return { v: 2, answers: Object.fromEntries((def.vetoes ?? []).map((v) => [v.key, { ...emptyVetoAnswer(), ...answers[v.key] }])) };
}

export function VetoForm(props: Props) {
  const content = useMemo(() => withAllItems(props.def, props.content), [props.def, props.content]);
  return <VetoFields {...props} content={content} />;
}

function VetoFields(props: Props) {
  const { form, autosave, live } = useSectionForm<TVetoContent>(props);
  const { register, control, formState } = form;
  const answers = useWatch({ control, name: "answers" }) ?? {};
  const { def, readOnly } = props;
  const id = (f: string) => fieldId(def.key, f);
  return (
    <SectionFrame def={def} autosave={autosave} live={live} readOnly={readOnly}>
      <ol className="space-y-4" aria-label="一票否决事项">
        {(def.vetoes ?? []).map((v, i) => {
          const answer = answers[v.key]?.answer ?? null;
          const e = formState.errors.answers?.[v.key];
          return (
            <li
              key={v.key}
              data-testid="veto-item"
              className={`space-y-2 rounded-lg border p-4 ${answer === "是" ? "border-red-300 bg-red-50/60" : answer === "否" ? "border-slate-200" : "border-amber-200 bg-amber-50/40"}`}
            >
              <fieldset className="flex flex-wrap items-center justify-between gap-3">
                <legend className="sr-only">{v.question}</legend>
                <p className="text-sm font-medium text-slate-800">
                  {i + 1}. {v.question}
                  {v.source ? <span className="ml-2 text-xs font-normal text-slate-500">（{v.source}）</span> : null}
                </p>
                <span className="flex gap-4 text-sm" id={id(`answers-${v.key}-answer`)}>
                  {VETO_ANSWERS.map((a) => (
                    <label key={a} className="inline-flex items-center gap-1.5">
                      <input type="radio" value={a} disabled={readOnly} {...register(`answers.${v.key}.answer`)} />
                      {a}
                    </label>
                  ))}
                </span>
              </fieldset>
              {v.hint ? <p className="text-xs text-slate-500">{v.hint}</p> : null}
              {answer === "是" ? <p className="text-sm text-red-700">回答“是”即触发一票否决，县域不能通过认定。请如实说明情况。</p> : null}
              <label htmlFor={id(`answers-${v.key}-explanation`)} className="block text-xs text-slate-600">
                情况说明
              </label>
              <GrowingTextarea id={id(`answers-${v.key}-explanation`)} readOnly={readOnly} placeholder="说明自查的方式和结论" {...register(`answers.${v.key}.explanation`)} />
              <label htmlFor={id(`answers-${v.key}-evidence`)} className="block text-xs text-slate-600">
                佐证材料
              </label>
              <input
                id={id(`answers-${v.key}-evidence`)}
                className={inputClass}
                readOnly={readOnly}
                placeholder="佐证材料名称，如：2024 年招生工作方案、教师编制核定文件"
                {...register(`answers.${v.key}.evidence`)}
              />
              {e?.explanation?.message || e?.evidence?.message ? <p className="text-xs text-red-700">{e?.explanation?.message ?? e?.evidence?.message}</p> : null}
            </li>
          );
        })}
      </ol>
    </SectionFrame>
  );
}
