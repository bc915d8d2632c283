import "server-only";
// The reviewer's "需要我处理" queue: a list of typed sources, each one function from (db, actor, counties in reach) to
// items. loadAttention runs them all and drops, whatever a source returned, every item outside the actor's reach
// (fail closed: a source that forgot the scope still cannot show another city's county). Sources: reports submitted
// to me, county questions unanswered, 核定有异议 not yet sent to the county, 整改 items overdue or waiting for 复核.
// To add one, write one AttentionSource and append it to ATTENTION_SOURCES.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { reachesPath } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { queueOf, type AttentionItem, type AttentionKind, type AttentionQueue } from "@/lib/review/dashboard/attention";
import { levelOfRegion } from "@/lib/review/dashboard/buckets";
import { isReviewerRole } from "@/lib/review/comments";
import { awaitsReview, beijingToday, isOverdue } from "@/lib/review/ledger";

export type AttentionSource = {
  kind: AttentionKind;
  load: (db: Db, actor: Actor, inReach: Prisma.RegionWhereInput) => Promise<AttentionItem[]>;
};

/** The most items one source contributes: the queue is a to-do list, not a report. */
export const SOURCE_LIMIT = 200;

const COUNTY = { code: true, name: true, path: true } as const;

/** Reports submitted and waiting for the actor's level (rows without a stage wait for the city, as on the dashboard). */
export const submittedToMe: AttentionSource = {
  kind: "submitted",
  async load(db, actor, inReach) {
    const level = levelOfRegion(actor.region.level);
    if (!level) return [];
    const stage: Prisma.ReportWhereInput = level === "city" ? { OR: [{ reviewStage: "city" }, { reviewStage: null }] } : { reviewStage: level };
    const rows = await db.report.findMany({
      where: { status: "submitted", county: inReach, ...stage },
      orderBy: { submittedAt: "asc" },
      take: SOURCE_LIMIT,
      select: { id: true, year: true, round: true, submittedAt: true, updatedAt: true, county: { select: COUNTY } },
    });
    return rows.map((r) => ({
      kind: "submitted",
      key: `submitted:${r.id}`,
      county: r.county,
      title: `${r.year} 年自评报告${r.round > 1 ? ` · 第 ${r.round} 次提交` : ""}`,
      detail: "已提交，等待您审核",
      since: r.submittedAt ?? r.updatedAt,
      href: `/reports/${r.id}`,
    }));
  },
};

/** Open threads whose last word is the county's: a question the county asked, its reply to a reviewer's comment, or
 *  its answer (已修改 / 说明理由) to one — that no reviewer has replied to or resolved since. */
export const unansweredQuestions: AttentionSource = {
  kind: "question",
  async load(db, _actor, inReach) {
    const roots = await db.comment.findMany({
      where: { parentId: null, status: "open", report: { county: inReach } },
      orderBy: { createdAt: "asc" },
      take: SOURCE_LIMIT * 5,
      select: {
        id: true,
        body: true,
        createdAt: true,
        sectionKey: true,
        answer: true,
        answeredAt: true,
        author: { select: { role: true } },
        replies: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true, createdAt: true, author: { select: { role: true } } } },
        report: { select: { id: true, year: true, county: { select: COUNTY } } },
      },
    });
    const items: AttentionItem[] = [];
    for (const c of roots) {
      const last = c.replies[0] ?? c;
      // The county's answer is recorded on the root, not as a reply: it is the last word when it came after the
      // last message.
      const answered = c.answeredAt && c.answeredAt > last.createdAt ? c.answeredAt : null;
      if (!answered && isReviewerRole(last.author.role)) continue;
      const what = answered ? "县区已答复督导意见" : c.replies.length ? "县区回复待答复" : "县区提问";
      items.push({
        kind: "question",
        key: `question:${c.id}`,
        county: c.report.county,
        title: `${c.report.year} 年自评报告 · ${what}`,
        detail: answered ? `${c.answer === "changed" ? "已修改" : "说明理由"}：${excerpt(c.body)}` : excerpt(last.body),
        since: answered ?? last.createdAt,
        href: `/reports/${c.report.id}?s=${encodeURIComponent(c.sectionKey)}`,
      });
      if (items.length >= SOURCE_LIMIT) break;
    }
    return items;
  },
};

