"use client";
import { useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { GrowingTextarea } from "@/components/report/growing-textarea";
import { NARRATIVE_MAX } from "@/lib/report/content";

export type FigureOption = { key: string; label: string };

/** A narrative field with a counter, a "插入数据" menu that inserts a figure reference at the cursor, and a preview
 *  of the text as the report will print it (references replaced by their current values). */
export function NarrativeField({
  id,
  label,
  hint,
  error,
  value,
  registration,
  readOnly,
  figures,
  render,
  onInsert,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  registration: UseFormRegisterReturn;
  readOnly: boolean;
  figures: FigureOption[];
  render: (text: string) => string;
  onInsert: (next: string) => void;
}) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const [picking, setPicking] = useState(false);
  const hasRefs = value.includes("{{figure:");
  function insert(key: string) {
    const el = ref.current;
    const token = `{{figure:${key}}}`;
    const at = el ? el.selectionStart : value.length;
    const end = el ? el.selectionEnd : value.length;
    onInsert(value.slice(0, at) + token + value.slice(end));
    setPicking(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  }
  return (
    <div className="space-y-1.5">
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className="block text-[15px] font-medium text-slate-800">
          {label}
        </label>
        {!readOnly && figures.length ? (
          <div className="relative">
            <button type="button" className="text-xs text-brand-600 hover:underline" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
              插入数据
            </button>
            {picking ? (
              <ul role="listbox" aria-label="选择要插入的数据" className="absolute right-0 z-10 mt-1 max-h-72 w-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
                {figures.map((f) => (
                  <li key={f.key}>
                    <button type="button" role="option" aria-selected={false} className="block w-full px-3 py-1.5 text-left text-sm hover:bg-brand-50 focus:bg-brand-50" onClick={() => insert(f.key)}>
                      {f.label}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {hint ? <p className="text-xs leading-5 text-slate-500">{hint}</p> : null}
      <GrowingTextarea
        id={id}
        readOnly={readOnly}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
        ref={(el) => {
          registration.ref(el);
          ref.current = el;
        }}
      />
      <div className="flex justify-between gap-2 text-xs">
        {error ? (
          <span id={`${id}-error`} role="alert" className="text-red-700">
            {error}
          </span>
        ) : (
          <span />
        )}
        <span className={value.length > NARRATIVE_MAX ? "text-red-700" : "text-slate-400"}>
          {value.length.toLocaleString("zh-CN")} 字
        </span>
      </div>
      {hasRefs ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm leading-7 text-slate-700" data-testid={`${id}-preview`}>
          <span className="mr-1 text-xs text-slate-400">预览</span>
          {render(value)}
        </p>
      ) : null}
    </div>
  );
}
