import "server-only";
// Provenance: who (and which office) last changed each figure and paragraph of a section. Written after each
// accepted save from the fields it changed; read by reviewers on the history page. Never printed in the Word file
// (lib/docx reads sections only).
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getReportAccess } from "@/lib/auth/server/guards";
import { changedFields, fieldLabel } from "@/lib/assignments/provenance";
import { sectionsOf } from "@/lib/report/sections";

/** The office a change is credited to: the contributor's own, else the county's education bureau. */
async function officeOf(db: Db, actor: Actor): Promise<string> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { office: true } });
  return user?.office || `${actor.region.name}教育局`;
}

export async function recordProvenance(db: Db, actor: Actor, reportId: string, sectionKey: string, before: object | null, after: object, at: Date) {
  const fields = changedFields(before as Record<string, unknown> | null, after as Record<string, unknown>);
  if (fields.length === 0) return;
  const office = await officeOf(db, actor);
  await db.$transaction(
    fields.map((field) =>
      db.fieldProvenance.upsert({
        where: { reportId_sectionKey_field: { reportId, sectionKey, field } },
        create: { reportId, sectionKey, field, userId: actor.userId, userName: actor.name, office, changedAt: at },
        update: { userId: actor.userId, userName: actor.name, office, changedAt: at },
      }),
    ),
  );
}

export type ProvenanceRow = { sectionKey: string; heading: string; field: string; label: string; office: string; userName: string; changedAt: string };

/** Provenance of a report for anyone who may read the whole report, in the order of the report. */
export async function listProvenance(db: Db, actor: Actor, reportId: string): Promise<ProvenanceRow[]> {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  const sections = sectionsOf(report.schemeDef);
  const order = new Map(sections.map((s, i) => [s.key, i]));
  const headings = new Map(sections.map((s) => [s.key, s.heading]));
  const labels = new Map(sections.flatMap((s) => [...s.inputs, ...s.indicators, ...(s.criterion?.subpoints ?? [])].map((f) => ["key" in f ? f.key : f.code, "label" in f ? f.label : f.title] as const)));
  const rows = await db.fieldProvenance.findMany({ where: { reportId: report.id } });
  return rows
    .map((r) => ({ sectionKey: r.sectionKey, heading: headings.get(r.sectionKey) ?? r.sectionKey, field: r.field, label: fieldLabel(r.field, labels), office: r.office, userName: r.userName, changedAt: r.changedAt.toISOString() }))
    .sort((a, b) => (order.get(a.sectionKey) ?? 0) - (order.get(b.sectionKey) ?? 0) || a.field.localeCompare(b.field));
}
