"use client";
import { Field, inputClass } from "@/components/ui/field";
import { RichField } from "@/components/report/rich-field";
import { SectionFrame } from "@/components/report/section-frame";
import { useSectionForm, type SectionFormProps } from "@/components/report/use-section-form";
import { fieldId } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";
import type { TMetaContent } from "@/lib/report/content";

export function MetaForm(props: SectionFormProps & { def: SectionDef }) {
  const { form, autosave, live } = useSectionForm<TMetaContent>(props);
  const { register, control, formState } = form;
  const id = (f: string) => fieldId(props.def.key, f);
  const e = formState.errors;
  return (
    <SectionFrame
      def={{ ...props.def, guidance: "标题按“发文机关 + 关于 + 事由 + 的自评报告”拟写；引言写明依据的通知及文号，以“现将有关情况报告如下：”结尾。" }}
      autosave={autosave}
      live={live}
      readOnly={props.readOnly}
    >
      <div className="space-y-4">
        <Field id={id("title")} label="报告标题" error={e.title?.message}>
          <input id={id("title")} className={inputClass} readOnly={props.readOnly} aria-invalid={!!e.title} {...register("title")} />
        </Field>
        <Field id={id("recipient")} label="主送机关（可选）" error={e.recipient?.message}>
          <input
            id={id("recipient")}
            className={inputClass}
            placeholder="如：运城市人民政府教育督导室"
            readOnly={props.readOnly}
            aria-invalid={!!e.recipient}
            {...register("recipient")}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={id("issuer")} label="发文机关（署名）" error={e.issuer?.message}>
            <input id={id("issuer")} className={inputClass} readOnly={props.readOnly} aria-invalid={!!e.issuer} {...register("issuer")} />
          </Field>
          <Field id={id("date")} label="成文日期" error={e.date?.message}>
            <input id={id("date")} type="date" className={inputClass} readOnly={props.readOnly} aria-invalid={!!e.date} {...register("date")} />
          </Field>
        </div>
        <RichField id={id("preamble")} label="引言" control={control} name="preamble" readOnly={props.readOnly} />
      </div>
    </SectionFrame>
  );
}
