"use client";
// The 核定 table: every indicator and scored item with the county's figure and the reviewer's 核定. A reviewer agrees
// row by row (or with 其余全部同意) or records a 核定值 / 核定得分 with a reason and an evidence reference; the form is
// checked with the server's own schema (ZVerificationItem) before it is sent. The county sees it read-only, the
// disputed rows first.
import { useMemo, useState } from "react";
import { saveVerificationsAction } from "@/app/(app)/reports/[reportId]/verification-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-errors";
import { formatDateTime } from "@/lib/dates";
import { evidenceText, isDisputed, verifiedText, ZVerificationItem, type TVerificationItem, type VerificationRow } from "@/lib/review/verification";

type Evidence = { id: string; fileName: string };
const rowId = (r: VerificationRow) => `${r.kind}:${r.key}`;

function Status({ row }: { row: VerificationRow }) {
  if (!row.record) return <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">未核定</span>;
  if (row.record.verdict === "agree") return <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-700">同意自评</span>;
  return <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">有异议</span>;
}

function DisputeForm({ row, evidence, busy, onSave, onCancel }: { row: VerificationRow; evidence: Evidence[]; busy: boolean; onSave: (item: TVerificationItem) => Promise<string | null>; onCancel: () => void }) {
  const r = row.record?.verdict === "dispute" ? row.record : null;
  const [value, setValue] = useState(row.kind === "score" ? (r?.score ?? "") : (r?.value ?? ""));
  const [reason, setReason] = useState(r?.reason ?? "");
  const [evidenceId, setEvidenceId] = useState(r?.evidence?.id ?? "");
  const [note, setNote] = useState(r?.evidenceNote ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = rowId(row).replace(/[^a-z0-9_-]/gi, "_");
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const item: TVerificationItem = {
      kind: row.kind,
      key: row.key,
      verdict: "dispute",
      ...(row.kind === "score" ? { score: value } : { value }),
      reason,
      evidenceId: evidenceId || undefined,
      evidenceNote: note,
    };
    const parsed = ZVerificationItem.safeParse(item);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    const failed = await onSave(item);
    if (failed) setErrors({ form: failed });
  }
  const label = row.kind === "score" ? `核定得分（满分 ${row.max} 分）` : "核定值";
  return (
    <form onSubmit={submit} aria-label={`核定：${row.label}`} className="grid gap-3 rounded-md border border-red-200 bg-red-50/40 p-3 sm:grid-cols-[10rem_1fr]">
      <label htmlFor={`${id}-value`} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div>
        <input id={`${id}-value`} className={`${inputClass} max-w-48`} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!!(errors.value || errors.score)} />
        {errors.value || errors.score ? <p role="alert" className="mt-1 text-xs text-red-700">{errors.value ?? errors.score}</p> : null}
      </div>
      <label htmlFor={`${id}-reason`} className="text-sm font-medium text-slate-700">
        核定理由
      </label>
      <div>
        <textarea id={`${id}-reason`} rows={2} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!errors.reason} placeholder="如：与学籍系统数据不一致" />
        {errors.reason ? <p role="alert" className="mt-1 text-xs text-red-700">{errors.reason}</p> : null}
      </div>
      <label htmlFor={`${id}-evidence`} className="text-sm font-medium text-slate-700">
        佐证依据
      </label>
      <div className="flex flex-wrap gap-2">
        <select id={`${id}-evidence`} className={`${inputClass} max-w-64`} value={evidenceId} onChange={(e) => setEvidenceId(e.target.value)}>
          <option value="">（不引用县区上传的材料）</option>
          {evidence.map((e) => (
            <option key={e.id} value={e.id}>
              {e.fileName}
            </option>
          ))}
        </select>
        <input aria-label="佐证说明" className={`${inputClass} min-w-48 flex-1`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="或写明依据，如：现场核查记录第 3 页" />
      </div>
      {errors.form ? (
        <div className="sm:col-span-2">
          <Alert tone="error">{errors.form}</Alert>
        </div>
      ) : null}
      <div className="flex gap-2 sm:col-start-2">
        <Button type="submit" busy={busy} className="px-3 py-1.5">
          保存核定
        </Button>
        <Button type="button" variant="ghost" className="px-3 py-1.5" onClick={onCancel}>
          取消
        </Button>
      </div>
    </form>
  );
}

