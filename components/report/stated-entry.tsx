"use client";
// Figures as people have them: an indicator the scheme lets be stated may be entered as its parts (this year and
// last year) or directly as the result another office stated, with its source (lib/report/stated.ts).
import { useId, useState } from "react";
import { validateInputValue } from "@/lib/indicators/input-value";
import type { TStatedValue } from "@/lib/report/content-extras";
import type { TIndicator } from "@/lib/template/schema";
import { inputClass } from "@/components/ui/field";

/** A stated value the form could not read is held as its text (like a typed figure): it never saves. */
type Stated = TStatedValue | { value: string; source: string };

export function StatedEntry({ indicator, stated, readOnly, idOf, onStated }: { indicator: TIndicator; stated: Stated | undefined; readOnly: boolean; idOf: (f: string) => string; onStated: (s: Stated | null) => void }) {
  const [text, setText] = useState(stated ? String(stated.value) : "");
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const mode = stated ? "stated" : "parts";
  return (
    <div className="mt-2 space-y-2 rounded-md border border-slate-200 bg-white px-3 py-2">
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" disabled={readOnly}>
        <legend className="sr-only">“{indicator.label}”的录入方式</legend>
        <span className="text-xs text-slate-500">录入方式</span>
        {(
          [
            ["parts", "按本年、上年数据计算"],
            ["stated", "直接填写结果"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name={name}
              checked={mode === value}
              onChange={() => {
                if (value === "parts") onStated(null);
                else onStated({ value: text === "" ? "" : Number(text), source: "" } as Stated);
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {stated ? (
        <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <div className="space-y-1">
            <label htmlFor={idOf(`stated-${indicator.key}`)} className="block text-xs text-slate-600">
              {indicator.label}（{indicator.unit || "数值"}）
            </label>
            <input
              id={idOf(`stated-${indicator.key}`)}
              inputMode="decimal"
              autoComplete="off"
              readOnly={readOnly}
              value={text}
              aria-invalid={!!error}
              className={`${inputClass} text-right tabular-nums`}
              onChange={(e) => {
                const raw = e.target.value.slice(0, 40);
                setText(raw);
                // The same reading of numbers as typed figures; a rate may be negative (a fall is still a value).
                const result = validateInputValue({ key: indicator.key, label: indicator.label, unit: indicator.unit, kind: "decimal", min: -1e9, required: false, aliases: [] }, raw);
                if (result.ok && typeof result.value === "number") {
                  setError(null);
                  onStated({ value: result.value, source: stated.source });
                } else {
                  setError(result.ok ? "请填写数值" : result.message);
                  onStated({ value: raw, source: stated.source });
                }
              }}
            />
            {error ? (
              <p role="alert" className="text-xs text-red-700">
                {error}
              </p>
            ) : indicator.stated?.hint ? (
              <p className="text-xs text-slate-500">{indicator.stated.hint}</p>
            ) : null}
          </div>
          <div className="space-y-1">
            <label htmlFor={idOf(`stated-${indicator.key}-source`)} className="block text-xs text-slate-600">
              来源
            </label>
            <input
              id={idOf(`stated-${indicator.key}-source`)}
              readOnly={readOnly}
              placeholder="如：县财政局"
              value={stated.source}
              className={inputClass}
              onChange={(e) => onStated({ ...stated, source: e.target.value.slice(0, 100) } as Stated)}
            />
            <p className="text-xs text-slate-500">直接填写时，本年、上年的分项数据可不填；Word 报告注明来源。</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
