"use client";
// 数据来源 / 统计口径 of one figure: folded away behind a small button until the county writes one; printed under
// the annex table (indicators) or after the section (typed figures) in the Word file.
import { useId, useState } from "react";
import type { TFigureNote } from "@/lib/report/content-extras";
import { inputClass } from "@/components/ui/field";

export function FigureNote({ label, note, readOnly, onNote }: { label: string; note: TFigureNote | undefined; readOnly: boolean; onNote: (note: TFigureNote | null) => void }) {
  const has = !!(note?.source || note?.basis);
  const [open, setOpen] = useState(false);
  const id = useId();
  if (readOnly) {
    return has ? (
      <p className="text-xs text-slate-500">
        {note!.source ? `来源：${note!.source}` : ""}
        {note!.source && note!.basis ? "；" : ""}
        {note!.basis ? `口径：${note!.basis}` : ""}
      </p>
    ) : null;
  }
  if (!open && !has) {
    return (
      <button type="button" className="text-xs text-brand-600 hover:underline" aria-label={`为“${label}”注明数据来源和统计口径`} onClick={() => setOpen(true)}>
        注明来源/口径
      </button>
    );
  }
  const set = (field: keyof TFigureNote, value: string) => {
    const next = { source: note?.source ?? "", basis: note?.basis ?? "", [field]: value.slice(0, 200) };
    onNote(next.source || next.basis ? next : null);
  };
  return (
    <div className="grid gap-1.5 sm:grid-cols-2">
      <label className="space-y-0.5 text-xs text-slate-500" htmlFor={`${id}-source`}>
        数据来源
        <input id={`${id}-source`} className={`${inputClass} py-1 text-xs`} placeholder="如：县统计局 2021 年统计年鉴" value={note?.source ?? ""} onChange={(e) => set("source", e.target.value)} aria-label={`“${label}”的数据来源`} />
      </label>
      <label className="space-y-0.5 text-xs text-slate-500" htmlFor={`${id}-basis`}>
        统计口径
        <input id={`${id}-basis`} className={`${inputClass} py-1 text-xs`} placeholder="如：截至10月底，含托班" value={note?.basis ?? ""} onChange={(e) => set("basis", e.target.value)} aria-label={`“${label}”的统计口径`} />
      </label>
    </div>
  );
}
