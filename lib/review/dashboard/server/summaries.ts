import "server-only";
// The stored summaries of a set of reports, recomputing those that are missing or stale (rows written before
// Report.summary existed, or by an older SUMMARY_VERSION) from their sections in one batched read, and writing
// them back so the next view finds them. The write-back only replaces the value it read: if a save has stored a
// fresh summary in the meantime, that one stays.
import type { Db } from "@/lib/db/connect";
import { loadSectionsOfReports } from "@/lib/report/server/repository";
import { cachedScheme } from "@/lib/schemes/server/service";
import { readSummary, summarise, summaryJson, type TReportSummary } from "@/lib/report/summary";

type Row = { id: string; schemeId: string; summary: string | null };

/** `db` is read (it may be a standby); the write-back goes to `primary` (by default `db`). */
export async function ensureSummaries(db: Db, rows: Row[], primary: Db = db): Promise<Map<string, TReportSummary>> {
  const out = new Map<string, TReportSummary>();
  const stale: Row[] = [];
  for (const r of rows) {
    const s = readSummary(r.summary);
    if (s) out.set(r.id, s);
    else stale.push(r);
  }
  if (!stale.length) return out;

  const schemes = await Promise.all(stale.map(async (r) => ({ id: r.id, scheme: await cachedScheme(db, r.schemeId) })));
  const contents = await loadSectionsOfReports(db, schemes);
  for (const [i, r] of stale.entries()) {
    const summary = summarise(schemes[i].scheme, contents.get(r.id) ?? {});
    out.set(r.id, summary);
    await primary.report.updateMany({ where: { id: r.id, summary: r.summary }, data: { summary: summaryJson(summary) } });
  }
  return out;
}
