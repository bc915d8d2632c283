"use client";
// One 整改事项: what it is, where it came from, its status; the county's form (status, owner, evidence or
// explanation) while it is theirs to change, the reviewer's 复核 (通过 / 不通过 with a reason) once it is closed.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-errors";
import { reviewLedgerItemAction, updateLedgerItemAction } from "@/app/(app)/reports/[reportId]/ledger-actions";
import { formatDateTime } from "@/lib/dates";
import { LEDGER_REVIEWS, LEDGER_SOURCES, LEDGER_STATUSES, ZUpdateLedgerItem, ledgerFieldId, type LedgerItemView, type TUpdateLedgerItem } from "@/lib/review/ledger";

export type EvidenceOption = { id: string; fileName: string };

const STATUS_TONE = { 未启动: "slate", 整改中: "blue", 已完成: "green", 未完成需说明: "red" } as const;

export function LedgerItemCard({ item, n, canEdit, canReview, evidence }: { item: LedgerItemView; n: number; canEdit: boolean; canReview: boolean; evidence: EvidenceOption[] }) {
  const settled = item.review === "accepted";
  return (
    <li id={ledgerFieldId(item.id)} tabIndex={-1} className="rounded-md border border-slate-200 bg-white p-4" aria-label={`整改事项 ${n}`}>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <span className="font-semibold text-slate-700">{n}.</span>
        <Badge tone={STATUS_TONE[item.status]}>{item.status}</Badge>
        {item.review ? <Badge tone={settled ? "green" : "red"}>{LEDGER_REVIEWS[item.review]}</Badge> : null}
        {item.overdue ? <Badge tone="red">已超期</Badge> : null}
        <span>
          {item.year} 年 · {LEDGER_SOURCES[item.source]}
          {item.deadline ? ` · 完成时限 ${item.deadline}` : ""}
          {item.owner ? ` · 责任单位 ${item.owner}` : ""}
        </span>
      </div>
      <p className="whitespace-pre-line text-sm text-slate-900">{item.text}</p>
      {item.review === "rejected" && item.reviewReason ? (
        <p className="mt-2 text-sm text-red-700">
          复核未通过（{item.reviewedBy ?? "督导"}，{formatDateTime(item.reviewedAt, "date")}）：{item.reviewReason}
        </p>
      ) : null}
      {canEdit && !settled ? <CountyForm item={item} evidence={evidence} /> : <Closure item={item} />}
      {canReview && item.review === null && (item.status === "已完成" || item.status === "未完成需说明") ? <ReviewForm item={item} /> : null}
    </li>
  );
}

function Closure({ item }: { item: LedgerItemView }) {
  if (item.status === "已完成" && item.evidenceText)
    return (
      <p className="mt-2 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        完成情况：{item.evidenceText}
        {item.evidence ? `（佐证材料：${item.evidence.fileName}）` : ""}
      </p>
    );
  if (item.status === "未完成需说明" && item.explanation) return <p className="mt-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">情况说明：{item.explanation}</p>;
  return null;
}

function CountyForm({ item, evidence }: { item: LedgerItemView; evidence: EvidenceOption[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<TUpdateLedgerItem>({
    resolver: zodResolver(ZUpdateLedgerItem) as never,
    defaultValues: { itemId: item.id, version: item.version, status: item.status, owner: item.owner, evidenceText: item.evidenceText, evidenceId: item.evidence?.id ?? null, explanation: item.explanation },
  });
  const status = useWatch({ control: form.control, name: "status" });
  const err = form.formState.errors;
  const id = (f: string) => `${ledgerFieldId(item.id)}-${f}`;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    const result = await callAction(() => updateLedgerItemAction({ ...values, version: item.version }));
    if (!result.ok) return setError(applyActionErrors(form, result));
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3 border-t border-slate-100 pt-3" aria-label={`处理整改事项`}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="grid items-end gap-3 sm:grid-cols-[12rem_minmax(0,1fr)_auto]">
        <Field id={id("status")} label="整改状态" error={err.status?.message}>
          <select id={id("status")} className={inputClass} {...form.register("status")}>
            {LEDGER_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <Field id={id("owner")} label="责任单位（人）" error={err.owner?.message}>
          <input id={id("owner")} className={inputClass} {...form.register("owner")} />
        </Field>
        <div className="flex items-center gap-3 pb-0.5">
          <Button type="submit" busy={form.formState.isSubmitting}>
            保存
          </Button>
          {saved ? <span className="text-xs text-emerald-700" role="status">已保存</span> : null}
        </div>
      </div>
      {status === "已完成" ? (
        <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Field id={id("evidenceText")} label="完成情况（整改佐证）" error={err.evidenceText?.message}>
            <textarea id={id("evidenceText")} rows={2} className={inputClass} aria-invalid={!!err.evidenceText} {...form.register("evidenceText")} />
          </Field>
          <Field id={id("evidenceId")} label="佐证材料（可选）" hint={evidence.length ? undefined : "本报告尚未上传佐证材料"}>
            <select id={id("evidenceId")} className={inputClass} {...form.register("evidenceId", { setValueAs: (v) => v || null })}>
              <option value="">不关联</option>
              {evidence.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.fileName}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      {status === "未完成需说明" ? (
        <Field id={id("explanation")} label="未完成的原因和下一步安排" error={err.explanation?.message}>
          <textarea id={id("explanation")} rows={2} className={inputClass} aria-invalid={!!err.explanation} {...form.register("explanation")} />
        </Field>
      ) : null}
    </form>
  );
}

function ReviewForm({ item }: { item: LedgerItemView }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (accepted: boolean) => {
    setError(null);
    if (!accepted && !reason.trim()) return setError("复核不通过须写明理由");
    setBusy(true);
    const result = await callAction(() => reviewLedgerItemAction({ itemId: item.id, version: item.version, accepted, reason: reason.trim() }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    router.refresh();
  };
  const id = `${ledgerFieldId(item.id)}-reason`;
  return (
    <div className="mt-3 space-y-2 border-t border-slate-100 pt-3" role="group" aria-label="复核">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field id={id} label="复核意见（不通过时必填）">
        <input id={id} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button type="button" busy={busy} className="px-3 py-1.5" onClick={() => send(true)}>
          复核通过
        </Button>
        <Button type="button" variant="danger" busy={busy} className="px-3 py-1.5" onClick={() => send(false)}>
          复核不通过
        </Button>
      </div>
    </div>
  );
}
