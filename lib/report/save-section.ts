// Autosave of one section with optimistic concurrency. The client names the version it started from; the write
// happens only if that is still the current version, otherwise the caller gets the current text to show in a
// conflict dialog. Every accepted save is kept as a revision. All of it in one transaction whose first statement
// is a write, so SQLite takes the write lock up front and PostgreSQL locks the row.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { AppError, invalid, notFound } from "@/lib/errors";
import { EDITABLE_STATUSES } from "@/lib/review/status";
import { getReportAccess } from "@/lib/report/access";
import { SECTION_CONTENT, emptyContent, type SectionContent } from "@/lib/report/content";
import { sectionByKey, type SectionDef } from "@/lib/report/sections";
import { reportState, type SectionContents } from "@/lib/report/precheck";
import { valueErrors } from "@/lib/report/values";
import { fieldErrorsOf } from "@/lib/validation";
import { randomUUID } from "node:crypto";
import type { TScheme } from "@/lib/template/schema";

export type SaveInput = { reportId: string; key: string; baseVersion: number; content: unknown; restoredFrom?: number };
export type SaveOutcome =
  | { ok: true; version: number; savedAt: string; completeness: number }
  | { ok: false; conflict: { version: number; content: SectionContent; updatedBy: string | null; updatedAt: string } };

class StaleVersion extends Error {}

export function parseSectionContent(def: SectionDef, content: unknown): SectionContent {
  const parsed = SECTION_CONTENT[def.kind].safeParse(content);
  if (!parsed.success) throw invalid("内容有误，未保存：" + parsed.error.issues[0].message, fieldErrorsOf(parsed.error));
  if ("values" in parsed.data) {
    const errors = valueErrors(def.inputs, parsed.data.values);
    if (Object.keys(errors).length) throw invalid("数据有误，未保存：" + Object.values(errors)[0][0], errors);
  }
  return parsed.data;
}

export async function saveSection(db: Db, actor: Actor, input: SaveInput): Promise<SaveOutcome> {
  const report = await getReportAccess(db, actor, input.reportId, "report:edit");
  const def = sectionByKey(report.schemeDef, input.key);
  if (!def) throw notFound("章节");
  const content = parseSectionContent(def, input.content);
  const json = JSON.stringify(content);
  const now = new Date();
  try {
    const result = await db.$transaction(async (tx) => {
      const touched = await tx.report.updateMany({
        where: { id: report.id, status: { in: EDITABLE_STATUSES } },
        data: { lastEditedAt: now, lastEditedById: actor.userId },
      });
      if (touched.count === 0) throw new AppError("CONFLICT", "报告已提交或已审核通过，当前不能修改");
      const version = input.baseVersion + 1;
      const updated = await tx.reportSection.updateMany({
        where: { reportId: report.id, key: def.key, version: input.baseVersion },
        data: { content: json, version, updatedAt: now, updatedById: actor.userId },
      });
      if (updated.count === 0) {
        if (input.baseVersion !== 0) throw new StaleVersion();
        // First save of a section nobody has saved yet; a concurrent first save makes this insert fail as stale.
        await tx.reportSection
          .create({ data: { id: randomUUID(), reportId: report.id, key: def.key, content: json, version, updatedAt: now, updatedById: actor.userId } })
          .catch(() => {
            throw new StaleVersion();
          });
      }
      await tx.sectionRevision.create({
        data: {
          reportId: report.id,
          sectionKey: def.key,
          version,
          content: json,
          authorId: actor.userId,
          createdAt: now,
          note: input.restoredFrom ? `恢复自第 ${input.restoredFrom} 版` : null,
        },
      });
      return { version };
    });
    // Derived bookkeeping for the report list, outside the write transaction so that the lock is held only for
    // the three writes above. A concurrent save may recompute it again; the last one is as right as any.
    const completeness = await updateReportState(db, report.id, report.schemeDef);
    return { ok: true, version: result.version, savedAt: now.toISOString(), completeness };
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const current = await db.reportSection.findUnique({
      where: { reportId_key: { reportId: report.id, key: def.key } },
    });
    const author = current?.updatedById
      ? await db.user.findUnique({ where: { id: current.updatedById }, select: { name: true } })
      : null;
    return {
      ok: false,
      conflict: {
        version: current?.version ?? 0,
        content: current ? (JSON.parse(current.content) as SectionContent) : emptyContent[def.kind](),
        updatedBy: author?.name ?? null,
        updatedAt: (current?.updatedAt ?? now).toISOString(),
      },
    };
  }
}

async function updateReportState(db: Db, reportId: string, scheme: TScheme): Promise<number> {
  const rows = await db.reportSection.findMany({ where: { reportId }, select: { key: true, content: true } });
  const contents: SectionContents = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.content) as SectionContent]));
  const state = reportState(scheme, contents, { prose: false });
  await db.report.update({ where: { id: reportId }, data: { completeness: state.completeness, problemCount: state.errors } });
  return state.completeness;
}
