import "server-only";
// The review workflow as a typed transitions table: 草稿/退回修改 → 已提交 (the county lead, after 提交前检查 and
// with every reviewer thread answered) → 退回修改 (a reviewer, with a reason) or → accepted by the pending level;
// with two levels (scheme.review.levels = ["city", "province"]) the city's acceptance hands the report to the
// province. Every transition re-checks the state inside its transaction with a conditional update (so two
// concurrent submits cannot both succeed), and writes its audit row and notifications in that same transaction.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/server";
import { AppError, conflict } from "@/lib/errors";
import { getReportAccess, type ReportAccess } from "@/lib/auth/server/guards";
import { reportState } from "@/lib/report/precheck";
import { loadSections } from "@/lib/report/server/repository";
import { decodeReviews } from "@/lib/report/explanations";
import { parseOrThrow } from "@/lib/validation";
import { sectionByKey } from "@/lib/report/sections";
import { isReviewerRole } from "@/lib/review/comments";
import { countyUserIds, notify, reviewerIds } from "@/lib/review/audit/server";
import { ledgerFindings } from "@/lib/review/ledger";
import { carriedFor, ledgerFromProblems } from "@/lib/review/ledger/server";
import { REVIEW_LEVELS, type ReportStatus, type ReviewLevel } from "@/lib/report/status";
import {
  LEVEL_ROLE,
  TRANSITIONS,
  ZAccept,
  ZReopen,
  ZReturn,
  ZSubmit,
  blockedBy,
  reviewLevelOf,
  reviewLevels,
  type Transition,
  type WorkflowReport,
} from "@/lib/review/workflow/transitions";

function ensure(t: Transition, report: WorkflowReport, actor: Actor) {
  const blocked = blockedBy(t, report, actor);
  if (blocked) throw new AppError(blocked.code, blocked.message);
}

const changed = () => conflict("报告状态已被他人更改，请刷新页面后再试");

/** Threads a reviewer started that are still open and that the county has not answered. */
export async function unansweredThreads(db: Db, reportId: string) {
  return db.comment.findMany({
    where: { reportId, parentId: null, status: "open", answer: null, author: { role: { in: ["city_reviewer", "province_reviewer"] } } },
    select: { id: true, sectionKey: true, body: true },
    orderBy: { createdAt: "asc" },
  });
}

export type CountyQuestion = { id: string; sectionKey: string; heading: string; body: string; author: string; askedAt: string };

/**
 * The county's own open questions that no reviewer has answered yet: threads a county user started, still open,
 * whose latest post is the county's (no reply at all, or the county asked again after a reviewer's reply). A
 * reviewer sees them before accepting (the accept dialog lists them) and must acknowledge exactly these.
 */
export async function unansweredQuestions(db: Db, report: Pick<ReportAccess, "id" | "schemeDef">): Promise<CountyQuestion[]> {
  const roots = await db.comment.findMany({
    where: { reportId: report.id, parentId: null, status: "open", author: { role: { in: ["county_editor", "county_lead"] } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      sectionKey: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      replies: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { author: { select: { role: true } } } },
    },
  });
  return roots
    .filter((r) => !r.replies[0] || !isReviewerRole(r.replies[0].author.role))
    .map((r) => ({
      id: r.id,
      sectionKey: r.sectionKey,
      heading: sectionByKey(report.schemeDef, r.sectionKey)?.heading ?? r.sectionKey,
      body: r.body,
      author: r.author.name,
      askedAt: r.createdAt.toISOString(),
    }));
}

