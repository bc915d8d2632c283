"use client";
// The section's 文字与数据核对 warnings (lib/report/prose-conflicts.ts), where the text is: each can be dismissed with
// one click and an optional reason, remembered in the section (so the outline stops counting it) and shown to the
// reviewer as dismissed, with the reason.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Finding } from "@/lib/report/precheck";
import type { TDismissed } from "@/lib/report/content-extras";

export function ProseWarnings({ findings, dismissed, readOnly, onDismissed }: { findings: Finding[]; dismissed: TDismissed; readOnly: boolean; onDismissed: (next: TDismissed) => void }) {
  const [reasonFor, setReasonFor] = useState<string | null>(null);
  const open = findings.filter((f) => f.severity === "warning" && f.dismiss);
  const done = findings.filter((f) => f.severity === "dismissed" && f.dismiss);
  if (!open.length && !done.length) return null;
  const set = (id: string, reason: string | null) => {
    const next = { ...dismissed };
    if (reason === null) delete next[id];
    else next[id] = { reason: reason.slice(0, 200) };
    onDismissed(next);
  };
  return (
    <section aria-label="文字与数据核对" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50/50 p-3 text-sm">
      <h3 className="text-sm font-semibold text-amber-900">文字与数据核对{open.length ? `（${open.length} 处请核对）` : ""}</h3>
      <ul className="space-y-2">
        {open.map((f) => (
          <li key={f.dismiss!.id} className="flex flex-wrap items-start justify-between gap-2">
            <span className="min-w-0 flex-1 text-amber-900">{f.message}</span>
            {!readOnly ? (
              <Button
                type="button"
                variant="ghost"
                className="px-2 py-1 text-xs"
                onClick={() => {
                  set(f.dismiss!.id, "");
                  setReasonFor(f.dismiss!.id);
                }}
              >
                忽略此提示
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {done.length ? (
        <details open={!!reasonFor || readOnly}>
          <summary className="cursor-pointer select-none text-xs text-slate-600">已忽略 {done.length} 处提示</summary>
          <ul className="mt-1 space-y-1.5">
            {done.map((f) => {
              const id = f.dismiss!.id;
              return (
                <li key={id} className="space-y-1 text-xs text-slate-600">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <span className="min-w-0 flex-1 line-through decoration-slate-400">{f.message}</span>
                    {!readOnly ? (
                      <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => set(id, null)}>
                        恢复提示
                      </Button>
                    ) : null}
                  </div>
                  {reasonFor === id && !readOnly ? (
                    <input
                      autoFocus
                      aria-label="忽略理由（可选）"
                      placeholder="忽略理由（可选），如：此处“4所”为撤并数，不是现有数"
                      defaultValue={f.dismiss!.reason ?? ""}
                      maxLength={200}
                      onBlur={(e) => {
                        set(id, e.target.value.trim());
                        setReasonFor(null);
                      }}
                      onKeyDown={(e) => {
                        if (e.key === "Enter") e.currentTarget.blur();
                      }}
                      className="block w-full rounded border border-slate-300 bg-white px-2 py-1 text-xs"
                    />
                  ) : (
                    <span className="block text-slate-500">
                      {f.dismiss!.reason ? `理由：${f.dismiss!.reason}` : "未写理由"}
                      {!readOnly ? (
                        <button type="button" className="ml-2 text-brand-600 hover:underline" onClick={() => setReasonFor(id)}>
                          {f.dismiss!.reason ? "修改理由" : "写理由"}
                        </button>
                      ) : null}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