export function VerificationTable({ reportId, initial, editable, reviewer, evidence }: { reportId: string; initial: VerificationRow[]; editable: boolean; reviewer: boolean; evidence: Evidence[] }) {
  const [rows, setRows] = useState(initial);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyDisputed, setOnlyDisputed] = useState(!reviewer);
  const counts = useMemo(() => ({ done: rows.filter((r) => r.record).length, disputed: rows.filter(isDisputed).length }), [rows]);
  const shown = onlyDisputed ? rows.filter(isDisputed) : rows;

  async function save(items: TVerificationItem[], key: string): Promise<string | null> {
    setBusy(key);
    setError(null);
    const result = await callAction(() => saveVerificationsAction({ reportId, items }));
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return result.error;
    }
    setRows(result.data.rows);
    setOpen(null);
    return null;
  }
  const rest = rows.filter((r) => !r.record);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white px-4 py-2.5 text-sm">
        <p className="text-slate-700" role="status">
          共 {rows.length} 项，已核定 <strong>{counts.done}</strong> 项，其中有异议 <strong className={counts.disputed ? "text-red-700" : ""}>{counts.disputed}</strong> 项
        </p>
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-1.5 text-slate-600">
            <input type="checkbox" checked={onlyDisputed} onChange={(e) => setOnlyDisputed(e.target.checked)} />
            只看有异议
          </label>
          {editable && rest.length ? (
            <Button type="button" variant="secondary" busy={busy === "all"} className="px-3 py-1.5" onClick={() => save(rest.map((r) => ({ kind: r.kind, key: r.key, verdict: "agree" })), "all")}>
              其余 {rest.length} 项全部同意
            </Button>
          ) : null}
        </div>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">评价重点</th>
              <th className="px-3 py-2 font-medium">项目</th>
              <th className="px-3 py-2 text-right font-medium">自评</th>
              <th className="px-3 py-2 font-medium">标准</th>
              <th className="px-3 py-2 font-medium">核定</th>
              {editable ? <th className="px-3 py-2 font-medium">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const id = rowId(row);
              const rec = row.record;
              return (
                <tr key={id} data-item={id} className={`border-t border-slate-100 align-top ${isDisputed(row) ? "bg-red-50/30" : ""}`}>
                  <td className="max-w-48 px-3 py-2 text-xs text-slate-500">{row.criterion}</td>
                  <td className="px-3 py-2">
                    <p className="text-slate-900">{row.label}</p>
                    {open === id ? (
                      <div className="mt-2">
                        <DisputeForm row={row} evidence={evidence} busy={busy === id} onSave={(item) => save([item], id)} onCancel={() => setOpen(null)} />
                      </div>
                    ) : null}
                  </td>
                  <td className={`whitespace-nowrap px-3 py-2 text-right tabular-nums ${row.unmet ? "text-red-700" : "text-slate-800"}`}>{row.countyValue}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-500">
                    {row.standard}
                    {row.status ? <span className={`ml-1 ${row.unmet ? "text-red-700" : ""}`}>· {row.status}</span> : null}
                  </td>
                  <td className="min-w-40 px-3 py-2">
                    <Status row={row} />
                    {rec?.verdict === "dispute" ? (
                      <div className="mt-1 space-y-0.5 text-xs">
                        <p className="font-medium text-red-800">核定为 {verifiedText(row)}</p>
                        <p className="text-slate-700">理由：{rec.reason}</p>
                        {evidenceText(rec) ? <p className="text-slate-500">{evidenceText(rec)}</p> : null}
                      </div>
                    ) : null}
                    {rec ? (
                      <p className="mt-0.5 text-xs text-slate-400">
                        {rec.verifiedBy ?? ""} {formatDateTime(rec.updatedAt, "short")}
                      </p>
                    ) : null}
                  </td>
                  {editable ? (
                    <td className="whitespace-nowrap px-3 py-2">
                      <div className="flex gap-1.5">
                        <Button type="button" variant={rec?.verdict === "agree" ? "primary" : "secondary"} className="px-2.5 py-1 text-xs" busy={busy === `agree-${id}`} aria-label={`同意：${row.label}`} onClick={() => save([{ kind: row.kind, key: row.key, verdict: "agree" }], `agree-${id}`)}>
                          同意
                        </Button>
                        <Button type="button" variant={rec?.verdict === "dispute" ? "danger" : "secondary"} className="px-2.5 py-1 text-xs" aria-label={`有异议：${row.label}`} onClick={() => setOpen(open === id ? null : id)}>
                          有异议
                        </Button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={editable ? 6 : 5} className="px-3 py-6 text-center text-sm text-slate-500">
                  {onlyDisputed ? "没有核定有异议的项目。" : "该报告没有可核定的指标。"}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