/** The county lead submits: 提交前检查 must have no blocking finding, every reviewer thread must be answered. */
export async function submitReport(db: Db, actor: Actor, raw: unknown): Promise<{ round: number }> {
  const input = parseOrThrow(ZSubmit, raw);
  const report = await getReportAccess(db, actor, input.reportId, "report:submit");
  ensure("submit", report, actor);
  const { contents } = await loadSections(db, report.schemeDef, report.id);
  // A blocker answered with a 情况说明 no longer blocks, unless a reviewer rejected that very explanation.
  // Last year's 整改事项 are part of the check: each closed with evidence or explained (lib/review/ledger).
  const external = ledgerFindings(await carriedFor(db, report));
  const state = reportState(report.schemeDef, contents, { prose: false, reviews: decodeReviews(report.explanationReviews), external });
  if (state.errors > 0) {
    throw new AppError("INVALID_INPUT", `提交前检查还有 ${state.errors} 个问题未处理，请先在“提交前检查”中逐项修改后再提交`);
  }
  const unanswered = await unansweredThreads(db, report.id);
  if (unanswered.length > 0) {
    throw new AppError("INVALID_INPUT", `还有 ${unanswered.length} 条督导意见未答复：请在每条意见下选择“已修改”或“说明理由”后再提交`);
  }
  const stage = reviewLevels(report.schemeDef)[0];
  const round = report.round + 1;
  const now = new Date();
  await db.$transaction(async (tx) => {
    const moved = await tx.report.updateMany({
      where: { id: report.id, status: { in: [...TRANSITIONS.submit.from] }, round: report.round },
      data: { status: "submitted", reviewStage: stage, submittedAt: now, round },
    });
    if (moved.count === 0) throw changed();
    // Read inside the transaction, after the write lock: these are exactly the versions being submitted.
    const sections = await tx.reportSection.findMany({ where: { reportId: report.id }, select: { key: true, version: true } });
    await tx.reportSubmission.create({
      data: {
        id: randomUUID(),
        reportId: report.id,
        round,
        sectionVersions: JSON.stringify(Object.fromEntries(sections.map((s) => [s.key, s.version]))),
        submittedById: actor.userId,
        submittedAt: now,
      },
    });
    await audit(tx, actor.userId, "report.submit", { type: "report", id: report.id }, { round, stage });
    const to = await reviewerIds(tx, LEVEL_ROLE[stage], report.county.path, actor.userId);
    const again = round > 1 ? `（第 ${round} 次提交）` : "";
    await notify(tx, to, { reportId: report.id, kind: "submitted", message: `${report.county.name}提交了${report.year}年自评报告${again}，请审核` });
  });
  return { round };
}

/** A reviewer of the pending level sends the report back with a reason. */
export async function returnReport(db: Db, actor: Actor, raw: unknown): Promise<void> {
  const input = parseOrThrow(ZReturn, raw);
  const report = await getReportAccess(db, actor, input.reportId, "report:review");
  ensure("return", report, actor);
  await db.$transaction(async (tx) => {
    const moved = await tx.report.updateMany({
      where: { id: report.id, status: "submitted", reviewStage: report.reviewStage, round: report.round },
      data: { status: "returned", reviewStage: null },
    });
    if (moved.count === 0) throw changed();
    await audit(tx, actor.userId, "report.return", { type: "report", id: report.id }, { round: report.round, stage: report.reviewStage, reason: input.reason });
    await notify(tx, await countyUserIds(tx, report.county.code), {
      reportId: report.id,
      kind: "returned",
      message: `${actor.region.name}退回了${report.year}年自评报告：${input.reason}`,
    });
  });
}

