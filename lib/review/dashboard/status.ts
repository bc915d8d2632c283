// The status table as the browser needs it (like the matrix, lib/review/dashboard/matrix.ts): one small object per
// county with every text already written, handed to a client component instead of a server-rendered tree of ~1,300
// cells — the page then carries these few kB once, and the table renders only the rows in view.
import type { LedgerCounts } from "@/lib/review/ledger";
import { formatDateTime } from "@/lib/dates";
import { DASHBOARD_BUCKETS, bucketLabel } from "@/lib/review/dashboard/buckets";
import type { Dashboard } from "@/lib/review/dashboard/types";

export type StatusRow = {
  code: string;
  name: string;
  city: string | null;
  statusText: string;
  tone: (typeof DASHBOARD_BUCKETS)[keyof typeof DASHBOARD_BUCKETS]["tone"];
  /** Present when the county has a report of the year on view. */
  report: {
    id: string;
    submitted: string;
    round: number;
    openComments: number;
    completeness: number;
    problemCount: number;
    unmet: number;
    disputed: number;
  } | null;
  ledger: LedgerCounts | null;
};

export function toStatusRows(d: Dashboard, ledger: Record<string, LedgerCounts> = {}): StatusRow[] {
  return d.rows.map((row) => {
    const r = row.report;
    return {
      code: row.county.code,
      name: row.county.name,
      city: row.city?.name ?? null,
      statusText: r ? r.statusText : bucketLabel("none", d.level),
      tone: DASHBOARD_BUCKETS[row.bucket].tone,
      report: r
        ? {
            id: r.id,
            submitted: r.submittedAt ? formatDateTime(r.submittedAt, "date") : "",
            round: r.round,
            openComments: r.openComments,
            completeness: r.completeness,
            problemCount: r.problemCount,
            unmet: r.unmet,
            disputed: r.disputed,
          }
        : null,
      ledger: ledger[row.county.code]?.total ? ledger[row.county.code] : null,
    };
  });
}
