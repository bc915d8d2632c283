import "server-only";
// 核定: per indicator and per scored item, a reviewer level agrees with the county's figure or records a 核定值 /
// 核定得分 with a reason and an evidence reference. Stored in ReportVerification, never in the county's sections.
// Reviewers read every level's 核定; the county reads a level's only once that level's feedback is sent (the
// rule: countyMaySee). A level's 核定 is frozen once its feedback is sent.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { getReportAccess, type ReportAccess } from "@/lib/auth/server/guards";
import { audit } from "@/lib/audit/server";
import { conflict, invalid } from "@/lib/errors";
import { loadSections } from "@/lib/report/server/repository";
import { REVIEW_LEVELS, type ReviewLevel } from "@/lib/report/status";
import { parseOrThrow } from "@/lib/validation";
import { itemId, verifiableItems, type VerifiableItem } from "@/lib/review/verification/items";
import { ZSaveVerifications, type TSaveVerifications, type Verdict } from "@/lib/review/verification/schemas";
import { countyMaySee, type FeedbackStatus, type VerificationRecord, type VerificationRow } from "@/lib/review/verification/view";
import { reviewerReach } from "@/lib/review/verification/server/access";
import { reviewLevelOf } from "@/lib/review/workflow";

export type VerificationPage = {
  rows: VerificationRow[];
  /** The level whose 核定 the rows show. */
  level: ReviewLevel | null;
  /** The actor may change them now. */
  editable: boolean;
  /** For the county: whether the 核定 is visible yet (the feedback was sent). */
  visible: boolean;
  evidence: { id: string; fileName: string; criterionCode: string }[];
};

type Row = {
  level: string;
  itemKind: string;
  itemKey: string;
  verdict: string;
  value: string | null;
  score: string | null;
  reason: string | null;
  evidenceId: string | null;
  evidenceNote: string | null;
  updatedAt: Date;
  verifiedBy: { name: string } | null;
};