/** A reviewer of the pending level accepts: the next level takes over, or the report is 审核通过. */
export async function acceptReport(db: Db, actor: Actor, raw: unknown): Promise<{ status: ReportStatus; reviewStage: ReviewLevel | null }> {
  const input = parseOrThrow(ZAccept, raw);
  const report = await getReportAccess(db, actor, input.reportId, "report:review");
  ensure("accept", report, actor);
  // The county's unanswered questions do not block acceptance, but the reviewer must have seen them: accepting
  // acknowledges exactly the questions the dialog listed, and a question asked since then asks again.
  const questions = await unansweredQuestions(db, report);
  const acknowledged = new Set(input.acknowledgedQuestions ?? []);
  if (questions.some((q) => !acknowledged.has(q.id))) {
    throw conflict(`县区还有 ${questions.length} 条提问未答复，请先查看（可在各部分的评论中回复）；确认仍要通过，请在“审核通过”对话框中确认`);
  }
  const levels = reviewLevels(report.schemeDef);
  const next = levels[levels.indexOf(report.reviewStage as ReviewLevel) + 1] ?? null;
  const now = new Date();
  // The final acceptance turns the county's 存在问题 into ledger items (decision 028), in the same transaction.
  const contents = next ? null : (await loadSections(db, report.schemeDef, report.id)).contents;
  await db.$transaction(async (tx) => {
    const moved = await tx.report.updateMany({
      where: { id: report.id, status: "submitted", reviewStage: report.reviewStage, round: report.round },
      data: next ? { reviewStage: next } : { status: "accepted", reviewStage: null, acceptedAt: now },
    });
    if (moved.count === 0) throw changed();
    if (contents) await ledgerFromProblems(tx, { id: report.id, countyCode: report.county.code, schemeDef: report.schemeDef }, contents, actor.userId);
    await audit(tx, actor.userId, "report.accept", { type: "report", id: report.id }, {
      round: report.round,
      stage: report.reviewStage,
      next,
      note: input.note?.trim() || undefined,
      unansweredQuestions: questions.length || undefined,
    });
    const county = await countyUserIds(tx, report.county.code);
    if (next) {
      const level = REVIEW_LEVELS[report.reviewStage as ReviewLevel];
      await notify(tx, county, { reportId: report.id, kind: "accepted", message: `${level}督导已审核通过${report.year}年自评报告，已报送${REVIEW_LEVELS[next]}审核` });
      await notify(tx, await reviewerIds(tx, LEVEL_ROLE[next], report.county.path, actor.userId), {
        reportId: report.id,
        kind: "submitted",
        message: `${report.county.name}${report.year}年自评报告已通过${level}审核，请${REVIEW_LEVELS[next]}审核`,
      });
    } else {
      await notify(tx, county, { reportId: report.id, kind: "accepted", message: `${report.year}年自评报告已审核通过` });
    }
  });
  return next ? { status: "submitted", reviewStage: next } : { status: "accepted", reviewStage: null };
}

/** The level whose acceptance made the report final reopens it with a reason: back to 退回修改 for the county, audited,
 *  the county (and, with two levels, the first level's reviewers) told why. */
export async function reopenReport(db: Db, actor: Actor, raw: unknown): Promise<void> {
  const input = parseOrThrow(ZReopen, raw);
  const report = await getReportAccess(db, actor, input.reportId, "report:review");
  const levels = reviewLevels(report.schemeDef);
  const finalLevel = levels.at(-1) ?? null;
  ensure("reopen", { ...report, finalLevel }, actor);
  await db.$transaction(async (tx) => {
    const moved = await tx.report.updateMany({
      where: { id: report.id, status: "accepted", round: report.round },
      data: { status: "returned", reviewStage: null, acceptedAt: null },
    });
    if (moved.count === 0) throw changed();
    await audit(tx, actor.userId, "report.reopen", { type: "report", id: report.id }, { round: report.round, stage: finalLevel, reason: input.reason });
    const message = `${actor.region.name}撤销了${report.year}年自评报告的审核通过，退回修改：${input.reason}`;
    await notify(tx, await countyUserIds(tx, report.county.code), { reportId: report.id, kind: "returned", message });
    if (levels.length > 1) {
      await notify(tx, await reviewerIds(tx, LEVEL_ROLE[levels[0]], report.county.path, actor.userId), { reportId: report.id, kind: "returned", message: `${report.county.name}：${message}` });
    }
  });
}

