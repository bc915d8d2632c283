"use client";
// 上年整改事项: the panel a report opens with when the county has items from earlier years. The county closes each
// (已完成 with evidence) or explains it (未完成需说明) before submitting; reviewers 复核 what was closed.
import { LedgerItemCard, type EvidenceOption } from "@/components/review/ledger-item-card";
import { LEDGER_TITLE, ledgerFindings, type LedgerItemView } from "@/lib/review/ledger";

export function LedgerChecklist({ items, canEdit, canReview, evidence }: { items: LedgerItemView[]; canEdit: boolean; canReview: boolean; evidence: EvidenceOption[] }) {
  if (!items.length) return null;
  const open = ledgerFindings(items).length;
  return (
    <section aria-labelledby="ledger-title" className="mb-4 rounded-lg border border-amber-200 bg-amber-50/60 p-4 shadow-sm">
      {/* Folded once everything is answered, so this year's report is what the page opens on. */}
      <details open={open > 0} className="group">
      <summary className="mb-3 flex cursor-pointer list-none flex-wrap items-baseline justify-between gap-2">
        <h2 id="ledger-title" className="text-base font-semibold text-slate-900">
          <span aria-hidden className="mr-1 inline-block text-slate-400 transition-transform group-open:rotate-90">▸</span>
          {LEDGER_TITLE}（{items.length} 项）
        </h2>
        <p className={`text-sm ${open ? "text-amber-800" : "text-emerald-700"}`} role="status">
          {open ? `还有 ${open} 项未完成或说明，处理完才能提交` : "已全部完成或说明"}
        </p>
      </summary>
      <p className="mb-3 text-xs text-slate-500">上年自评的存在问题和督导提出的整改要求：逐项标为“已完成”并写明完成情况，或标为“未完成需说明”并说明原因；督导将逐项复核。</p>
      <ol className="space-y-3">
        {items.map((item, i) => (
          <LedgerItemCard key={`${item.id}-${item.version}`} item={item} n={i + 1} canEdit={canEdit} canReview={canReview} evidence={evidence} />
        ))}
      </ol>
      </details>
    </section>
  );
}
