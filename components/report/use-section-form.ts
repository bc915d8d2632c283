"use client";
// One react-hook-form per section, wired to autosave: every change goes to the editor (outline, live figures)
// and to the autosave queue; content that fails the section's zod schema is held back with the field marked.
import { useCallback, useEffect, useRef } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { SECTION_CONTENT, type SectionContent, type SectionContentKind } from "@/lib/report/content";
import { useAutosave } from "@/components/report/use-autosave";
import type { FieldErrors } from "@/lib/errors";

export type SectionFormProps = {
  reportId: string;
  sectionKey: string;
  kind: SectionContentKind;
  version: number;
  content: SectionContent;
  readOnly: boolean;
  onChange: (key: string, content: SectionContent) => void;
  onSaved: (key: string, version: number, content: SectionContent, completeness: number) => void;
};

export function useSectionForm<T extends FieldValues & SectionContent>(props: SectionFormProps) {
  const schema = SECTION_CONTENT[props.kind];
  const form = useForm<T>({
    // The resolver's generic types cannot follow the union of section schemas; the schema is the one for this kind.
    resolver: zodResolver(schema as never) as never,
    defaultValues: props.content as never,
    mode: "onChange",
  });
  const replacing = useRef(false);

  const applyFieldErrors = useCallback(
    (errors: FieldErrors) => {
      for (const [field, messages] of Object.entries(errors)) form.setError(field as Path<T>, { message: messages[0] });
    },
    [form],
  );

  const autosave = useAutosave({
    reportId: props.reportId,
    sectionKey: props.sectionKey,
    version: props.version,
    serverContent: props.content,
    readOnly: props.readOnly,
    onReplace: (content) => {
      replacing.current = true;
      form.reset(content as never);
      replacing.current = false;
      props.onChange(props.sectionKey, content);
    },
    onSaved: (version, content, completeness) => props.onSaved(props.sectionKey, version, content, completeness),
    onFieldErrors: applyFieldErrors,
  });

  const { change, hold } = autosave;
  const onChange = props.onChange;
  const sectionKey = props.sectionKey;
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (replacing.current) return;
        const parsed = schema.safeParse(values);
        onChange(sectionKey, values as SectionContent);
        if (parsed.success) change(parsed.data as SectionContent);
        else hold(`有 ${parsed.error.issues.length} 处内容需要修改后才能保存：${parsed.error.issues[0].message}`);
      },
    });
  }, [form, schema, change, hold, onChange, sectionKey]);

  return { form, autosave };
}
