"use client";
// The progress board: items × office with status, due date (red when overdue), last activity; the lead confirms a
// handed-in item or sends it back with a note.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { confirmAction, sendBackAction } from "@/app/(app)/reports/[reportId]/assignments/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Badge } from "@/components/ui/page";
import { formatDateTime } from "@/lib/dates";
import { shanghaiDay, type BoardRow } from "@/lib/assignments/status";

const TONE = { assigned: "slate", in_progress: "blue", handed_in: "green", returned: "red", confirmed: "green" } as const;

export function BoardTable({ rows }: { rows: BoardRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">还没有分配填报任务。</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="填报进度">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">评价项目</th>
            <th className="py-2 pr-3 font-medium">主责单位</th>
            <th className="py-2 pr-3 font-medium">填报人</th>
            <th className="py-2 pr-3 font-medium">状态</th>
            <th className="py-2 pr-3 font-medium">截止日期</th>
            <th className="py-2 pr-3 font-medium">最近活动</th>
            <th className="py-2 font-medium">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ row }: { row: BoardRow }) {
  const router = useRouter();
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(call: () => Promise<{ ok: boolean; error?: string }>) {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return setError(result.error ?? "操作失败");
    setError(null);
    setSending(false);
    setNote("");
    router.refresh();
  }

  return (
    <tr className="border-b border-slate-100 align-top" data-testid={`board-${row.sectionKey}`}>
      <td className="py-2 pr-3">
        <div className="font-medium text-slate-900">{row.heading}</div>
        {row.note ? <div className="text-xs text-slate-500">说明：{row.note}</div> : null}
        {row.returnNote && row.status === "returned" ? <div className="text-xs text-red-700">退回意见：{row.returnNote}</div> : null}
      </td>
      <td className="py-2 pr-3">
        {row.office}
        {row.partners ? <div className="text-xs text-slate-500">配合：{row.partners}</div> : null}
      </td>
      <td className="py-2 pr-3">{row.contributors.map((c) => c.name).join("、") || "—"}</td>
      <td className="py-2 pr-3">
        <Badge tone={TONE[row.status]}>{row.statusLabel}</Badge>
      </td>
      <td className={`py-2 pr-3 tabular-nums ${row.overdue ? "font-medium text-red-700" : ""}`}>
        {row.dueDate ? shanghaiDay(new Date(row.dueDate)) : "—"}
        {row.overdue ? <span className="ml-1 text-xs">已逾期</span> : null}
      </td>
      <td className="py-2 pr-3 text-xs text-slate-500">{row.lastActivityAt ? formatDateTime(row.lastActivityAt) : "—"}</td>
      <td className="py-2">
        {row.status === "handed_in" ? (
          <div className="flex flex-wrap gap-2">
            <Button type="button" busy={busy} onClick={() => run(() => confirmAction({ assignmentId: row.id }))}>
              确认
            </Button>
            <Button type="button" variant="secondary" onClick={() => setSending((s) => !s)}>
              退回
            </Button>
          </div>
        ) : null}
        {sending ? (
          <form
            className="mt-2 flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => sendBackAction({ assignmentId: row.id, note }));
            }}
          >
            <input aria-label="退回意见" className={inputClass} value={note} onChange={(e) => setNote(e.target.value)} placeholder="退回的原因" />
            <Button type="submit" variant="danger" busy={busy}>
              退回
            </Button>
          </form>
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
