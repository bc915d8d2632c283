import "server-only";
// Provenance: who (and which office) last changed each figure and paragraph of a section. Written after each
// accepted save from the fields it changed; read by reviewers on the history page. Never printed in the Word file
// (lib/docx reads sections only).
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getReportAccess } from "@/lib/auth/server/guards";
import { fieldLabel } from "@/lib/assignments/provenance";
import { sectionsOf } from "@/lib/report/sections";

/** The office a change is credited to when the user has none of their own: the county's education bureau. */
export function defaultOffice(actor: Actor): string {
  return `${actor.region.name}教育局`;
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
