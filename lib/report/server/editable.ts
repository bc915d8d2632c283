import "server-only";
// "Is this report still editable?" — asked once, inside the write transaction that changes it. A county may change
// a report (sections, evidence, answers to reviewers, school tables, restoring a version) only while it is a draft
// or returned (lib/report/status.ts). The check is a conditional update of the report row, the transaction's
// first statement: SQLite's write lock and PostgreSQL's row lock then hold the status until the change commits, so
// a submit that races the change either waits for it or makes it fail — never a change to a submitted report.
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { SqlRunner } from "@/lib/db/driver";
import { touchReportIn, type ReportTouch } from "@/lib/db/queries/reports";
import { conflict } from "@/lib/errors";
import { EDITABLE_STATUSES } from "@/lib/report/status";

export const NOT_EDITABLE = "报告已提交或已审核通过，当前不能修改";

type PrismaTx = Pick<Prisma.TransactionClient, "report">;

/**
 * Throws a conflict (with `message`, or the general one) unless the report is editable; marks it as touched now.
 * `tx` is a Prisma transaction or a driver transaction (the autosave, lib/report/server/save-section.ts), which may
 * write more of the report's columns in the same statement.
 */
export async function assertReportEditable(
  tx: PrismaTx | SqlRunner,
  reportId: string,
  options: { message?: string; touch?: Omit<ReportTouch, "updatedAt">; now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const changed =
    "run" in tx
      ? await touchReportIn(tx, reportId, EDITABLE_STATUSES, { updatedAt: now, ...options.touch })
      : (await tx.report.updateMany({ where: { id: reportId, status: { in: EDITABLE_STATUSES } }, data: { updatedAt: now, ...options.touch } })).count;
  if (changed === 0) throw conflict(options.message ?? NOT_EDITABLE);
}
