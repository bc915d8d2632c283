"use client";
import { useWatch } from "react-hook-form";
import { FigureInput, IndicatorRow } from "@/components/report/figure-fields";
import { NarrativeField, type FigureOption } from "@/components/report/narrative-field";
import { useSectionForm, type SectionFormProps } from "@/components/report/use-section-form";
import { SectionFrame } from "@/components/report/section-frame";
import { EvidencePanel, type EvidenceItem } from "@/components/report/evidence-panel";
import { MatrixFields, matrixIndicatorKeys, matrixInputKeys } from "@/components/report/matrix-fields";
import { ScoreField } from "@/components/report/score-field";
import type { ScoreSheet } from "@/lib/report/scores";
import type { ComputedFigures } from "@/lib/indicators/types";
import { fieldId } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";
import type { TNarrativeContent } from "@/lib/report/content";
import type { TScheme } from "@/lib/template/schema";
import { subpointLabel } from "@/lib/template/numbering";

export function NarrativeForm(
  props: SectionFormProps & {
    def: SectionDef;
    scheme: TScheme;
    computed: ComputedFigures;
    figures: FigureOption[];
    render: (text: string) => string;
    evidence: EvidenceItem[] | null;
    /** The report's score sheet (scored schemes): the score field shows the live subtotal, total and grade. */
    scores?: ScoreSheet | null;
  },
) {
  const { form, autosave } = useSectionForm<TNarrativeContent>(props);
  const { register, control, setValue, formState } = form;
  const values = useWatch({ control, name: "values" }) ?? {};
  const narrative = useWatch({ control, name: "narrative" }) ?? "";
  const subpoints = useWatch({ control, name: "subpoints" }) ?? {};
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

  return (
    <SectionFrame def={def} autosave={autosave}>
      <div className="space-y-6">
        <NarrativeField
          id={id("narrative")}
          label={subs.length ? "概述（可选）" : "正文"}
          hint={subs.length ? "写在各小项之前的总体情况，可留空。" : undefined}
          error={errors.narrative?.message}
          value={narrative}
          registration={register("narrative")}
          readOnly={readOnly}
          figures={props.figures}
          render={props.render}
          onInsert={(next) => setValue("narrative", next, { shouldDirty: true, shouldValidate: true })}
        />
        {subs.map((sp, i) => (
          <NarrativeField
            key={sp.code}
            id={id(`sub-${sp.code}`)}
            label={`${subpointLabel(props.scheme, i)}${sp.title}`}
            hint={sp.guidance}
            error={errors.subpoints?.[sp.code]?.message}
            value={subpoints[sp.code] ?? ""}
            registration={register(`subpoints.${sp.code}`)}
            readOnly={readOnly}
            figures={props.figures}
            render={props.render}
            onInsert={(next) => setValue(`subpoints.${sp.code}`, next, { shouldDirty: true, shouldValidate: true })}
          />
        ))}

        {def.inputs.length || listed.length ? (
          <section aria-labelledby={id("figures-title")} className="rounded-lg border border-slate-200 bg-slate-50/60 p-4">
            <h3 id={id("figures-title")} className="mb-3 text-sm font-semibold text-slate-800">
              数据
            </h3>
            <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
              {def.inputs.filter((i) => !inMatrix.has(i.key)).map((input) => (
                <FigureInput
                  key={input.key}
                  id={id(`value-${input.key}`)}
                  input={input}
                  value={values[input.key]}
                  readOnly={readOnly}
                  serverError={errors.values?.[input.key]?.message}
                  onValue={(v) => setValue(`values.${input.key}`, v, { shouldDirty: true })}
                />
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
                    <IndicatorRow key={ind.key} indicator={ind} computed={props.computed} />
                  ))}
                </ul>
              </div>
            ) : null}
            {def.checks.map((check) => {
              const r = props.computed.checks[check.key];
              return r && r.ok === false ? (
                <p key={check.key} id={id(`check-${check.key}`)} role="alert" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
                  核对：{r.message}
                </p>
              ) : null;
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