function record(row: Row, files: Map<string, string>): VerificationRecord {
  return {
    level: row.level as ReviewLevel,
    kind: row.itemKind as VerificationRecord["kind"],
    key: row.itemKey,
    verdict: row.verdict as Verdict,
    value: row.value,
    score: row.score,
    reason: row.reason,
    evidence: row.evidenceId && files.has(row.evidenceId) ? { id: row.evidenceId, fileName: files.get(row.evidenceId)! } : null,
    evidenceNote: row.evidenceNote,
    verifiedBy: row.verifiedBy?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function feedbackStatus(db: Db, reportId: string, level: ReviewLevel): Promise<FeedbackStatus | null> {
  const f = await db.reportFeedback.findUnique({ where: { reportId_level: { reportId, level } }, select: { status: true } });
  return (f?.status as FeedbackStatus | undefined) ?? null;
}

/** The items of a report joined with one level's 核定 (no access check: callers have done it). */
export async function verificationRows(db: Db, report: ReportAccess, level: ReviewLevel): Promise<VerificationRow[]> {
  const [{ contents }, rows, files] = await Promise.all([
    loadSections(db, report.schemeDef, report.id),
    db.reportVerification.findMany({ where: { reportId: report.id, level }, include: { verifiedBy: { select: { name: true } } } }),
    db.evidence.findMany({ where: { reportId: report.id }, select: { id: true, fileName: true } }),
  ]);
  const names = new Map(files.map((f) => [f.id, f.fileName]));
  const by = new Map(rows.map((r) => [itemId(r.itemKind as VerifiableItem["kind"], r.itemKey), record(r, names)]));
  return verifiableItems(report.schemeDef, contents).map((item) => ({ ...item, record: by.get(itemId(item.kind, item.key)) ?? null }));
}

/** The levels whose feedback has been sent, latest level first (what a county may read). */
async function sentLevels(db: Db, reportId: string): Promise<ReviewLevel[]> {
  const sent = await db.reportFeedback.findMany({ where: { reportId, status: "sent" }, select: { level: true } });
  const levels = sent.map((s) => s.level as ReviewLevel);
  return (["province", "city"] as const).filter((l) => levels.includes(l));
}

/**
 * The verification page. A reviewer sees their own level's 核定 (a reviewer of a level the scheme lacks, none);
 * anyone else in reach (the county) sees the 核定 of the latest level whose feedback was sent, or nothing yet.
 */
export async function loadVerification(db: Db, actor: Actor, reportId: string, options: { level?: ReviewLevel } = {}): Promise<VerificationPage> {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  const evidence = await db.evidence.findMany({ where: { reportId: report.id }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, criterionCode: true } });
  if (hasPermission(actor.role, "report:review")) {
    const own = reviewLevelOf(actor.role) ?? "city";
    const level = options.level ?? own;
    const rows = await verificationRows(db, report, level);
    const status = await feedbackStatus(db, report.id, level);
    let editable = false;
    if (level === own) {
      try {
        await reviewerReach(db, actor, report.id);
        editable = status !== "sent";
      } catch {
        editable = false;
      }
    }
    return { rows, level, editable, visible: true, evidence };
  }
  const [level] = await sentLevels(db, report.id);
  if (!level || !countyMaySee("sent")) return { rows: [], level: null, editable: false, visible: false, evidence };
  return { rows: await verificationRows(db, report, level), level, editable: false, visible: true, evidence };
}

/** Saves one or several items' 核定 (agree / dispute / clear) for the actor's level. */
export async function saveVerifications(db: Db, actor: Actor, raw: TSaveVerifications): Promise<{ saved: number }> {
  const input = parseOrThrow(ZSaveVerifications, raw);
  const { report, level } = await reviewerReach(db, actor, input.reportId);
  const { contents } = await loadSections(db, report.schemeDef, report.id);
  const items = new Map(verifiableItems(report.schemeDef, contents).map((i) => [itemId(i.kind, i.key), i]));
  const files = new Set((await db.evidence.findMany({ where: { reportId: report.id }, select: { id: true } })).map((e) => e.id));
  for (const [n, it] of input.items.entries()) {
    const item = items.get(itemId(it.kind, it.key));
    if (!item) throw invalid(`第 ${n + 1} 项不是该报告的指标或计分项目`);
    if (it.evidenceId && !files.has(it.evidenceId)) throw invalid("所选佐证材料不属于该报告", { evidenceId: ["所选佐证材料不属于该报告"] });
    if (it.kind === "score" && it.verdict === "dispute" && Number(it.score) > (item.max ?? 0)) {
      throw invalid(`核定得分不能超过该项满分 ${item.max} 分`, { score: [`核定得分不能超过该项满分 ${item.max} 分`] });
    }
  }
  await db.$transaction(async (tx) => {
    // Inside the transaction: a feedback sent meanwhile freezes this level's 核定.
    const sent = await tx.reportFeedback.findFirst({ where: { reportId: report.id, level, status: "sent" }, select: { id: true } });
    if (sent) throw conflict(`${REVIEW_LEVELS[level]}督导反馈意见书已发送，核定结果不能再修改`);
    for (const it of input.items) {
      const where = { reportId_level_itemKind_itemKey: { reportId: report.id, level, itemKind: it.kind, itemKey: it.key } };
      if (it.verdict === "clear") {
        await tx.reportVerification.deleteMany({ where: { reportId: report.id, level, itemKind: it.kind, itemKey: it.key } });
        continue;
      }
      const dispute = it.verdict === "dispute";
      const data = {
        verdict: it.verdict,
        value: dispute && it.kind === "indicator" ? it.value! : null,
        score: dispute && it.kind === "score" ? it.score! : null,
        reason: it.reason || null,
        evidenceId: it.evidenceId || null,
        evidenceNote: it.evidenceNote || null,
        verifiedById: actor.userId,
      };
      await tx.reportVerification.upsert({ where, create: { id: randomUUID(), reportId: report.id, level, itemKind: it.kind, itemKey: it.key, ...data }, update: data });
    }
    await audit(tx, actor.userId, "verification.save", { type: "report", id: report.id }, {
      level,
      items: input.items.slice(0, 50).map((i) => ({ kind: i.kind, key: i.key, verdict: i.verdict })),
      count: input.items.length,
    });
  });
  return { saved: input.items.length };
}

/** Disputed items per report, for the dashboard: only reports in the actor's reach are passed in. */
export async function disputeCounts(db: Db, reportIds: string[]): Promise<Map<string, number>> {
  if (!reportIds.length) return new Map();
  const rows = await db.reportVerification.groupBy({ by: ["reportId"], where: { reportId: { in: reportIds }, verdict: "dispute" }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.reportId, r._count._all]));
}
