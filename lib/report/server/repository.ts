import "server-only";
// The report content repository: the one place a report's stored sections are loaded and decoded. Every reader
// (the editor page, the Word export, the workflow's submit check, the redline, the dashboards' summaries) goes
// through here, so a corrupt row fails with a clear message naming its section (lib/report/stored.ts).
import type { Db } from "@/lib/db/connect";
import type { SectionContents } from "@/lib/report/precheck";
import { sectionsOf, type SectionDef } from "@/lib/report/sections";
import { decodeSection } from "@/lib/report/stored";
import type { TScheme } from "@/lib/template/schema";

export type StoredSection = { key: string; content: string; version: number; updatedAt?: Date };
export type LoadedSections = {
  contents: SectionContents;
  versions: Record<string, { version: number; updatedAt: string }>;
};

const indexes = new WeakMap<TScheme, Map<string, SectionDef>>();

/** The scheme's sections by key, for decoding many rows; built once per scheme object (schemes are cached per
 *  process, lib/schemes/server/service.ts), since the autosave decodes every other section on each save. */
export function sectionIndex(scheme: TScheme): Map<string, SectionDef> {
  let index = indexes.get(scheme);
  if (!index) indexes.set(scheme, (index = new Map(sectionsOf(scheme).map((d) => [d.key, d]))));
  return index;
}

/** Stored rows decoded. Rows of sections the scheme does not have (none are written, but a hand-edited database
 *  could hold some) are left out: nothing reads them. */
export function decodeRows(scheme: TScheme | Map<string, SectionDef>, rows: StoredSection[]): SectionContents {
  const index = scheme instanceof Map ? scheme : sectionIndex(scheme);
  const contents: SectionContents = {};
  for (const r of rows) {
    const def = index.get(r.key);
    if (def) contents[r.key] = decodeSection(def, r.content);
  }
  return contents;
}

/** Every saved section of one report, decoded, with its version (sections never saved are absent). */
export async function loadSections(db: Db, scheme: TScheme, reportId: string): Promise<LoadedSections> {
  const rows = await db.reportSection.findMany({ where: { reportId }, select: { key: true, content: true, version: true, updatedAt: true } });
  const versions: LoadedSections["versions"] = {};
  for (const r of rows) versions[r.key] = { version: r.version, updatedAt: r.updatedAt.toISOString() };
  return { contents: decodeRows(scheme, rows), versions };
}

/** The saved sections of several reports in one read, decoded with each report's own scheme. */
export async function loadSectionsOfReports(
  db: Db,
  reports: { id: string; scheme: TScheme }[],
): Promise<Map<string, SectionContents>> {
  const rows = await db.reportSection.findMany({
    where: { reportId: { in: reports.map((r) => r.id) } },
    select: { reportId: true, key: true, content: true, version: true },
  });
  const byReport = new Map<string, StoredSection[]>();
  for (const row of rows) byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row]);
  return new Map(reports.map((r) => [r.id, decodeRows(r.scheme, byReport.get(r.id) ?? [])]));
}