const excerpt = (body: string) => {
  const text = body.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
  return [...text].length > 60 ? `${[...text].slice(0, 60).join("")}…` : text;
};

/** Reports where the actor's level recorded a 核定 that disagrees with the county and has not yet sent its
 *  督导反馈意见书: the dispute is still only the reviewer's note — the county sees it once the feedback goes out. */
export const disputedVerifications: AttentionSource = {
  kind: "disputed",
  async load(db, actor, inReach) {
    const level = levelOfRegion(actor.region.level);
    if (!level) return [];
    const rows = await db.reportVerification.findMany({
      where: { level, verdict: "dispute", report: { county: inReach, feedbacks: { none: { level, status: "sent" } } } },
      orderBy: { updatedAt: "asc" },
      take: SOURCE_LIMIT * 5,
      select: { updatedAt: true, report: { select: { id: true, year: true, county: { select: COUNTY } } } },
    });
    const byReport = new Map<string, { report: (typeof rows)[number]["report"]; count: number; since: Date }>();
    for (const r of rows) {
      const seen = byReport.get(r.report.id);
      if (seen) seen.count += 1;
      else byReport.set(r.report.id, { report: r.report, count: 1, since: r.updatedAt });
    }
    return [...byReport.values()].slice(0, SOURCE_LIMIT).map(({ report, count, since }) => ({
      kind: "disputed",
      key: `disputed:${report.id}`,
      county: report.county,
      title: `${report.year} 年自评报告 · 核定有异议 ${count} 项`,
      detail: "督导反馈意见书尚未发送，县区还看不到核定结果",
      since,
      href: `/reports/${report.id}/verification`,
    }));
  },
};

/** 整改台账 items past their deadline and not done, and items the county closed that wait for the reviewer's 复核. */
export const overdueRectifications: AttentionSource = {
  kind: "overdue",
  async load(db, _actor, inReach) {
    const today = beijingToday();
    const rows = await db.ledgerItem.findMany({
      where: { county: inReach, OR: [{ review: null }, { review: "rejected" }] },
      orderBy: [{ deadline: "asc" }, { createdAt: "asc" }],
      take: SOURCE_LIMIT * 5,
      select: { id: true, text: true, deadline: true, status: true, review: true, closedAt: true, createdAt: true, county: { select: COUNTY } },
    });
    const items: AttentionItem[] = [];
    for (const r of rows) {
      const waiting = awaitsReview(r);
      if (!waiting && !isOverdue(r, today)) continue;
      items.push({
        kind: "overdue",
        key: `overdue:${r.id}`,
        county: r.county,
        title: waiting ? `整改事项待复核（${r.status}）` : `整改逾期 · 期限 ${r.deadline}`,
        detail: excerpt(r.text),
        since: waiting ? (r.closedAt ?? r.createdAt) : r.createdAt,
        href: `/review/ledger?county=${r.county.code}&only=${waiting ? "unverified" : "overdue"}`,
      });
      if (items.length >= SOURCE_LIMIT) break;
    }
    return items;
  },
};

/** The queue's sources, in the order their kinds are listed (lib/review/dashboard/attention.ts). */
export const ATTENTION_SOURCES: readonly AttentionSource[] = [submittedToMe, unansweredQuestions, disputedVerifications, overdueRectifications];

export async function loadAttention(db: Db, actor: Actor, sources: readonly AttentionSource[] = ATTENTION_SOURCES): Promise<AttentionQueue> {
  requirePermission(actor, "review:dashboard");
  const inReach = countiesInScope(actor);
  const lists = await Promise.all(sources.map((s) => s.load(db, actor, inReach)));
  return queueOf(lists.flat().filter((i) => reachesPath(actor, i.county.path)));
}