/** The latest return's reason, for the county's banner (`reopened`: it was an accepted report taken back). */
export async function lastReturn(db: Db, reportId: string) {
  const row = await db.auditEvent.findFirst({
    where: { targetType: "report", targetId: reportId, action: { in: ["report.return", "report.reopen"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!row) return null;
  const detail = row.detail ? (JSON.parse(row.detail) as { reason?: string; stage?: string }) : {};
  const actor = row.actorId ? await db.user.findUnique({ where: { id: row.actorId }, select: { name: true, region: { select: { name: true } } } }) : null;
  return { reason: detail.reason ?? "", at: row.createdAt.toISOString(), by: actor ? `${actor.region.name} ${actor.name}` : null, reopened: row.action === "report.reopen" };
}

/** Who does what, said to the person looking: a county editor learns that the 县级审核员 submits, the lead that
 *  submitting is theirs, a reviewer what their decision covers. */
function roleHint(actor: Actor, report: ReportAccess, reviewing: boolean): string | null {
  const editable = report.status === "draft" || report.status === "returned";
  if (hasPermission(actor.role, "report:submit")) {
    return editable ? "您是县级审核员，负责提交本县报告：“提交前检查”没有必须处理的项目、督导意见均已答复后，点击“提交审核”。" : null;
  }
  if (hasPermission(actor.role, "report:edit")) {
    return editable
      ? "您是县级填报员：填写和修改报告；提交审核由本县县级审核员完成。写完后请在“提交前检查”中确认没有必须处理的项目，再告知县级审核员提交。"
      : null;
  }
  if (reviewing) return "本报告待您审核：可在各部分逐项接受或不接受县区的情况说明，发表评论，然后审核通过或退回修改（退回须写明理由）。";
  return null;
}

/** What the report page's workflow strip shows to this actor (components/review/review-bar.tsx). */
export async function workflowView(db: Db, actor: Actor, report: ReportAccess) {
  const isCounty = hasPermission(actor.role, "report:submit") || hasPermission(actor.role, "report:edit");
  const level = reviewLevelOf(actor.role);
  const levels = reviewLevels(report.schemeDef);
  let submit: { allowed: boolean; blockers: string[] } | null = null;
  if (hasPermission(actor.role, "report:submit")) {
    const allowed = blockedBy("submit", report, actor) === null;
    const blockers: string[] = [];
    if (allowed) {
      if (report.problemCount > 0) blockers.push(`提交前检查还有 ${report.problemCount} 个问题未处理`);
      const ledger = ledgerFindings(await carriedFor(db, report)).length;
      if (ledger) blockers.push(`还有 ${ledger} 项上年整改事项未完成或说明（在“上年整改事项”中逐项处理）`);
      const unanswered = await unansweredThreads(db, report.id);
      if (unanswered.length) blockers.push(`还有 ${unanswered.length} 条督导意见未答复（在意见下选择“已修改”或“说明理由”）`);
    }
    submit = { allowed, blockers };
  }
  let review: { allowed: boolean; next: string | null; waiting: string | null; questions: CountyQuestion[]; reopen: boolean } | null = null;
  if (level) {
    const allowed = blockedBy("accept", report, actor) === null;
    const nextLevel = levels[levels.indexOf(report.reviewStage as ReviewLevel) + 1];
    const waiting =
      report.status === "submitted" && !allowed && report.reviewStage
        ? `该报告当前由${REVIEW_LEVELS[report.reviewStage as ReviewLevel] ?? ""}督导审核${levels.includes(level) ? "" : "，您可以阅读和发表评论"}`
        : report.status === "draft"
          ? "县区尚未提交，您可以先阅读和发表评论"
          : null;
    review = {
      allowed,
      next: nextLevel ? REVIEW_LEVELS[nextLevel] : null,
      waiting,
      questions: allowed ? await unansweredQuestions(db, report) : [],
      reopen: blockedBy("reopen", { ...report, finalLevel: levels.at(-1) ?? null }, actor) === null,
    };
  }
  const returned = report.status === "returned" && (isCounty || level) ? await lastReturn(db, report.id) : null;
  return {
    submit,
    review,
    hint: roleHint(actor, report, review?.allowed ?? false),
    lastReturn: returned,
    changesHref: report.round >= 2 ? `/reports/${report.id}/changes` : null,
    round: report.round,
    submittedAt: report.submittedAt?.toISOString() ?? null,
  };
}
