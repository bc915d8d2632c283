import "server-only";
// Reports: create (optionally carrying last year forward), list, load. Saving sections is in save-section.ts.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getRegionAccess, getReportAccess, requirePermission } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import { audit } from "@/lib/audit/server";
import { invalid } from "@/lib/errors";
import { getSchemeRowForCounty, schemeOf } from "@/lib/schemes/server/service";
import { carryForward } from "@/lib/report/carry-forward";
import { defaultMeta } from "@/lib/report/defaults";
import type { SectionContent } from "@/lib/report/content";
import { reportState } from "@/lib/report/precheck";
import { loadSections } from "@/lib/report/server/repository";
import { summaryFromComputed, summaryJson } from "@/lib/report/summary";

export async function listReports(db: Db, actor: Actor) {
  requirePermission(actor, "report:read");
  return db.report.findMany({
    where: { county: countiesInScope(actor) },
    orderBy: [{ year: "desc" }, { county: { path: "asc" } }],
    include: { county: { select: { name: true } }, scheme: { select: { title: true, version: true } } },
  });
}

export async function createReport(db: Db, actor: Actor, input: { schemeId: string; copyFromId: string | null }) {
  requirePermission(actor, "report:edit");
  const county = await getRegionAccess(db, actor, actor.region.code, "report:edit");
  if (county.level !== "county") throw invalid("只有县级账号可以创建自评报告");
  const row = await getSchemeRowForCounty(db, input.schemeId, county);
  const scheme = schemeOf(row);
  const existing = await db.report.findUnique({ where: { countyCode_schemeCode: { countyCode: county.code, schemeCode: row.code } } });
  if (existing) throw invalid(`本县已有《${row.title}》的报告，请直接打开编辑`);

  const contents: Record<string, SectionContent> = { meta: defaultMeta(scheme, county.name) };
  if (input.copyFromId) {
    const source = await loadReport(db, actor, input.copyFromId);
    if (source.report.year >= scheme.year) throw invalid("只能从更早年份的报告复制");
    Object.assign(contents, carryForward(source.report.schemeDef, source.contents, scheme));
  }
  const state = reportState(scheme, contents);
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.report.create({
      data: {
        id,
        countyCode: county.code,
        schemeId: row.id,
        schemeCode: row.code,
        year: scheme.year,
        copiedFromId: input.copyFromId,
        completeness: state.completeness,
        problemCount: state.errors,
        summary: summaryJson(summaryFromComputed(scheme, state.computed, state.scores)),
        lastEditedById: actor.userId,
      },
    });
    for (const [key, content] of Object.entries(contents)) {
      const json = JSON.stringify(content);
      await tx.reportSection.create({ data: { id: randomUUID(), reportId: id, key, content: json, version: 1, updatedById: actor.userId } });
      await tx.sectionRevision.create({
        data: { reportId: id, sectionKey: key, version: 1, content: json, authorId: actor.userId, note: input.copyFromId ? "从上年报告复制" : "新建" },
      });
    }
    await audit(tx, actor.userId, "report.create", { type: "report", id }, { scheme: row.code, copiedFrom: input.copyFromId });
  });
  return id;
}

/** A report with every section's content and version (sections never saved are absent). */
export async function loadReport(db: Db, actor: Actor, reportId: string) {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  const { contents, versions } = await loadSections(db, report.schemeDef, report.id);
  return { report, contents, versions };
}
