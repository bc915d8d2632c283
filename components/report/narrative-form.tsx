"use client";
import { useWatch } from "react-hook-form";
import { FigureInput, IndicatorRow } from "@/components/report/figure-fields";
import { FigureNote } from "@/components/report/figure-note";
import { StatedEntry } from "@/components/report/stated-entry";
import { ExplanationBox, type ReviewContext } from "@/components/report/explanation-box";
import { ProseWarnings } from "@/components/report/prose-warnings";
import { RichField } from "@/components/report/rich-field";
import { useSectionForm, type SectionFormProps } from "@/components/report/use-section-form";
import { SectionFrame } from "@/components/report/section-frame";
import { EvidencePanel, type EvidenceItem } from "@/components/report/evidence-panel";
import { MatrixFields, matrixIndicatorKeys, matrixInputKeys } from "@/components/report/matrix-fields";
import { ScoreField } from "@/components/report/score-field";
import type { ScoreSheet } from "@/lib/report/scores";
import type { ComputedFigures } from "@/lib/indicators/types";
import { fieldId, type Finding } from "@/lib/report/precheck";
import { checkTarget } from "@/lib/report/explanations";
import { inputsFreedByStated } from "@/lib/report/stated";
import type { SectionDef } from "@/lib/report/sections";
import type { TNarrativeContent } from "@/lib/report/content";
import type { TFigureNote } from "@/lib/report/content-extras";
import type { TScheme } from "@/lib/template/schema";
import { subpointLabel } from "@/lib/template/numbering";

