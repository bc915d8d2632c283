import "server-only";
// What a contributor opens: the report's outline, and the content of their own items only — with the scheme's
// guidance (in the section definitions) and last year's text of the same items for context. Other items' content
// never leaves the server for them; the editor shows those items read-only and empty.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { sectionsOf } from "@/lib/report/sections";
import { decodeRows } from "@/lib/report/server/repository";
import { cachedScheme } from "@/lib/schemes/server/service";
import { assignmentKeyOf, contributorReport } from "@/lib/assignments/server/access";
import { itemHeading } from "@/lib/assignments/server/service";
import { ASSIGNMENT_STATUSES, CONTRIBUTOR_EDITABLE, isOverdue, type AssignmentStatus } from "@/lib/assignments/status";

export async function loadContributorView(db: Db, actor: Actor, reportId: string, now = new Date()) {
  const report = await contributorReport(db, actor, reportId);
  const assignments = await db.assignment.findMany({
    where: { reportId: report.id, supersededAt: null, contributors: { some: { userId: actor.userId } } },
    orderBy: { createdAt: "asc" },
  });
  if (assignments.length === 0) throw notFound("报告");
  const owned = new Set(assignments.map((a) => a.sectionKey));
  const keys = sectionsOf(report.schemeDef)
    .filter((s) => owned.has(assignmentKeyOf(report.schemeDef, s.key) ?? ""))
    .map((s) => s.key);
  const rows = await db.reportSection.findMany({ where: { reportId: report.id, key: { in: keys } }, select: { key: true, content: true, version: true } });
  const editable = new Set(
    keys.filter((k) => assignments.some((a) => a.sectionKey === assignmentKeyOf(report.schemeDef, k) && CONTRIBUTOR_EDITABLE.includes(a.status as AssignmentStatus))),
  );
  return {
    report,
    keys,
    editableKeys: [...editable],
    contents: decodeRows(report.schemeDef, rows),
    versions: Object.fromEntries(rows.map((r) => [r.key, r.version])),
    lastYear: await lastYearText(db, report, keys),
    items: assignments.map((a) => ({
      id: a.id,
      sectionKey: a.sectionKey,
      heading: itemHeading(report.schemeDef, a.sectionKey, a.figureKey),
      office: a.office,
      partners: a.partners,
      dueDate: a.dueDate?.toISOString() ?? null,
      note: a.note,
      status: a.status as AssignmentStatus,
      statusLabel: ASSIGNMENT_STATUSES[a.status as AssignmentStatus] ?? a.status,
      returnNote: a.returnNote,
      overdue: isOverdue(a, now),
    })),
  };
}

/** The same items in the county's previous report (the one this was copied from, else the latest earlier one). */
async function lastYearText(db: Db, report: { id: string; countyCode: string; year: number; copiedFromId: string | null }, keys: string[]) {
  const previous = report.copiedFromId
    ? await db.report.findFirst({ where: { id: report.copiedFromId, countyCode: report.countyCode } })
    : await db.report.findFirst({ where: { countyCode: report.countyCode, year: { lt: report.year } }, orderBy: { year: "desc" } });
  if (!previous) return null;
  const rows = await db.reportSection.findMany({ where: { reportId: previous.id, key: { in: keys } }, select: { key: true, content: true, version: true } });
  return { year: previous.year, contents: decodeRows(await cachedScheme(db, previous.schemeId), rows) };
}
