import "server-only";
// A report's own 存在问题 become ledger items when the report is finally accepted (decision 028: the accepted text
// is the one the reviewers agreed to; a submission can still be returned and rewritten). Called by acceptReport
// inside its transaction, so an acceptance that rolls back creates nothing.
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { TScheme } from "@/lib/template/schema";
import type { SectionContents } from "@/lib/report/precheck";
import { evaluateReport } from "@/lib/report/evaluate";
import { allValues } from "@/lib/report/precheck";
import { figurePrinter } from "@/lib/report/figures";
import { problemsToLedgerItems } from "@/lib/review/ledger/from-problems";
import { createLedgerItems } from "@/lib/review/ledger/server/create";

export async function ledgerFromProblems(
  tx: Prisma.TransactionClient,
  report: { id: string; countyCode: string; schemeDef: TScheme },
  contents: SectionContents,
  actorId: string | null,
) {
  const { computed } = evaluateReport(report.schemeDef, contents);
  const print = figurePrinter(report.schemeDef, computed, allValues(contents));
  const items = problemsToLedgerItems(report.schemeDef, contents, (key) => print(key).text);
  if (!items.length) return { created: [], existing: 0 };
  return createLedgerItems(tx, { regionId: report.countyCode, reportId: report.id, source: "county_problem", sourceRef: "problems", items }, actorId);
}
