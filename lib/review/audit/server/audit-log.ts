import "server-only";
// A report's audit log (操作记录): who did what to it and when, from the AuditEvent rows written with each change
// (targetType "report"). Same reach as reading the report. Each action has a Chinese label and its detail is
// spelt out (section headings, field labels, the start of a comment, a return's reason), never shown as JSON.
import type { Db } from "@/lib/db/connect";
import { auditActionLabel } from "@/lib/audit/actions";
import type { Actor } from "@/lib/auth/actor";
import { roleLabel } from "@/lib/auth/roles";
import { getReportAccess } from "@/lib/auth/server/guards";
import { sectionByKey } from "@/lib/report/sections";
import type { TScheme } from "@/lib/template/schema";
import { anchorLabel } from "@/lib/review/comments";
import { REVIEW_LEVELS } from "@/lib/report/status";

export const AUDIT_LOG_MAX = 500;

const ANSWERS: Record<string, string> = { changed: "已修改", explained: "说明理由" };

export type AuditDetail = { label: string; value: string };
export type AuditEntryView = {
  id: number;
  at: string;
  action: string;
  label: string;
  actor: { name: string; roleLabel: string; regionName: string } | null;
  details: AuditDetail[];
};

type CommentRef = { id: string; sectionKey: string; anchor: string | null; parentId: string | null; body: string };

const snippet = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
const level = (v: unknown) => (typeof v === "string" && v in REVIEW_LEVELS ? REVIEW_LEVELS[v as keyof typeof REVIEW_LEVELS] : String(v));

export function parseDetail(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { 内容: raw };
  } catch {
    return { 内容: raw };
  }
}

/** The detail of one event as label/value lines, in a fixed order; ids nobody can read are left out. */
export function describeDetail(action: string, detail: Record<string, unknown>, scheme: TScheme, comments: Map<string, CommentRef>): AuditDetail[] {
  const out: AuditDetail[] = [];
  const rest = { ...detail };
  const take = (key: string) => {
    const v = rest[key];
    delete rest[key];
    return v;
  };
  const commentId = take("commentId");
  const threadId = take("threadId");
  const comment = typeof commentId === "string" ? comments.get(commentId) : undefined;
  const root = comment?.parentId ? comments.get(comment.parentId) : typeof threadId === "string" ? comments.get(threadId) : comment;
  const sectionKey = take("sectionKey") ?? root?.sectionKey ?? comment?.sectionKey;
  const anchor = take("anchor") ?? root?.anchor ?? comment?.anchor;
  if (typeof sectionKey === "string") {
    const def = sectionByKey(scheme, sectionKey);
    out.push({ label: "部分", value: def?.heading ?? sectionKey });
    if (typeof anchor === "string" && anchor) out.push({ label: "字段", value: (def && anchorLabel(def, anchor)) ?? anchor });
  }
  if (comment && (action === "comment.add" || action === "comment.reply")) out.push({ label: "内容", value: snippet(comment.body) });
  else if (root && action !== "comment.add") out.push({ label: "讨论", value: snippet(root.body, 40) });
  const batch = take("batch");
  if (typeof batch === "number" && batch > 1) out.push({ label: "批量", value: `同一意见同时发给 ${batch} 个县区` });
  const answer = take("answer");
  if (answer !== undefined) out.push({ label: "答复", value: ANSWERS[String(answer)] ?? String(answer) });
  const round = take("round");
  if (typeof round === "number" && round > 0) out.push({ label: "轮次", value: `第 ${round} 次提交` });
  const stage = take("stage");
  if (stage) out.push({ label: action === "report.submit" ? "报送" : "审核级别", value: `${level(stage)}审核` });
  const next = take("next");
  if (action === "report.accept") out.push({ label: "结果", value: next ? `报送${level(next)}审核` : "全部审核完成" });
  const reason = take("reason");
  if (reason) out.push({ label: action === "report.reopen" ? "撤销理由" : "退回理由", value: String(reason) });
  const note = take("note");
  if (note) out.push({ label: "审核意见", value: String(note) });
  const fileName = take("fileName");
  take("evidenceId");
  if (fileName) out.push({ label: "文件", value: String(fileName) });
  const schemeCode = take("scheme");
  if (schemeCode) out.push({ label: "评价方案", value: schemeCode === scheme.code ? scheme.title : String(schemeCode) });
  const copiedFrom = take("copiedFrom");
  if (action === "report.create") out.push({ label: "来源", value: copiedFrom ? "复制往年报告" : "新建空白报告" });
  for (const [key, value] of Object.entries(rest)) {
    if (value === null || value === undefined || value === "") continue;
    out.push({ label: key, value: typeof value === "string" ? value : JSON.stringify(value) });
  }
  return out;
}

/** The report's audit log, newest first, with the report it belongs to. Outside the actor's reach the report is
 *  "not found". */
export async function listReportAudit(db: Db, actor: Actor, reportId: string) {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  const rows = await db.auditEvent.findMany({
    where: { targetType: "report", targetId: report.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_LOG_MAX,
  });
  const details = rows.map((r) => parseDetail(r.detail));
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const commentIds = new Set<string>();
  for (const d of details) for (const k of ["commentId", "threadId"]) if (typeof d[k] === "string") commentIds.add(d[k] as string);
  const [users, comments] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, role: true, region: { select: { name: true } } } }),
    // Only this report's comments: a forged id in a detail could not pull text from another report.
    db.comment.findMany({ where: { reportId: report.id, id: { in: [...commentIds] } }, select: { id: true, sectionKey: true, anchor: true, parentId: true, body: true } }),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const threads = new Map<string, CommentRef>(comments.map((c) => [c.id, c]));
  // Replies name their root, which may not be in the detail: fetch the missing roots once.
  const missing = [...new Set(comments.map((c) => c.parentId).filter((id): id is string => !!id && !threads.has(id)))];
  if (missing.length) {
    const roots = await db.comment.findMany({ where: { reportId: report.id, id: { in: missing } }, select: { id: true, sectionKey: true, anchor: true, parentId: true, body: true } });
    for (const c of roots) threads.set(c.id, c);
  }
  const entries = rows.map((r, i): AuditEntryView => {
    const user = r.actorId ? byId.get(r.actorId) : undefined;
    return {
      id: r.id,
      at: r.createdAt.toISOString(),
      action: r.action,
      label: auditActionLabel(r.action),
      actor: user ? { name: user.name, roleLabel: roleLabel(user.role), regionName: user.region.name } : null,
      details: describeDetail(r.action, details[i], report.schemeDef, threads),
    };
  });
  return { report: { id: report.id, countyName: report.county.name, year: report.year }, entries };
}
