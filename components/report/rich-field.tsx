"use client";
// A labelled rich narrative field bound to a react-hook-form field: the editor while the report is editable, the
// text as read otherwise; a counter, the field's error, and the figures of the report for 插入数据.
import { createContext, useContext, useId } from "react";
import dynamic from "next/dynamic";
import { useController, type Control, type FieldValues, type Path } from "react-hook-form";
import { EDITOR_CLASS, RichTextView } from "@/components/report/rich-text-view";
import { useFigures } from "@/components/report/figure-context";
import type { FigureStore } from "@/components/report/figure-store";
import { NARRATIVE_MAX, richLength, type TRichText } from "@/lib/report/rich-text";

/** What the field shows while the editor's code is on its way. */
const Pending = createContext<{ value: TRichText; store: FigureStore; invalid: boolean } | null>(null);

/** The editor's frame with the text as it reads — not yet a textbox, so nothing typed goes astray — until the editor
 *  is loaded: the same as the editor shows before it mounts. */
function EditorLoading() {
  const pending = useContext(Pending);
  return (
    <div aria-busy="true" className={`relative rounded-md border bg-white shadow-sm ${pending?.invalid ? "border-red-500" : "border-slate-300"}`}>
      <div className="h-[34px] border-b border-slate-200 bg-slate-50/80" />
      {pending ? <RichTextView value={pending.value} store={pending.store} className={EDITOR_CLASS} /> : <div className={EDITOR_CLASS} />}
    </div>
  );
}

// Tiptap (ProseMirror) is most of the editor page's script: loaded after the page, not with it (issue 19: first-load
// JS), only where a field can be edited — read-only views never load it.
const RichTextEditor = dynamic(() => import("@/components/report/rich-text-editor").then((m) => m.RichTextEditor), { ssr: false, loading: EditorLoading });

export function RichField<T extends FieldValues>({
  id,
  label,
  hint,
  control,
  name,
  readOnly,
  placeholder,
  withFigures = true,
  compact = false,
}: {
  id: string;
  label: string;
  hint?: string;
  control: Control<T>;
  name: Path<T>;
  readOnly: boolean;
  placeholder?: string;
  /** Offer 插入数据 (narrative text); measures and commitments do without. */
  withFigures?: boolean;
  /** A small label (fields inside a card). */
  compact?: boolean;
}) {
  // A field never written (a sub-point of a new report) starts as an empty text, never undefined: the section's
  // schema accepts [] but not a missing value.
  const { field, fieldState } = useController({ control, name, defaultValue: [] as never });
  const { store, options } = useFigures();
  const labelId = useId();
  const value = (Array.isArray(field.value) ? field.value : []) as TRichText;
  const length = richLength(value);
  const error = fieldState.error?.message ?? (fieldState.error ? "内容有误" : undefined);
  return (
    <div data-testid={`field-${id}`} className="space-y-1.5">
      <span id={labelId} className={compact ? "block text-xs text-slate-500" : "block text-[15px] font-medium text-slate-800"}>
        {label}
      </span>
      {hint ? <p className="text-xs leading-5 text-slate-500">{hint}</p> : null}
      {readOnly ? (
        <RichTextView id={id} labelledBy={labelId} value={value} store={store} className="rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2 text-[15px] leading-7" />
      ) : (
        <Pending.Provider value={{ value, store, invalid: !!error }}>
        <RichTextEditor
          id={id}
          labelId={labelId}
          describedBy={error ? `${id}-error` : undefined}
          value={value}
          onChange={(doc) => field.onChange(doc)}
          figures={withFigures ? options : []}
          store={store}
          placeholder={placeholder}
          invalid={!!error}
        />
        </Pending.Provider>
      )}
      {!readOnly ? (
        <div className="flex justify-between gap-2 text-xs">
          {error ? (
            <span id={`${id}-error`} role="alert" className="text-red-700">
              {error}
            </span>
          ) : (
            <span />
          )}
          <span className={length > NARRATIVE_MAX ? "text-red-700" : "text-slate-400"}>{length.toLocaleString("zh-CN")} 字</span>
        </div>
      ) : null}
    </div>
  );
}
