// Last year's items as this year's checklist (上年整改事项): what 提交前检查 asks of each. lib/report knows nothing
// of the ledger (it may not import lib/review), so these findings enter reportState through its `external` option,
// from the editor in the browser and from submitReport on the server.
import { fieldId, type Finding } from "@/lib/report/precheck";
import type { LedgerItemView } from "@/lib/review/ledger/model";

/** The checklist's place in the editor's outline (not a section of the scheme: it is not stored in the report). */
export const LEDGER_KEY = "ledger-checklist";
export const LEDGER_TITLE = "上年整改事项";

export const ledgerFieldId = (itemId: string) => fieldId(LEDGER_KEY, `item-${itemId}`);

/** One blocker per carried item the county has neither closed with evidence nor explained. */
export function ledgerFindings(items: Pick<LedgerItemView, "id" | "status" | "evidenceText" | "explanation" | "review" | "reviewReason">[]): Finding[] {
  return items.flatMap((item, i): Finding[] => {
    const n = i + 1;
    const base = { sectionKey: LEDGER_KEY, field: ledgerFieldId(item.id) };
    if (item.status === "已完成" && item.evidenceText) return [];
    if (item.status === "未完成需说明" && item.explanation) return [];
    const why = item.review === "rejected" && item.reviewReason ? `（督导复核未通过：${item.reviewReason}）` : "";
    return [{ ...base, severity: "error", message: `上年整改事项 ${n} 尚未完成或说明：请标为“已完成”并写明完成情况，或标为“未完成需说明”并说明原因${why}` }];
  });
}
