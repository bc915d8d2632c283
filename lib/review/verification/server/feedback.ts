import "server-only";
import { createLedgerItems } from "@/lib/review/ledger/server";
// The 督导反馈意见书: one per report and review level. A reviewer of the level composes it (pre-filled from their
// findings, the unmet indicators and the disputed 核定), saves drafts (optimistic concurrency on `version`) and sends
// it once: then the county's users are notified, the county may read it and that level's 核定, and both are frozen.
// A county user's first opening of a sent feedback is its read receipt (readAt, readBy), shown to the reviewer.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { getReportAccess, type ReportAccess } from "@/lib/auth/server/guards";
import { audit } from "@/lib/audit/server";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { ReviewLevel } from "@/lib/report/status";
import { parseOrThrow, z } from "@/lib/validation";
import { beijingParts } from "@/lib/dates";
import { countyUserIds, notify } from "@/lib/review/audit/server";
import { reviewLevelOf } from "@/lib/review/workflow";
import { ZFeedbackDraft, ZFeedbackRef, ZRequirement, type TFeedbackDraft, type TRequirement } from "@/lib/review/verification/schemas";
import { defaultDeadline, prefillFeedback, type FeedbackStatus, type FeedbackView, type VerificationRow } from "@/lib/review/verification/view";
import { reviewerReach } from "@/lib/review/verification/server/access";
import { findingsOf } from "@/lib/review/verification/server/findings";
import { verificationRows } from "@/lib/review/verification/server/verification";

type FeedbackRow = {
  id: string;
  level: string;
  version: number;
  status: string;
  achievements: string;
  problems: string;
  requirements: string;
  deadline: string | null;
  date: string | null;
  sentAt: Date | null;
  sentById: string | null;
  readAt: Date | null;
  readById: string | null;
};

const ZStoredRequirements = z.array(ZRequirement);

