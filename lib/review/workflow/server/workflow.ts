// The review workflow as a typed transitions table: 草稿/退回修改 → 已提交 (the county lead, after 提交前检查 and
// with every reviewer thread answered) → 退回修改 (a reviewer, with a reason) or → accepted by the pending level;
// with two levels (scheme.review.levels = ["city", "province"]) the city's acceptance hands the report to the
// province. Every transition re-checks the state inside its transaction with a conditional update (so two
// concurrent submits cannot both succeed), and writes its audit row and notifications in that same transaction.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import type { Permission, Role } from "@/lib/auth/roles";
import { hasPermission } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/server";
import { AppError, conflict, forbidden, invalid } from "@/lib/errors";
import { getReportAccess, type ReportAccess } from "@/lib/report/server/access";
import { reportState, type SectionContents } from "@/lib/report/precheck";
import type { SectionContent } from "@/lib/report/content";
import type { TScheme } from "@/lib/template/schema";
import { z, fieldErrorsOf, firstMessage } from "@/lib/validation";
import { countyUserIds, notify, reviewerIds } from "@/lib/review/audit/server/notifications";
import { REVIEW_LEVELS, type ReportStatus, type ReviewLevel } from "@/lib/report/status";
import { RETURN_REASON_MAX } from "@/lib/review/workflow/limits";

export const TRANSITIONS = {
  submit: { label: "提交审核", from: ["draft", "returned"], permission: "report:submit" },
  return: { label: "退回修改", from: ["submitted"], permission: "report:review" },
  accept: { label: "审核通过", from: ["submitted"], permission: "report:review" },
} as const satisfies Record<string, { label: string; from: readonly ReportStatus[]; permission: Permission }>;
export type Transition = keyof typeof TRANSITIONS;

export { RETURN_REASON_MAX };

const id = z.string({ error: "缺少报告" }).min(1, "缺少报告").max(64);
export const ZSubmit = z.object({ reportId: id });
export const ZReturn = z.object({
  reportId: id,
  reason: z
    .string({ error: "请填写退回理由" })
    .max(RETURN_REASON_MAX * 4, `退回理由过长：最多 ${RETURN_REASON_MAX} 字`)
    .transform((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(5, "请写明退回理由（至少 5 个字），让县区知道需要修改什么")
        .max(RETURN_REASON_MAX, `退回理由过长：最多 ${RETURN_REASON_MAX} 字`),
    ),
});
export const ZAccept = z.object({ reportId: id, note: z.string().max(RETURN_REASON_MAX, `意见过长：最多 ${RETURN_REASON_MAX} 字`).optional() });

const REVIEWER_LEVEL: Partial<Record<Role, ReviewLevel>> = { city_reviewer: "city", province_reviewer: "province" };
const LEVEL_ROLE = { city: "city_reviewer", province: "province_reviewer" } as const satisfies Record<ReviewLevel, Role>;

export function reviewLevelOf(role: Role): ReviewLevel | null {
  return REVIEWER_LEVEL[role] ?? null;
}

export function reviewLevels(scheme: TScheme): ReviewLevel[] {
  return scheme.review?.levels ?? ["city"];
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(firstMessage(parsed.error), fieldErrorsOf(parsed.error));
  return parsed.data;
}

type ReportRow = Pick<ReportAccess, "status" | "reviewStage">;

/** Why the actor may not take a transition now, or null when they may. The UI shows buttons from this; the
 *  services check it again (and the transaction re-checks the state). */
export function blockedReason(t: Transition, report: ReportRow, actor: Actor): string | null {
  const spec = TRANSITIONS[t];
  if (!hasPermission(actor.role, spec.permission)) return "您没有执行此操作的权限";
  if (!(spec.from as readonly string[]).includes(report.status)) {
    if (t === "submit") return report.status === "accepted" ? "报告已审核通过，不能再次提交" : "报告已提交，正在审核中";
    return report.status === "accepted" ? "报告已审核通过，不能再退回或通过" : "报告尚未提交，不能审核";
  }
  if (t !== "submit") {
    const level = reviewLevelOf(actor.role);
    if (level !== report.reviewStage) {
      const pending = report.reviewStage && report.reviewStage in REVIEW_LEVELS ? REVIEW_LEVELS[report.reviewStage as ReviewLevel] : "";
      return `该报告当前由${pending}督导审核`;
    }
  }
  return null;
}

export function availableTransitions(report: ReportRow, actor: Actor): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((t) => blockedReason(t, report, actor) === null);
}

