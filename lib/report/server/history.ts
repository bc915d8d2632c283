import "server-only";
// Versions: every accepted save is a revision; any of them can be viewed beside the current text and restored
// (restoring is itself a new save, so nothing is ever overwritten).
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { getReportAccess } from "@/lib/auth/server/guards";
import { sectionByKey } from "@/lib/report/sections";
import { decodeSection } from "@/lib/report/stored";
import { saveSection } from "@/lib/report/server/save-section";

export async function listRevisions(db: Db, actor: Actor, reportId: string, sectionKey?: string) {
  await getReportAccess(db, actor, reportId, "report:read");
  return db.sectionRevision.findMany({
    where: { reportId, ...(sectionKey ? { sectionKey } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, sectionKey: true, version: true, createdAt: true, note: true, author: { select: { name: true } } },
  });
}

export async function getRevisionWithCurrent(db: Db, actor: Actor, reportId: string, revisionId: number) {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  const revision = await db.sectionRevision.findFirst({
    where: { id: revisionId, reportId },
    include: { author: { select: { name: true } } },
  });
  if (!revision) throw notFound("历史版本");
  const current = await db.reportSection.findUnique({ where: { reportId_key: { reportId, key: revision.sectionKey } } });
  const def = sectionByKey(report.schemeDef, revision.sectionKey);
  if (!def) throw notFound("章节");
  return {
    report,
    revision: { ...revision, content: decodeSection(def, revision.content, `第 ${revision.version} 版`) },
    current: current ? { version: current.version, content: decodeSection(def, current.content) } : null,
  };
}

export async function restoreRevision(db: Db, actor: Actor, reportId: string, revisionId: number) {
  const { revision, current } = await getRevisionWithCurrent(db, actor, reportId, revisionId);
  return saveSection(db, actor, {
    reportId,
    key: revision.sectionKey,
    baseVersion: current?.version ?? 0,
    content: revision.content,
    restoredFrom: revision.version,
  });
}
