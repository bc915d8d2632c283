// The review workflow's rules, shared by the browser (which buttons the strip offers) and the server (which
// transitions a service allows): the typed transitions table, who reviews at which level, the inputs' schemas, and
// why a transition is blocked now — with the error code the server answers it with.
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission, type Role } from "@/lib/auth/roles";
import type { ErrorCode } from "@/lib/errors";
import { REVIEW_LEVELS, type ReportStatus, type ReviewLevel } from "@/lib/report/status";
import type { TScheme } from "@/lib/template/schema";
import { z } from "@/lib/validation";
import { RETURN_REASON_MAX } from "@/lib/review/workflow/limits";

export const TRANSITIONS = {
  submit: { label: "提交审核", from: ["draft", "returned"], permission: "report:submit" },
  return: { label: "退回修改", from: ["submitted"], permission: "report:review" },
  accept: { label: "审核通过", from: ["submitted"], permission: "report:review" },
  /** An accepted report sent back by the level whose acceptance made it final, with a reason (issue 16). */
  reopen: { label: "撤销通过", from: ["accepted"], permission: "report:review" },
} as const satisfies Record<string, { label: string; from: readonly ReportStatus[]; permission: Permission }>;
export type Transition = keyof typeof TRANSITIONS;

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
/** Reopening an accepted report asks for a reason like a return. */
export const ZReopen = ZReturn;
export const ZAccept = z.object({
  reportId: id,
  note: z.string().max(RETURN_REASON_MAX, `意见过长：最多 ${RETURN_REASON_MAX} 字`).optional(),
  /** The county's unanswered questions the reviewer was shown and accepts anyway (their thread ids). */
  acknowledgedQuestions: z.array(z.string().max(64)).max(1000).optional(),
});

const REVIEWER_LEVEL: Partial<Record<Role, ReviewLevel>> = { city_reviewer: "city", province_reviewer: "province" };
export const LEVEL_ROLE = { city: "city_reviewer", province: "province_reviewer" } as const satisfies Record<ReviewLevel, Role>;

export function reviewLevelOf(role: Role): ReviewLevel | null {
  return REVIEWER_LEVEL[role] ?? null;
}

export function reviewLevels(scheme: TScheme): ReviewLevel[] {
  return scheme.review?.levels ?? ["city"];
}


/** `finalLevel`: the scheme's last review level, whose acceptance makes a report final (needed for reopen only). */
export type WorkflowReport = { status: string; reviewStage: string | null; finalLevel?: ReviewLevel | null };

/** A transition the actor may not take now: what to tell them, and the error code the server answers with. */
export type Blocked = { code: Extract<ErrorCode, "FORBIDDEN" | "CONFLICT">; message: string };

/** Why the actor may not take a transition now, or null when they may. The UI shows buttons from this; the
 *  services check it again (and the transaction re-checks the state). */
export function blockedBy(t: Transition, report: WorkflowReport, actor: Actor): Blocked | null {
  const spec = TRANSITIONS[t];
  const inState = (message: string): Blocked => ({ code: "CONFLICT", message });
  if (!hasPermission(actor.role, spec.permission)) return { code: "FORBIDDEN", message: "您没有执行此操作的权限" };
  if (!(spec.from as readonly string[]).includes(report.status)) {
    if (t === "submit") return inState(report.status === "accepted" ? "报告已审核通过，不能再次提交" : "报告已提交，正在审核中");
    if (t === "reopen") return inState("报告尚未审核通过，无需撤销");
    return inState(report.status === "accepted" ? "报告已审核通过，不能再退回或通过" : "报告尚未提交，不能审核");
  }
  if (t === "reopen") {
    const final = report.finalLevel ?? null;
    if (!final || reviewLevelOf(actor.role) !== final) return { code: "FORBIDDEN", message: `只有作出最终审核通过的${final ? REVIEW_LEVELS[final] : ""}督导可以撤销通过` };
    return null;
  }
  if (t !== "submit") {
    const level = reviewLevelOf(actor.role);
    if (level !== report.reviewStage) {
      const pending = report.reviewStage && report.reviewStage in REVIEW_LEVELS ? REVIEW_LEVELS[report.reviewStage as ReviewLevel] : "";
      return inState(`该报告当前由${pending}督导审核`);
    }
  }
  return null;
}