function ensure(t: Transition, report: ReportRow, actor: Actor) {
  const reason = blockedReason(t, report, actor);
  if (!reason) return;
  if (reason === "您没有执行此操作的权限") throw forbidden(reason);
  throw conflict(reason);
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

async function loadContents(db: Db, reportId: string) {
  const rows = await db.reportSection.findMany({ where: { reportId }, select: { key: true, content: true, version: true } });
  const contents: SectionContents = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.content) as SectionContent]));
  return { contents, versions: Object.fromEntries(rows.map((r) => [r.key, r.version])) as Record<string, number> };
}

/** The county lead submits: 提交前检查 must have no blocking finding, every reviewer thread must be answered. */
export async function submitReport(db: Db, actor: Actor, raw: unknown): Promise<{ round: number }> {
  const input = parse(ZSubmit, raw);
  const report = await getReportAccess(db, actor, input.reportId, "report:submit");
  ensure("submit", report, actor);
  const { contents } = await loadContents(db, report.id);
  const state = reportState(report.schemeDef, contents, { prose: false });
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
  const input = parse(ZReturn, raw);
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
  const input = parse(ZAccept, raw);
  const report = await getReportAccess(db, actor, input.reportId, "report:review");
  ensure("accept", report, actor);
  const levels = reviewLevels(report.schemeDef);
  const next = levels[levels.indexOf(report.reviewStage as ReviewLevel) + 1] ?? null;
  const now = new Date();
  await db.$transaction(async (tx) => {
    const moved = await tx.report.updateMany({
      where: { id: report.id, status: "submitted", reviewStage: report.reviewStage, round: report.round },
      data: next ? { reviewStage: next } : { status: "accepted", reviewStage: null, acceptedAt: now },
    });
    if (moved.count === 0) throw changed();
    await audit(tx, actor.userId, "report.accept", { type: "report", id: report.id }, {
      round: report.round,
      stage: report.reviewStage,
      next,
      note: input.note?.trim() || undefined,
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

/** The latest return's reason, for the county's banner. */
export async function lastReturn(db: Db, reportId: string) {
  const row = await db.auditEvent.findFirst({
    where: { targetType: "report", targetId: reportId, action: "report.return" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!row) return null;
  const detail = row.detail ? (JSON.parse(row.detail) as { reason?: string; stage?: string }) : {};
  const actor = row.actorId ? await db.user.findUnique({ where: { id: row.actorId }, select: { name: true, region: { select: { name: true } } } }) : null;
  return { reason: detail.reason ?? "", at: row.createdAt.toISOString(), by: actor ? `${actor.region.name} ${actor.name}` : null };
}

/** What the report page's workflow strip shows to this actor (components/workflow/review-bar.tsx). */
export async function workflowView(db: Db, actor: Actor, report: ReportAccess) {
  const isCounty = hasPermission(actor.role, "report:submit") || hasPermission(actor.role, "report:edit");
  const level = reviewLevelOf(actor.role);
  const levels = reviewLevels(report.schemeDef);
  let submit: { allowed: boolean; blockers: string[] } | null = null;
  if (hasPermission(actor.role, "report:submit")) {
    const allowed = blockedReason("submit", report, actor) === null;
    const blockers: string[] = [];
    if (allowed) {
      if (report.problemCount > 0) blockers.push(`提交前检查还有 ${report.problemCount} 个问题未处理`);
      const unanswered = await unansweredThreads(db, report.id);
      if (unanswered.length) blockers.push(`还有 ${unanswered.length} 条督导意见未答复（在意见下选择“已修改”或“说明理由”）`);
    }
    submit = { allowed, blockers };
  }
  let review: { allowed: boolean; next: string | null; waiting: string | null } | null = null;
  if (level) {
    const allowed = blockedReason("accept", report, actor) === null;
    const nextLevel = levels[levels.indexOf(report.reviewStage as ReviewLevel) + 1];
    const waiting =
      report.status === "submitted" && !allowed && report.reviewStage
        ? `该报告当前由${REVIEW_LEVELS[report.reviewStage as ReviewLevel] ?? ""}督导审核${levels.includes(level) ? "" : "，您可以阅读和发表评论"}`
        : report.status === "draft"
          ? "县区尚未提交，您可以先阅读和发表评论"
          : null;
    review = { allowed, next: nextLevel ? REVIEW_LEVELS[nextLevel] : null, waiting };
  }
  const returned = report.status === "returned" && (isCounty || level) ? await lastReturn(db, report.id) : null;
  return {
    submit,
    review,
    lastReturn: returned,
    changesHref: report.round >= 2 ? `/reports/${report.id}/changes` : null,
    round: report.round,
    submittedAt: report.submittedAt?.toISOString() ?? null,
  };
}
