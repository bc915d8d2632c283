// When an item is overdue, waiting for 复核, or still owed by the county — one place for the screens, the dashboard
// counts and the 提交前检查 finding. Universal.
import { beijingParts } from "@/lib/dates";
import { isClosedStatus, type LedgerReview } from "@/lib/review/ledger/model";

/** Today in Beijing as "YYYY-MM-DD". */
export function beijingToday(now: Date = new Date()): string {
  const p = beijingParts(now);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The last day a deadline allows: "2025-06" means the whole of June. */
export function lastDayOf(deadline: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return deadline;
  const m = /^(\d{4})-(\d{2})$/.exec(deadline);
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${deadline}-${String(day).padStart(2, "0")}`;
}

/** Overdue: past its deadline and not 已完成 (an explained item is still overdue — it is explained, not done). */
export function isOverdue(item: { deadline: string; status: string }, today: string): boolean {
  const last = lastDayOf(item.deadline);
  return last !== null && item.status !== "已完成" && today > last;
}

/** Closed by the county and not yet 复核ed: what the reviewer has to look at. */
export const awaitsReview = (item: { status: string; review: LedgerReview | null | string }): boolean => isClosedStatus(item.status) && !item.review;

/** Settled for good: closed and the 复核 accepted it. */
export const isSettled = (item: { status: string; review: LedgerReview | null | string }): boolean => isClosedStatus(item.status) && item.review === "accepted";
