"use client";
import { useState, type MouseEvent } from "react";
import { useRouter } from "next/navigation";
import { markAllReadAction, openNotificationAction } from "@/app/(app)/notifications/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/form-errors";
import type { NotificationView } from "@/lib/review/audit";
import { formatDateTime } from "@/lib/dates";

// Fixed zone: the server renders this list too, and its clock must print what the browser prints.
const when = (iso: string) => formatDateTime(iso);

const TONES: Record<string, string> = {
  comment: "bg-violet-100 text-violet-800",
  submitted: "bg-brand-50 text-brand-700",
  returned: "bg-red-50 text-red-700",
  accepted: "bg-emerald-50 text-emerald-700",
  feedback: "bg-amber-50 text-amber-800",
};

/** One notification: clicking it marks it read and opens its report. The message is plain text. */
function Item({ n, onError }: { n: NotificationView; onError: (message: string) => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  // A feedback notice opens the 督导反馈意见书 page; others open the report (at their section).
  const at = (reportId: string, sectionKey: string | null) =>
    n.kind === "feedback" ? `/reports/${reportId}/feedback` : `/reports/${reportId}${sectionKey ? `?s=${encodeURIComponent(sectionKey)}` : ""}`;
  const href = n.reportId ? at(n.reportId, n.sectionKey) : null;
  async function open(event: MouseEvent) {
    // Let a new tab or window open the report as a plain link (it stays unread until clicked here).
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setBusy(true);
    const result = await callAction(() => openNotificationAction({ id: n.id }));
    setBusy(false);
    if (!result.ok) return onError(result.error);
    if (result.data.reportId) router.push(at(result.data.reportId, result.data.sectionKey));
    else router.refresh();
  }
  const body = (
    <>
      <span className="flex items-center gap-2 text-xs text-slate-500">
        <span className={`rounded px-1.5 py-0.5 ${TONES[n.kind] ?? "bg-slate-100 text-slate-700"}`}>{n.kindLabel}</span>
        <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
        {n.read ? null : <span className="font-medium text-brand-700">未读</span>}
      </span>
      <span className={`mt-1 block whitespace-pre-wrap break-words text-sm ${n.read ? "text-slate-600" : "font-medium text-slate-900"}`}>{n.message}</span>
    </>
  );
  const cls = `block w-full rounded-md border px-4 py-3 text-left transition-colors ${
    n.read ? "border-slate-200 bg-white hover:bg-slate-50" : "border-brand-100 border-l-4 border-l-brand-600 bg-brand-50 hover:bg-brand-100"
  } ${busy ? "opacity-60" : ""}`;
  return (
    <li data-read={n.read} aria-label={`${n.read ? "已读" : "未读"}通知`}>
      {href ? (
        <a href={href} onClick={open} className={cls} aria-busy={busy || undefined}>
          {body}
        </a>
      ) : (
        <button type="button" onClick={open} className={cls} aria-busy={busy || undefined}>
          {body}
        </button>
      )}
    </li>
  );
}

export function NotificationList({ items, unread }: { items: NotificationView[]; unread: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function markAll() {
    setBusy(true);
    setError(null);
    const result = await callAction(() => markAllReadAction({}));
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.error);
  }
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-600" role="status">
          {unread ? `${unread} 条未读` : "没有未读通知"}
        </p>
        <Button type="button" variant="secondary" busy={busy} disabled={unread === 0} onClick={markAll}>
          全部标为已读
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {items.length ? (
        <ul aria-label="通知列表" className="space-y-2">
          {items.map((n) => (
            <Item key={n.id} n={n} onError={setError} />
          ))}
        </ul>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-500">暂无通知。</p>
      )}
    </div>
  );
}