/** The stored 整改要求 list, decoded once; a corrupt row reads as an empty list rather than failing the page. */
export function decodeRequirements(json: string): TRequirement[] {
  try {
    const parsed = ZStoredRequirements.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function names(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((x): x is string => !!x);
  if (!wanted.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

async function view(db: Db, row: FeedbackRow): Promise<FeedbackView> {
  const who = await names(db, [row.sentById, row.readById]);
  return {
    id: row.id,
    level: row.level as ReviewLevel,
    version: row.version,
    status: row.status as FeedbackStatus,
    achievements: row.achievements,
    problems: row.problems,
    requirements: decodeRequirements(row.requirements),
    deadline: row.deadline,
    date: row.date,
    sentAt: row.sentAt?.toISOString() ?? null,
    sentBy: row.sentById ? (who.get(row.sentById) ?? null) : null,
    readAt: row.readAt?.toISOString() ?? null,
    readBy: row.readById ? (who.get(row.readById) ?? null) : null,
    prefilled: false,
  };
}

const todayIso = () => {
  const p = beijingParts();
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
};

/** The pre-filled draft of a level's feedback (nothing stored). */
export async function prefilledFeedback(db: Db, report: ReportAccess, level: ReviewLevel, rows?: VerificationRow[]): Promise<FeedbackView> {
  const [verification, findings] = await Promise.all([rows ?? verificationRows(db, report, level), findingsOf(db, report)]);
  const today = todayIso();
  const fill = prefillFeedback({ countyName: report.county.name, rows: verification, findings, deadline: defaultDeadline(today) });
  return { id: null, level, version: 0, status: "draft", ...fill, date: today, sentAt: null, sentBy: null, readAt: null, readBy: null, prefilled: true };
}

export type FeedbackPage = { feedback: FeedbackView | null; rows: VerificationRow[]; editable: boolean; reviewer: boolean; level: ReviewLevel | null };

/**
 * The feedback page. A reviewer gets their level's feedback (or its pre-filled draft) and that level's 核定; a county
 * user gets the latest sent feedback (or none) with its 核定, and opening it records the read receipt.
 */
export async function loadFeedback(db: Db, actor: Actor, reportId: string): Promise<FeedbackPage> {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  if (hasPermission(actor.role, "report:review")) {
    const level = reviewLevelOf(actor.role);
    if (!level) return { feedback: null, rows: [], editable: false, reviewer: true, level: null };
    const [row, rows] = await Promise.all([db.reportFeedback.findUnique({ where: { reportId_level: { reportId: report.id, level } } }), verificationRows(db, report, level)]);
    let editable = false;
    try {
      await reviewerReach(db, actor, report.id);
      editable = row?.status !== "sent";
    } catch {
      editable = false;
    }
    const feedback = row ? await view(db, row) : editable ? await prefilledFeedback(db, report, level, rows) : null;
    return { feedback, rows, editable, reviewer: true, level };
  }
  const sent = await db.reportFeedback.findMany({ where: { reportId: report.id, status: "sent" }, orderBy: { sentAt: "desc" }, take: 1 });
  const row = sent[0];
  if (!row) return { feedback: null, rows: [], editable: false, reviewer: false, level: null };
  if (!row.readAt) {
    // Only the first opening counts; a concurrent second one finds readAt set and changes nothing.
    await db.$transaction(async (tx) => {
      const marked = await tx.reportFeedback.updateMany({ where: { id: row.id, readAt: null }, data: { readAt: new Date(), readById: actor.userId } });
      if (marked.count) await audit(tx, actor.userId, "feedback.read", { type: "report", id: report.id }, { feedbackId: row.id, level: row.level });
    });
  }
  const fresh = (await db.reportFeedback.findUnique({ where: { id: row.id } }))!;
  return { feedback: await view(db, fresh), rows: await verificationRows(db, report, row.level as ReviewLevel), editable: false, reviewer: false, level: row.level as ReviewLevel };
}

/** Saves the draft; answers the new version. A stale `baseVersion` is a conflict, a sent feedback cannot change. */
export async function saveFeedbackDraft(db: Db, actor: Actor, raw: TFeedbackDraft): Promise<{ version: number }> {
  const input = parseOrThrow(ZFeedbackDraft, raw);
  const { report, level } = await reviewerReach(db, actor, input.reportId);
  const data = {
    achievements: input.achievements,
    problems: input.problems,
    requirements: JSON.stringify(input.requirements),
    deadline: input.deadline,
    date: input.date,
    updatedById: actor.userId,
  };
  return db.$transaction(async (tx) => {
    const current = await tx.reportFeedback.findUnique({ where: { reportId_level: { reportId: report.id, level } }, select: { id: true, version: true, status: true } });
    if (current?.status === "sent") throw conflict("督导反馈意见书已发送，不能再修改");
    if ((current?.version ?? 0) !== input.baseVersion) throw conflict("督导反馈意见书已被他人修改，请刷新页面后再编辑");
    let version: number;
    if (!current) {
      await tx.reportFeedback.create({ data: { id: randomUUID(), reportId: report.id, level, version: 1, ...data } });
      version = 1;
    } else {
      const moved = await tx.reportFeedback.updateMany({ where: { id: current.id, version: current.version, status: "draft" }, data: { ...data, version: current.version + 1 } });
      if (moved.count === 0) throw conflict("督导反馈意见书已被他人修改，请刷新页面后再编辑");
      version = current.version + 1;
    }
    await audit(tx, actor.userId, "feedback.save", { type: "report", id: report.id }, { level, version, requirements: input.requirements.length });
    return { version };
  });
}

/** Sends the saved feedback to the county: notified in the same transaction; from now on it and the 核定 are frozen. */
export async function sendFeedback(db: Db, actor: Actor, raw: unknown): Promise<{ sentAt: string }> {
  const input = parseOrThrow(ZFeedbackRef, raw);
  const { report, level } = await reviewerReach(db, actor, input.reportId);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const row = await tx.reportFeedback.findUnique({ where: { reportId_level: { reportId: report.id, level } } });
    if (!row) throw invalid("请先保存督导反馈意见书，再发送");
    if (row.status === "sent") throw conflict("督导反馈意见书已发送");
    const requirements = decodeRequirements(row.requirements);
    if (!row.problems.trim() && !requirements.length) throw invalid("督导反馈意见书还没有“存在问题”和“整改要求”，请填写后再发送");
    if (!row.deadline && requirements.length) throw invalid("请填写整改期限后再发送", { deadline: ["请填写整改期限"] });
    const moved = await tx.reportFeedback.updateMany({ where: { id: row.id, status: "draft", version: row.version }, data: { status: "sent", sentAt: now, sentById: actor.userId } });
    if (moved.count === 0) throw conflict("督导反馈意见书已被他人修改，请刷新页面后再试");
    await audit(tx, actor.userId, "feedback.send", { type: "report", id: report.id }, { level, feedbackId: row.id, requirements: requirements.length });
    // Each 整改要求 becomes an item of the county's 整改台账 in the same transaction (idempotent per feedback and
    // position), followed into next year's report as its checklist (docs/decisions/028-rectification-ledger.md).
    if (requirements.length) {
      await createLedgerItems(
        tx,
        {
          regionId: report.county.code,
          reportId: report.id,
          source: "feedback_requirement",
          sourceRef: row.id,
          items: requirements.map((r, index) => ({ ref: String(index + 1), text: r.text, deadline: r.deadline || row.deadline || undefined })),
        },
        actor.userId,
      );
    }
    await notify(tx, await countyUserIds(tx, report.county.code), {
      reportId: report.id,
      kind: "feedback",
      message: `${actor.region.name}向你县发送了${report.year}年督导反馈意见书${requirements.length ? `，共 ${requirements.length} 条整改要求，整改期限 ${row.deadline}` : ""}`,
    });
  });
  return { sentAt: now.toISOString() };
}

export type SentRequirement = TRequirement & {
  /** Position in the feedback's list, from 0: with feedbackId, a stable key for the ledger item made from it. */
  index: number;
  feedbackId: string;
  reportId: string;
  countyCode: string;
  year: number;
  level: ReviewLevel;
  sentAt: Date;
};

/**
 * A sent feedback's 整改要求 as discrete items, for the rectification ledger (issue 16 item 3) to turn each into a
 * ledger item. No actor: the ledger's own services check access; a draft or unknown feedback is "not found". Takes
 * a transaction client too, so the ledger can create its items in the send's transaction if it wants to.
 */
export async function sentFeedbackRequirements(db: Pick<Db, "reportFeedback">, feedbackId: string): Promise<SentRequirement[]> {
  const row = await db.reportFeedback.findUnique({ where: { id: feedbackId }, include: { report: { select: { countyCode: true, year: true } } } });
  if (!row || row.status !== "sent" || !row.sentAt) throw notFound("督导反馈意见书");
  const sentAt = row.sentAt;
  return decodeRequirements(row.requirements).map((r, index) => ({
    ...r,
    index,
    feedbackId: row.id,
    reportId: row.reportId,
    countyCode: row.report.countyCode,
    year: row.report.year,
    level: row.level as ReviewLevel,
    sentAt,
  }));
}


