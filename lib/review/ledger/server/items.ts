import "server-only";
// Reading and changing ledger items. Every read is scoped by the county's region path (a reviewer of another city,
// or another county, gets 404); the county updates its items (report:edit), only reviewers 复核 (report:review).
// Each change is a conditional update on the item's version (a stale form gets a conflict) with its audit row —
// the item's history — in the same transaction.
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission, getReportAccess, type ReportAccess } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import { audit } from "@/lib/audit/server";
import { conflict, invalid, notFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { randomUUID } from "node:crypto";
import {
  ZAddLedgerItem,
  ZReviewLedgerItem,
  ZUpdateLedgerItem,
  isClosedStatus,
  type LedgerCounts,
  type LedgerItemView,
  type LedgerReview,
  type LedgerSource,
  type LedgerStatus,
} from "@/lib/review/ledger/model";
import { awaitsReview, beijingToday, isOverdue } from "@/lib/review/ledger/rules";
import { createLedgerItems } from "@/lib/review/ledger/server/create";

const withCounty = { county: { select: { name: true, path: true } } } as const;
type Row = Prisma.LedgerItemGetPayload<{ include: typeof withCounty }>;

const changed = () => conflict("该整改事项已被他人更改，请刷新页面后再试");

/** Rows as views: evidence file names and reviewers' names in two queries for the whole list. */
export async function toViews(db: Db, rows: Row[], today = beijingToday()): Promise<LedgerItemView[]> {
  const evidenceIds = [...new Set(rows.flatMap((r) => (r.evidenceId ? [r.evidenceId] : [])))];
  const userIds = [...new Set(rows.flatMap((r) => (r.reviewedById ? [r.reviewedById] : [])))];
  const [files, users] = await Promise.all([
    evidenceIds.length ? db.evidence.findMany({ where: { id: { in: evidenceIds } }, select: { id: true, fileName: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
  ]);
  const fileOf = new Map(files.map((f) => [f.id, f]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    countyCode: r.countyCode,
    countyName: r.county.name,
    reportId: r.reportId,
    year: r.year,
    source: r.source as LedgerSource,
    text: r.text,
    owner: r.owner,
    deadline: r.deadline,
    status: r.status as LedgerStatus,
    evidenceText: r.evidenceText,
    evidence: r.evidenceId ? (fileOf.get(r.evidenceId) ?? null) : null,
    explanation: r.explanation,
    review: (r.review as LedgerReview | null) ?? null,
    reviewReason: r.reviewReason,
    reviewedBy: r.reviewedById ? (nameOf.get(r.reviewedById) ?? null) : null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    overdue: isOverdue(r, today),
  }));
}

const ORDER = [{ year: "asc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.LedgerItemOrderByWithRelationInput[];

/**
 * The checklist a report opens with: the county's items from earlier years, except those settled (closed and
 * accepted by the 复核) before this report was begun — an item settled while this report is written stays on its
 * list, so the county sees the outcome.
 */
export async function carriedLedger(db: Db, actor: Actor, reportId: string): Promise<LedgerItemView[]> {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  return carriedFor(db, report);
}

export async function carriedFor(db: Db, report: Pick<ReportAccess, "county" | "year" | "createdAt">): Promise<LedgerItemView[]> {
  const rows = await db.ledgerItem.findMany({
    where: {
      countyCode: report.county.code,
      year: { lt: report.year },
      // Spelled out: NOT (review = 'accepted' AND …) is NULL, not true, for an item never reviewed.
      OR: [{ review: null }, { review: { not: "accepted" } }, { reviewedAt: { gte: report.createdAt } }],
    },
    include: withCounty,
    orderBy: ORDER,
  });
  return toViews(db, rows);
}

export type LedgerFilter = { countyCode?: string; year?: number; only?: "overdue" | "unverified" | "open" };

/** The reviewer's ledger screen and the county's own list: every item in reach, filtered. */
export async function listLedger(db: Db, actor: Actor, filter: LedgerFilter = {}): Promise<LedgerItemView[]> {
  requirePermission(actor, "report:read");
  const rows = await db.ledgerItem.findMany({
    where: {
      county: countiesInScope(actor),
      ...(filter.countyCode ? { countyCode: filter.countyCode } : {}),
      ...(filter.year ? { year: filter.year } : {}),
    },
    include: withCounty,
    orderBy: [{ county: { path: "asc" } }, ...ORDER],
  });
  const views = await toViews(db, rows);
  if (filter.only === "overdue") return views.filter((v) => v.overdue);
  if (filter.only === "unverified") return views.filter(awaitsReview);
  if (filter.only === "open") return views.filter((v) => !isClosedStatus(v.status));
  return views;
}

/** One item the actor may reach, else 404 (another city's or county's item is "not there"). */
async function itemInReach(db: Db | Prisma.TransactionClient, actor: Actor, itemId: string) {
  const row = await db.ledgerItem.findFirst({ where: { id: itemId, county: countiesInScope(actor) }, include: withCounty });
  if (!row) throw notFound("整改事项");
  return row;
}

/** The history of one item: its audit rows, oldest first. */
export async function ledgerHistory(db: Db, actor: Actor, itemId: string) {
  requirePermission(actor, "report:read");
  await itemInReach(db, actor, itemId);
  const rows = await db.auditEvent.findMany({ where: { targetType: "ledger", targetId: itemId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.actorId ? [r.actorId] : [])) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({ action: r.action, by: r.actorId ? (names.get(r.actorId) ?? null) : null, at: r.createdAt.toISOString(), detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {} }));
}

/** The county closes, explains or updates one item. A settled item (复核通过) is no longer the county's to change. */
export async function updateLedgerItem(db: Db, actor: Actor, raw: unknown): Promise<LedgerItemView> {
  const input = parseOrThrow(ZUpdateLedgerItem, raw);
  requirePermission(actor, "report:edit");
  const item = await itemInReach(db, actor, input.itemId);
  if (item.review === "accepted") throw invalid("该整改事项已复核通过，不能再修改");
  if (input.evidenceId) {
    const file = await db.evidence.findFirst({ where: { id: input.evidenceId, report: { countyCode: item.countyCode } }, select: { id: true } });
    if (!file) throw invalid("所选佐证材料不存在，请重新选择", { evidenceId: ["所选佐证材料不存在"] });
  }
  const closing = isClosedStatus(input.status);
  const data = {
    status: input.status,
    owner: input.owner,
    evidenceText: input.status === "已完成" ? input.evidenceText : "",
    evidenceId: input.status === "已完成" ? input.evidenceId : null,
    explanation: input.status === "未完成需说明" ? input.explanation : "",
    // Closing again after a 复核 not accepted asks for a new 复核.
    review: closing ? null : item.review,
    closedAt: closing ? (isClosedStatus(item.status) && item.closedAt ? item.closedAt : new Date()) : null,
    version: { increment: 1 },
  };
  await db.$transaction(async (tx) => {
    const moved = await tx.ledgerItem.updateMany({ where: { id: item.id, version: input.version, OR: [{ review: null }, { review: "rejected" }] }, data });
    if (moved.count === 0) throw changed();
    await audit(tx, actor.userId, "ledger.update", { type: "ledger", id: item.id }, {
      from: item.status,
      to: input.status,
      evidence: data.evidenceText || undefined,
      explanation: data.explanation || undefined,
    });
  });
  return (await toViews(db, [await itemInReach(db, actor, item.id)]))[0];
}

/** A reviewer 复核s a closed item: accepted settles it; not accepted (with a reason) sends it back to 整改中. */
export async function reviewLedgerItem(db: Db, actor: Actor, raw: unknown): Promise<LedgerItemView> {
  const input = parseOrThrow(ZReviewLedgerItem, raw);
  requirePermission(actor, "report:review");
  const item = await itemInReach(db, actor, input.itemId);
  if (!isClosedStatus(item.status)) throw invalid("县区尚未完成或说明该整改事项，暂不能复核");
  if (item.review) throw conflict("该整改事项已复核，请刷新页面");
  const data = input.accepted
    ? { review: "accepted", reviewReason: input.reason, reviewedById: actor.userId, reviewedAt: new Date(), version: { increment: 1 } }
    : { review: "rejected", reviewReason: input.reason, reviewedById: actor.userId, reviewedAt: new Date(), status: "整改中", closedAt: null, version: { increment: 1 } };
  await db.$transaction(async (tx) => {
    const moved = await tx.ledgerItem.updateMany({ where: { id: item.id, version: input.version, review: null }, data });
    if (moved.count === 0) throw changed();
    await audit(tx, actor.userId, "ledger.review", { type: "ledger", id: item.id }, { accepted: input.accepted, reason: input.reason || undefined, status: item.status });
  });
  return (await toViews(db, [await itemInReach(db, actor, item.id)]))[0];
}

/** A reviewer adds an item by hand to a county's report (source "reviewer"). */
export async function addLedgerItem(db: Db, actor: Actor, raw: unknown): Promise<string> {
  const input = parseOrThrow(ZAddLedgerItem, raw);
  const report = await getReportAccess(db, actor, input.reportId, "report:review");
  const { created } = await db.$transaction((tx) =>
    createLedgerItems(
      tx,
      { regionId: report.county.code, reportId: report.id, source: "reviewer", sourceRef: randomUUID(), items: [{ text: input.text, deadline: input.deadline, owner: input.owner }] },
      actor.userId,
    ),
  );
  return created[0];
}

/** Per county in reach: items, still open, overdue, closed but not 复核ed — the dashboard's column. */
export async function ledgerCounts(db: Db, actor: Actor): Promise<Record<string, LedgerCounts>> {
  requirePermission(actor, "report:read");
  const rows = await db.ledgerItem.findMany({
    where: { county: countiesInScope(actor) },
    select: { countyCode: true, status: true, deadline: true, review: true },
  });
  const today = beijingToday();
  const out: Record<string, LedgerCounts> = {};
  for (const r of rows) {
    const c = (out[r.countyCode] ??= { total: 0, open: 0, overdue: 0, unverified: 0 });
    c.total++;
    if (!isClosedStatus(r.status)) c.open++;
    if (isOverdue(r, today)) c.overdue++;
    if (awaitsReview(r)) c.unverified++;
  }
  return out;
}
