"use client";
import type { SaveState } from "@/components/report/autosave-machine";
import { formatDateTime } from "@/lib/dates";

const LABELS: Record<SaveState, { text: string; className: string }> = {
  saved: { text: "已保存", className: "text-emerald-700" },
  dirty: { text: "有未保存的修改", className: "text-slate-500" },
  saving: { text: "保存中…", className: "text-slate-500" },
  offline: { text: "离线", className: "text-amber-700" },
  conflict: { text: "有冲突，未保存", className: "text-red-700" },
  error: { text: "未保存", className: "text-red-700" },
};

export function SaveStatus({ state, message, savedAt }: { state: SaveState; message: string | null; savedAt: string | null }) {
  const label = LABELS[state];
  const time = state === "saved" && savedAt ? formatDateTime(savedAt, "time") : null;
  return (
    <div role="status" aria-live="polite" data-testid="save-status" data-state={state} className="text-right text-sm">
      <span className={label.className}>
        {label.text}
        {time ? ` ${time}` : ""}
      </span>
      {message ? <p className="mt-0.5 max-w-sm text-xs text-slate-500">{message}</p> : null}
    </div>
  );
}
