"use client";
import { useState } from "react";
import { validateInputValue } from "@/lib/indicators/input-value";
import { statusLabel } from "@/lib/indicators/format";
import { styleOf } from "@/lib/indicators/display";
import { targetLabel } from "@/lib/indicators/targets";
import type { ComputedFigures } from "@/lib/indicators/types";
import type { TIndicator, TInput } from "@/lib/template/schema";
import { inputClass } from "@/components/ui/field";

type Value = number | boolean | null | undefined | string;

/** One typed figure. The text box keeps what the clerk typed. A value it cannot read ("18a4") goes to the form as
 *  its text: no schema accepts that, so the section is held back from saving, and the figure counts as missing
 *  everywhere it is used — it never passes for the last number that was valid (18). */
export function FigureInput({
  id,
  input,
  value,
  readOnly,
  serverError,
  onValue,
}: {
  id: string;
  input: TInput;
  value: Value;
  readOnly: boolean;
  serverError?: string;
  onValue: (value: number | boolean | null | string) => void;
}) {
  const [text, setText] = useState(value === null || value === undefined || typeof value === "boolean" ? "" : String(value));
  // A value held as text (restored from a draft) shows its error at once.
  const [error, setError] = useState<string | null>(() => {
    if (typeof value !== "string") return null;
    const result = validateInputValue(input, value);
    return result.ok ? null : result.message;
  });
  // The form's value changed from elsewhere (a restored draft, the other version after a conflict or a merge): the
  // box shows it, unless it is what the box's own text already means (the clerk typing).
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    const own = validateInputValue(input, text);
    const meansValue = typeof value === "string" ? value === text : own.ok && own.value === (value ?? null);
    if (!meansValue) {
      setText(value === null || value === undefined || typeof value === "boolean" ? "" : String(value));
      const result = typeof value === "string" ? validateInputValue(input, value) : null;
      setError(result && !result.ok ? result.message : null);
    }
  }
  const shown = error ?? serverError;
  if (input.kind === "boolean") {
    return (
      <fieldset className="space-y-1" id={id}>
        <legend className="text-sm text-slate-700">{input.label}</legend>
        <div className="flex gap-4 text-sm">
          {[
            { v: true, label: "是" },
            { v: false, label: "否" },
          ].map((o) => (
            <label key={o.label} className="inline-flex items-center gap-1.5">
              <input type="radio" name={id} disabled={readOnly} checked={value === o.v} onChange={() => onValue(o.v)} />
              {o.label}
            </label>
          ))}
          {value !== null && value !== undefined && !readOnly ? (
            <button type="button" className="text-xs text-slate-500 hover:underline" onClick={() => onValue(null)}>
              清除
            </button>
          ) : null}
        </div>
      </fieldset>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm text-slate-700">
        {input.label}
        {input.unit ? <span className="text-slate-400">（{input.unit}）</span> : null}
      </label>
      <input
        id={id}
        inputMode={input.kind === "integer" ? "numeric" : "decimal"}
        autoComplete="off"
        readOnly={readOnly}
        value={text}
        aria-invalid={!!shown}
        aria-describedby={shown ? `${id}-error` : input.hint ? `${id}-hint` : undefined}
        className={`${inputClass} max-w-48 text-right tabular-nums`}
        onChange={(e) => {
          const raw = e.target.value.slice(0, 40);
          setText(raw);
          const result = validateInputValue(input, raw);
          if (result.ok) {
            setError(null);
            onValue(result.value);
          } else {
            setError(result.message);
            onValue(raw);
          }
        }}
      />
      {shown ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {shown}
        </p>
      ) : input.hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {input.hint}
        </p>
      ) : null}
    </div>
  );
}

const STATUS_TONE = {
  met: "bg-emerald-50 text-emerald-700 border-emerald-200",
  unmet: "bg-red-50 text-red-700 border-red-200",
  missing: "bg-slate-50 text-slate-500 border-slate-200",
  "no-target": "bg-slate-50 text-slate-600 border-slate-200",
} as const;

/** A computed indicator: value, target and 达标/未达标, recomputed as the clerk types; `stated` when the county
 *  entered the result as another office stated it, shown with its source. */
export function IndicatorRow({ indicator, computed, stated, children }: { indicator: TIndicator; computed: ComputedFigures; stated?: { source: string } | null; children?: React.ReactNode }) {
  const r = computed.indicators[indicator.key];
  if (!r) return null;
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-2 border-t border-slate-100 py-2 first:border-t-0" data-testid={`indicator-${indicator.key}`}>
      <span className="text-sm text-slate-700">
        {indicator.label}
        {indicator.stated ? (
          <span className={`ml-2 rounded px-1 text-xs ${stated ? "bg-sky-50 text-sky-800" : "bg-slate-100 text-slate-500"}`} data-testid="mode">
            {stated ? `直接填写${stated.source ? ` · 来源：${stated.source}` : ""}` : "按分项计算"}
          </span>
        ) : null}
      </span>
      <span className="flex items-baseline gap-3">
        <span className="text-base font-semibold tabular-nums text-slate-900" data-testid="value">
          {r.display}
        </span>
        {indicator.target ? <span className="text-xs text-slate-500">目标 {indicator.target.label ?? targetLabel(indicator.target, styleOf(indicator))}</span> : null}
        {r.status !== "no-target" ? (
          <span className={`rounded border px-1.5 py-0.5 text-xs ${STATUS_TONE[r.status]}`} data-testid="status" title={r.reason}>
            {statusLabel(r.status)}
          </span>
        ) : null}
      </span>
      {r.reason && r.status !== "met" ? <span className="w-full text-xs text-slate-500">{r.reason}</span> : null}
      {children}
    </li>
  );
}
