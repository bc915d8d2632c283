"use client";
// The item as the county will see it, with sample values computing through the same engine as the report editor
// (lib/indicators, components/report/figure-fields), and the Word outline (headings and annex tables).
import { useState } from "react";
import { FigureInput, IndicatorRow } from "@/components/report/figure-fields";
import { computeIndicators } from "@/lib/indicators/compute";
import type { FigureValue } from "@/lib/indicators/types";
import { sectionsOf } from "@/lib/report/sections";
import type { TScheme } from "@/lib/template/schema";

export function ItemPreview({ scheme, code }: { scheme: TScheme; code: string }) {
  const [values, setValues] = useState<Record<string, FigureValue>>({});
  const section = sectionsOf(scheme).find((s) => s.criterion?.code === code);
  if (!section) return null;
  const computed = computeIndicators(scheme, values);
  return (
    <div className="space-y-3" aria-label="县级填报预览">
      <h3 className="text-sm font-semibold text-slate-900">{section.heading}</h3>
      {section.guidance ? <p className="text-xs text-slate-500">{section.guidance}</p> : null}
      <div className="grid grid-cols-2 gap-3">
        {section.inputs.map((input) => (
          <label key={input.key} className="block text-sm text-slate-700">
            {input.kind === "boolean" ? null : `${input.label}${input.unit ? `（${input.unit}）` : ""}`}
            <FigureInput id={`preview-${input.key}`} input={input} value={values[input.key]} readOnly={false} onValue={(v) => setValues((old) => ({ ...old, [input.key]: typeof v === "string" ? null : v }))} />
          </label>
        ))}
      </div>
      <ul>{[...section.indicators, ...(section.shows ?? [])].map((ind) => <IndicatorRow key={ind.key} indicator={ind} computed={computed} />)}</ul>
    </div>
  );
}

/** The outline rows: each part heading once, each group heading once, then the sections (tables as 附表). */
function outlineRows(scheme: TScheme): { key: string; level: 0 | 1 | 2; text: string }[] {
  const rows: { key: string; level: 0 | 1 | 2; text: string }[] = [];
  let part = "";
  let group = "";
  for (const s of sectionsOf(scheme)) {
    if (s.partKind === "meta") continue;
    if (s.partHeading !== part) rows.push({ key: `p-${s.key}`, level: 0, text: (part = s.partHeading) });
    if (s.groupHeading && s.groupHeading !== group) rows.push({ key: `g-${s.key}`, level: 1, text: (group = s.groupHeading) });
    if (s.heading !== s.partHeading) rows.push({ key: s.key, level: 2, text: s.table ? `附表：${s.table.title}` : s.heading });
  }
  return rows;
}

const LEVEL_CLASS = ["pt-1 font-semibold text-slate-900", "pl-3 font-medium text-slate-800", "pl-6 text-slate-700"] as const;

export function WordOutline({ scheme }: { scheme: TScheme }) {
  return (
    <ol className="max-h-96 space-y-0.5 overflow-y-auto text-sm" aria-label="Word 提纲">
      {outlineRows(scheme).map((r) => (
        <li key={r.key} className={LEVEL_CLASS[r.level]}>
          {r.text}
        </li>
      ))}
    </ol>
  );
}
