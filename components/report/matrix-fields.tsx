"use client";
// Figures by level (小学 / 初中 / 高中 / 中职 …) as one grid: a row per input or indicator, a column per level. The
// inputs are the expanded keys of lib/template/matrix.ts, stored like any other figure; indicator cells show the
// value and 达标 / 未达标 against the level's target, recomputed as the clerk types.
import { useState } from "react";
import { validateInputValue } from "@/lib/indicators/input-value";
import { statusLabel } from "@/lib/indicators/format";
import { styleOf } from "@/lib/indicators/display";
import { targetLabel } from "@/lib/indicators/targets";
import type { ComputedFigures } from "@/lib/indicators/types";
import { matrixKey } from "@/lib/template/matrix";
import type { TFigureMatrix, TInput } from "@/lib/template/schema";
import { fieldId } from "@/lib/report/precheck";
import { inputClass } from "@/components/ui/field";

type Value = number | boolean | null | undefined;

/** Keys of the inputs a section's matrices provide (the flat input list leaves them out). */
export const matrixInputKeys = (matrices: readonly TFigureMatrix[] | undefined): Set<string> =>
  new Set((matrices ?? []).flatMap((m) => m.levels.flatMap((l) => m.inputs.map((i) => matrixKey(i.key, l.key)))));

/** Keys of the indicators a section's matrices provide (shown in the grid, not in the result list). */
export const matrixIndicatorKeys = (matrices: readonly TFigureMatrix[] | undefined): Set<string> =>
  new Set((matrices ?? []).flatMap((m) => m.levels.flatMap((l) => m.indicators.map((i) => matrixKey(i.key, l.key)))));

function Cell({ id, input, value, readOnly, label, onValue }: { id: string; input: TInput; value: Value; readOnly: boolean; label: string; onValue: (v: number | boolean | null) => void }) {
  const [text, setText] = useState(typeof value === "number" ? String(value) : "");
  const [error, setError] = useState<string | null>(null);
  return (
    <td className="px-1 py-1 align-top">
      <input
        id={id}
        aria-label={label}
        inputMode={input.kind === "integer" ? "numeric" : "decimal"}
        autoComplete="off"
        readOnly={readOnly}
        value={text}
        title={error ?? undefined}
        aria-invalid={!!error}
        className={`${inputClass} w-28 text-right tabular-nums`}
        onChange={(e) => {
          const raw = e.target.value.slice(0, 40);
          setText(raw);
          const r = validateInputValue(input, raw);
          setError(r.ok ? null : r.message);
          if (r.ok) onValue(r.value);
        }}
      />
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
    </td>
  );
}

export function MatrixFields({ sectionKey, matrices, values, computed, readOnly, onValue }: {
  sectionKey: string;
  matrices: readonly TFigureMatrix[];
  values: Record<string, Value>;
  computed: ComputedFigures;
  readOnly: boolean;
  onValue: (key: string, value: number | boolean | null) => void;
}) {
  return (
    <>
      {matrices.map((m) => (
        <div key={m.key} className="overflow-x-auto rounded-lg border border-slate-200 bg-slate-50/60 p-3">
          {m.title ? <h4 className="mb-2 text-sm font-semibold text-slate-800">{m.title}</h4> : null}
          <table className="border-collapse text-sm" aria-label={m.title ?? "按学段填报"}>
            <thead>
              <tr className="text-left text-xs text-slate-600">
                <th className="px-2 py-1 font-normal">项目</th>
                {m.levels.map((l) => (
                  <th key={l.key} className="px-2 py-1 font-normal">
                    {l.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.inputs.map((input) => (
                <tr key={input.key}>
                  <th scope="row" className="px-2 py-1 text-left font-normal text-slate-700">
                    {input.label}
                    {input.unit ? <span className="text-slate-400">（{input.unit}）</span> : null}
                  </th>
                  {m.levels.map((l) => {
                    const key = matrixKey(input.key, l.key);
                    return <Cell key={key} id={fieldId(sectionKey, `value-${key}`)} input={{ ...input, key }} value={values[key]} readOnly={readOnly} label={`${l.label}${input.label}`} onValue={(v) => onValue(key, v)} />;
                  })}
                </tr>
              ))}
              {m.indicators.map((ind) => (
                <tr key={ind.key} className="border-t border-slate-200">
                  <th scope="row" className="px-2 py-1.5 text-left font-normal text-slate-700">
                    {ind.label}
                  </th>
                  {m.levels.map((l) => {
                    const key = matrixKey(ind.key, l.key);
                    const r = computed.indicators[key];
                    const target = m.targets[ind.key]?.[l.key] ?? ind.target;
                    return (
                      <td key={key} className="px-2 py-1.5 tabular-nums" data-testid={`indicator-${key}`} title={r?.reason}>
                        <span className="font-semibold text-slate-900">{r?.display ?? "—"}</span>
                        {target ? <span className="ml-1 text-xs text-slate-500">{targetLabel(target, styleOf(ind))}</span> : null}
                        {r && r.status !== "no-target" ? (
                          <span className={`ml-1 text-xs ${r.status === "met" ? "text-emerald-700" : r.status === "unmet" ? "text-red-700" : "text-slate-500"}`}>{statusLabel(r.status)}</span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
