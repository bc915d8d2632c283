import "server-only";
// One comment applied to several counties (一条意见批量发给多个县区): a reviewer picks a section of a scheme and
// counties in reach; each of those counties' reports for that scheme gets its own thread on the section, in one
// transaction, with an audit row per report and a notification to each county's users. Counties come from the
// client only as a wish list: every one must be a county in the actor's reach, or the whole request is "not found".
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import { audit } from "@/lib/audit/server";
import { invalid, notFound } from "@/lib/errors";
import { sectionByKey, sectionsOf } from "@/lib/report/sections";
import { cachedScheme, listSchemes, schemeOf } from "@/lib/schemes/server/service";
import { parseOrThrow } from "@/lib/validation";
import { countPhraseUse } from "@/lib/review/comments/server/library";
import { commentMessage, notify } from "@/lib/review/audit/server";
import { ZApplyComment, applyResultMessage, type ApplyOptions, type ApplyResult, type TApplyComment } from "@/lib/review/comments/phrase-schemas";


type County = { code: string; name: string };

export async function applyComment(db: Db, actor: Actor, raw: TApplyComment): Promise<ApplyResult> {
  requirePermission(actor, "report:review");
  requirePermission(actor, "report:comment");
  const input = parseOrThrow(ZApplyComment, raw);
  const codes = [...new Set(input.countyCodes)];
  const counties = await db.region.findMany({ where: { AND: [countiesInScope(actor), { code: { in: codes } }] }, orderBy: { path: "asc" } });
  // One county out of reach (or not a county at all) refuses the whole request, without saying which.
  if (counties.length !== codes.length) throw notFound("所选县区");

  const latest = await db.scheme.findFirst({ where: { code: input.schemeCode }, orderBy: { version: "desc" } });
  if (!latest) throw notFound("评价方案");
  const def = sectionByKey(schemeOf(latest), input.sectionKey);
  if (!def) throw invalid("评价方案中没有这一部分", { sectionKey: ["评价方案中没有这一部分"] });

  const reports = await db.report.findMany({ where: { schemeCode: input.schemeCode, countyCode: { in: codes } }, select: { id: true, countyCode: true, schemeId: true } });
  const byCounty = new Map(reports.map((r) => [r.countyCode, r]));
  const targets: { county: (typeof counties)[number]; reportId: string; heading: string }[] = [];
  const noReport: County[] = [];
  const noSection: County[] = [];
  for (const county of counties) {
    const report = byCounty.get(county.code);
    if (!report) {
      noReport.push({ code: county.code, name: county.name });
      continue;
    }
    const own = sectionByKey(await cachedScheme(db, report.schemeId), def.key);
    if (own) targets.push({ county, reportId: report.id, heading: own.heading });
    else noSection.push({ code: county.code, name: county.name });
  }

  const commented: ApplyResult["commented"] = targets.map((t) => ({ code: t.county.code, name: t.county.name, reportId: t.reportId, commentId: randomUUID() }));
  if (commented.length) {
    await db.$transaction(async (tx) => {
      await tx.comment.createMany({
        data: commented.map((c) => ({ id: c.commentId, reportId: c.reportId, sectionKey: def.key, anchor: null, authorId: actor.userId, body: input.body })),
      });
      const users = await tx.user.findMany({
        where: { regionCode: { in: commented.map((c) => c.code) }, disabled: false, role: { in: ["county_editor", "county_lead"] } },
        select: { id: true, regionCode: true },
      });
      for (const [i, c] of commented.entries()) {
        await audit(tx, actor.userId, "comment.add", { type: "report", id: c.reportId }, { commentId: c.commentId, sectionKey: def.key, anchor: null, batch: commented.length });
        const to = users.filter((u) => u.regionCode === c.code && u.id !== actor.userId).map((u) => u.id);
        const message = commentMessage({ authorName: actor.name, countyName: c.name, heading: targets[i].heading, body: input.body, reply: false });
        await notify(tx, to, { reportId: c.reportId, sectionKey: def.key, kind: "comment", message });
      }
      await countPhraseUse(tx, actor, input.phraseId);
    });
  }
  return { commented, noReport, noSection, message: applyResultMessage({ commented, noReport, noSection }) };
}

/** What the batch form offers: the newest version of each scheme with its sections, and the counties in reach with
 *  the schemes they already have a report for. */
export async function applyOptions(db: Db, actor: Actor): Promise<ApplyOptions> {
  requirePermission(actor, "report:review");
  const [{ latest }, counties, reports] = await Promise.all([
    listSchemes(db),
    db.region.findMany({ where: countiesInScope(actor), orderBy: { path: "asc" }, select: { code: true, name: true, parent: { select: { name: true } } } }),
    db.report.findMany({ where: { county: countiesInScope(actor) }, select: { countyCode: true, schemeCode: true } }),
  ]);
  const has = new Map<string, string[]>();
  for (const r of reports) has.set(r.countyCode, [...(has.get(r.countyCode) ?? []), r.schemeCode]);
  return {
    schemes: latest.map((row) => ({ code: row.code, title: row.title, sections: sectionsOf(schemeOf(row)).map((s) => ({ key: s.key, heading: s.heading })) })),
    counties: counties.map((c) => ({ code: c.code, name: c.name, cityName: c.parent?.name ?? "", schemeCodes: has.get(c.code) ?? [] })),
  };
}