export function NarrativeForm(
  props: SectionFormProps & {
    def: SectionDef;
    scheme: TScheme;
    computed: ComputedFigures;
    /** This section's findings (checks, prose warnings) as the precheck sees them. */
    findings: Finding[];
    review: ReviewContext;
    evidence: EvidenceItem[] | null;
    /** The report's score sheet (scored schemes): the score field shows the live subtotal, total and grade. */
    scores?: ScoreSheet | null;
  },
) {
  const { form, autosave, live } = useSectionForm<TNarrativeContent>(props);
  const { register, control, setValue, formState } = form;
  const values = useWatch({ control, name: "values" }) ?? {};
  const stated = useWatch({ control, name: "stated" }) ?? {};
  const notes = useWatch({ control, name: "notes" }) ?? {};
  const explanations = useWatch({ control, name: "explanations" }) ?? {};
  const dismissed = useWatch({ control, name: "dismissed" }) ?? {};
  const { def, readOnly } = props;
  const id = (f: string) => fieldId(def.key, f);
  const subs = def.criterion?.subpoints ?? [];
  const errors = formState.errors;
  // Scored schemes total the items themselves; a typed score in the 自评得分 part is for schemes without scoring.
  const showScore = (def.partKind === "selfScore" && !props.scores) || def.criterion?.maxScore !== undefined;
  const inMatrix = matrixInputKeys(def.matrices);
  // Matrix indicators show in their grid; indicators computed elsewhere (shows) are listed with the section's own.
  const inMatrixResults = matrixIndicatorKeys(def.matrices);
  const listed = [...def.indicators.filter((d) => !inMatrixResults.has(d.key)), ...(def.shows ?? [])];
  // Stated results and notes belong to the section that computes the indicator, not to one that only shows it.
  const own = new Set(def.indicators.map((i) => i.key));
  const freed = inputsFreedByStated(props.scheme, stated);
  const dirty = { shouldDirty: true } as const;
  const setNote = (key: string, note: TFigureNote | null) => {
    const next = { ...notes };
    if (note) next[key] = note;
    else delete next[key];
    setValue("notes", next, dirty);
  };
  const setExplanation = (target: string, text: string) => {
    const next = { ...explanations };
    if (text.trim()) next[target] = { text: text.slice(0, 1000) };
    else delete next[target];
    setValue("explanations", next, dirty);
  };
  const checkFinding = (key: string) => props.findings.find((f) => f.explain?.target === checkTarget(key));

  return (
    <SectionFrame def={def} autosave={autosave} live={live} readOnly={readOnly}>
      <div className="space-y-6">
        <ProseWarnings findings={props.findings} dismissed={dismissed} readOnly={readOnly} onDismissed={(next) => setValue("dismissed", next, dirty)} />
        <RichField
          id={id("narrative")}
          label={subs.length ? "概述（可选）" : "正文"}
          hint={subs.length ? "写在各小项之前的总体情况，可留空。" : undefined}
          control={control}
          name="narrative"
          readOnly={readOnly}
        />
        {subs.map((sp, i) => (
          <RichField
            key={sp.code}
            id={id(`sub-${sp.code}`)}
            label={`${subpointLabel(props.scheme, i)}${sp.title}`}
            hint={sp.guidance}
            control={control}
            name={`subpoints.${sp.code}`}
            readOnly={readOnly}
          />
        ))}

        {def.inputs.length || listed.length ? (
          <section aria-labelledby={id("figures-title")} className="rounded-lg border border-slate-200 bg-slate-50/60 p-4">
            <h3 id={id("figures-title")} className="mb-3 text-sm font-semibold text-slate-800">
              数据
            </h3>
            <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
              {def.inputs.filter((i) => !inMatrix.has(i.key)).map((input) => (
                <div key={input.key} className={`space-y-1 ${freed.has(input.key) ? "opacity-60" : ""}`}>
                  <FigureInput
                    id={id(`value-${input.key}`)}
                    input={freed.has(input.key) ? { ...input, hint: "已直接填写结果，此项可不填" } : input}
                    value={values[input.key]}
                    readOnly={readOnly}
                    serverError={errors.values?.[input.key]?.message}
                    onValue={(v) => setValue(`values.${input.key}`, v as never, dirty)}
                  />
                  <FigureNote label={input.label} note={notes[input.key]} readOnly={readOnly} onNote={(n) => setNote(input.key, n)} />
                </div>
              ))}
            </div>
            {def.matrices?.length ? (
              <div className="mt-4 space-y-3">
                <MatrixFields sectionKey={def.key} matrices={def.matrices} values={values} computed={props.computed} readOnly={readOnly} onValue={(key, v) => setValue(`values.${key}`, v, { shouldDirty: true })} />
              </div>
            ) : null}
            {listed.length ? (
              <div className="mt-4">
                <h4 className="mb-1 text-sm font-semibold text-slate-800">计算结果</h4>
                <ul aria-label="计算结果">
                  {listed.map((ind) => (
                    <IndicatorRow key={ind.key} indicator={ind} computed={props.computed} stated={stated[ind.key] ?? null}>
                      {ind.stated && own.has(ind.key) ? (
                        <div className="w-full">
                          <StatedEntry
                            indicator={ind}
                            stated={stated[ind.key]}
                            readOnly={readOnly}
                            idOf={id}
                            onStated={(s) => {
                              const next = { ...stated };
                              if (s) next[ind.key] = s as never;
                              else delete next[ind.key];
                              setValue("stated", next, dirty);
                            }}
                          />
                        </div>
                      ) : null}
                      {own.has(ind.key) ? (
                        <div className="w-full">
                          <FigureNote label={ind.label} note={notes[ind.key]} readOnly={readOnly} onNote={(n) => setNote(ind.key, n)} />
                        </div>
                      ) : null}
                    </IndicatorRow>
                  ))}
                </ul>
              </div>
            ) : null}
            {def.checks.map((check) => {
              const r = props.computed.checks[check.key];
              const target = checkTarget(check.key);
              if (r?.ok !== false) {
                return explanations[target] && !readOnly ? (
                  <p key={check.key} className="mt-3 flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-600">
                    “{check.label}”已核对一致，此前的情况说明不再需要。
                    <button type="button" className="text-brand-600 hover:underline" onClick={() => setExplanation(target, "")}>
                      删除说明
                    </button>
                  </p>
                ) : null;
              }
              return (
                <div key={check.key} className="mt-3">
                  <ExplanationBox
                    id={id(`check-${check.key}`)}
                    problem={r.message}
                    explain={checkFinding(check.key)?.explain}
                    text={explanations[target]?.text ?? ""}
                    readOnly={readOnly}
                    review={props.review}
                    onText={(text) => setExplanation(target, text)}
                  />
                </div>
              );
            })}
          </section>
        ) : null}

        {def.score ? (
          <ScoreField form={form} def={def} readOnly={readOnly} sheet={props.scores} />
        ) : showScore ? (
          <div className="max-w-xs space-y-1">
            <label htmlFor={id("score")} className="block text-sm text-slate-700">
              自评得分{def.criterion?.maxScore !== undefined ? `（满分 ${def.criterion.maxScore}）` : ""}
            </label>
            <input
              id={id("score")}
              type="number"
              step="0.5"
              readOnly={readOnly}
              className="block w-32 rounded-md border border-slate-300 px-3 py-2 text-right text-sm"
              {...register("score", { setValueAs: (v) => (v === "" || v === null ? null : Number(v)) })}
            />
            {errors.score ? <p className="text-xs text-red-700">{errors.score.message}</p> : null}
          </div>
        ) : null}

        {def.criterion && props.evidence ? (
          <EvidencePanel reportId={props.reportId} criterionCode={def.criterion.code} items={props.evidence} readOnly={readOnly} />
        ) : null}
      </div>
    </SectionFrame>
  );
}
