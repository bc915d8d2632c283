import "server-only";
// What the editor polls to notice that someone else saved the section it has open: the current version, who saved
// it and when — and, when asked, the content itself (for 查看 / 合并). One indexed read; the content is decoded only
// when it is wanted.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { getReportAccess } from "@/lib/auth/server/guards";
import type { SectionContent } from "@/lib/report/content";
import { sectionByKey } from "@/lib/report/sections";
import { decodeSection } from "@/lib/report/stored";

export type SectionHead = { version: number; updatedBy: string | null; updatedAt: string | null; content?: SectionContent };

export async function sectionHead(db: Db, actor: Actor, reportId: string, key: string, withContent: boolean): Promise<SectionHead> {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  const def = sectionByKey(report.schemeDef, key);
  if (!def) throw notFound("章节");
  const row = await db.reportSection.findUnique({
    where: { reportId_key: { reportId: report.id, key: def.key } },
    select: { version: true, updatedAt: true, updatedById: true, ...(withContent ? { content: true } : {}) },
  });
  if (!row) return { version: 0, updatedBy: null, updatedAt: null };
  const author = row.updatedById ? await db.user.findUnique({ where: { id: row.updatedById }, select: { name: true } }) : null;
  return {
    version: row.version,
    updatedBy: author?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
    ...(withContent && "content" in row && typeof row.content === "string" ? { content: decodeSection(def, row.content) } : {}),
  };
}
