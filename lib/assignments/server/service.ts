import "server-only";
// 分工: the county lead hands items of the county's report to offices and named contributors, follows them on a
// board, sends an item back with a note or confirms it. Every write: zod-parsed input (by the caller), the lead's
// permission and reach checked on the server, one transaction with its audit row and notifications.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getReportAccess, requirePermission } from "@/lib/auth/server/guards";
import { hashPassword } from "@/lib/auth/server/password";
import { audit } from "@/lib/audit/server";
import { conflict, invalid, notFound } from "@/lib/errors";
import { notify } from "@/lib/review/audit/server";
import { userEmail } from "@/lib/users/server/service";
import { sectionByKey, sectionsOf } from "@/lib/report/sections";
import { isEditableStatus } from "@/lib/report/status";
import { ASSIGNMENT_STATUSES, isOverdue, type AssignmentStatus, type BoardRow, type TAssign, type TCreateContributor } from "@/lib/assignments/status";
import { assignmentKeyOf, contributorReport } from "@/lib/assignments/server/access";
import type { TScheme } from "@/lib/template/schema";

/** The report, if the actor leads its county (审核提交 role, with the assignment permission). */
export async function leadReport(db: Db, actor: Actor, reportId: string) {
  requirePermission(actor, "assignment:manage");
  return getReportAccess(db, actor, reportId, "report:read");
}

/** "criterion:x" → "（四）财政教育支出情况", with the figure's label for a figure-only item. */
export function itemHeading(scheme: TScheme, sectionKey: string, figureKey: string | null): string {
  const def = sectionByKey(scheme, sectionKey);
  const heading = def?.heading ?? sectionKey;
  if (!figureKey || !def) return heading;
  const label = [...def.inputs, ...def.indicators].find((f) => f.key === figureKey)?.label ?? figureKey;
  return `${heading} · ${label}`;
}

async function countyContributors(db: Db, countyCode: string, ids: string[]) {
  if (ids.length === 0) return [];
  const users = await db.user.findMany({ where: { id: { in: ids }, role: "contributor", regionCode: countyCode, disabled: false }, select: { id: true } });
  if (users.length !== new Set(ids).size) throw invalid("所选填报人不存在或不属于本县", { contributorIds: ["所选填报人不存在或不属于本县"] });
  return users.map((u) => u.id);
}

export async function assignItem(db: Db, actor: Actor, input: TAssign): Promise<string> {
  const report = await leadReport(db, actor, input.reportId);
  if (!isEditableStatus(report.status)) throw conflict("报告已提交或已审核通过，不能再分配填报任务");
  if (assignmentKeyOf(report.schemeDef, input.sectionKey) !== input.sectionKey) throw invalid("只能分配评价项目（评价重点）", { sectionKey: ["请选择评价项目"] });
  const def = sectionByKey(report.schemeDef, input.sectionKey)!;
  if (input.figureKey && ![...def.inputs, ...def.indicators].some((f) => f.key === input.figureKey)) {
    throw invalid("该项目没有这个数据", { figureKey: ["请选择该项目中的数据"] });
  }
  const contributorIds = await countyContributors(db, report.county.code, input.contributorIds);
  const id = randomUUID();
  const now = new Date();
  await db.$transaction(async (tx) => {
    // Reassigning closes the open assignment of the same item: the old row stays as history.
    await tx.assignment.updateMany({
      where: { reportId: report.id, sectionKey: input.sectionKey, figureKey: input.figureKey, supersededAt: null },
      data: { supersededAt: now },
    });
    await tx.assignment.create({
      data: {
        id,
        reportId: report.id,
        sectionKey: input.sectionKey,
        figureKey: input.figureKey,
        office: input.office,
        partners: input.partners,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T23:59:59+08:00`) : null,
        note: input.note,
        assignedById: actor.userId,
        contributors: { create: contributorIds.map((userId) => ({ userId })) },
      },
    });
    await audit(tx, actor.userId, "assignment.assign", { type: "report", id: report.id }, { assignmentId: id, sectionKey: input.sectionKey, figureKey: input.figureKey, office: input.office, contributors: contributorIds });
    const heading = itemHeading(report.schemeDef, input.sectionKey, input.figureKey);
    await notify(tx, contributorIds, {
      reportId: report.id,
      sectionKey: input.sectionKey,
      kind: "assignment",
      message: `${actor.name}请${input.office}填写${report.county.name}报告“${heading}”${input.dueDate ? `，${input.dueDate} 前提交` : ""}${input.note ? `：${input.note}` : ""}`,
    });
  });
  return id;
}

async function openAssignment(db: Db, assignmentId: string) {
  const row = await db.assignment.findFirst({ where: { id: assignmentId, supersededAt: null }, include: { contributors: true } });
  if (!row) throw notFound("填报任务");
  return row;
}

async function leadsOf(db: Db, countyCode: string) {
  const rows = await db.user.findMany({ where: { regionCode: countyCode, role: "county_lead", disabled: false }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The contributor says the item is ready (已提交本部门). */
export async function handIn(db: Db, actor: Actor, assignmentId: string): Promise<void> {
  const row = await openAssignment(db, assignmentId);
  if (!row.contributors.some((c) => c.userId === actor.userId)) throw notFound("填报任务");
  const report = await contributorReport(db, actor, row.reportId);
  const leads = await leadsOf(db, report.county.code);
  await transition(db, actor, row.id, ["assigned", "in_progress", "returned"], "handed_in", {}, "该项目已提交或已确认", async (tx) => {
    await audit(tx, actor.userId, "assignment.hand-in", { type: "report", id: report.id }, { assignmentId: row.id });
    await notify(tx, leads, {
      reportId: report.id,
      sectionKey: row.sectionKey,
      kind: "assignment",
      message: `${row.office}（${actor.name}）已提交“${itemHeading(report.schemeDef, row.sectionKey, row.figureKey)}”，请确认或退回`,
    });
  });
}

/** The lead sends a handed-in item back with a note. */
export async function sendBack(db: Db, actor: Actor, assignmentId: string, note: string): Promise<void> {
  const row = await openAssignment(db, assignmentId);
  const report = await leadReport(db, actor, row.reportId);
  await transition(db, actor, row.id, ["handed_in", "confirmed"], "returned", { returnNote: note }, "该项目尚未提交，不能退回", async (tx) => {
    await audit(tx, actor.userId, "assignment.send-back", { type: "report", id: report.id }, { assignmentId: row.id, note });
    await notify(tx, row.contributors.map((c) => c.userId), {
      reportId: report.id,
      sectionKey: row.sectionKey,
      kind: "assignment",
      message: `${actor.name}退回了“${itemHeading(report.schemeDef, row.sectionKey, row.figureKey)}”：${note}`,
    });
  });
}

/** The lead accepts a handed-in item. */
export async function confirmItem(db: Db, actor: Actor, assignmentId: string): Promise<void> {
  const row = await openAssignment(db, assignmentId);
  const report = await leadReport(db, actor, row.reportId);
  await transition(db, actor, row.id, ["handed_in"], "confirmed", { returnNote: null }, "该项目尚未提交，不能确认", async (tx) => {
    await audit(tx, actor.userId, "assignment.confirm", { type: "report", id: report.id }, { assignmentId: row.id });
    await notify(tx, row.contributors.map((c) => c.userId), {
      reportId: report.id,
      sectionKey: row.sectionKey,
      kind: "assignment",
      message: `${actor.name}已确认“${itemHeading(report.schemeDef, row.sectionKey, row.figureKey)}”`,
    });
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A conditional status change (the status checked by the UPDATE itself, so two clicks cannot both pass). */
async function transition(
  db: Db,
  actor: Actor,
  id: string,
  from: AssignmentStatus[],
  to: AssignmentStatus,
  data: { returnNote?: string | null },
  refused: string,
  after: (tx: Tx) => Promise<void>,
) {
  await db.$transaction(async (tx) => {
    const changed = await tx.assignment.updateMany({
      where: { id, supersededAt: null, status: { in: from } },
      data: { status: to, lastActivityAt: new Date(), ...data },
    });
    if (changed.count === 0) throw conflict(refused);
    await after(tx);
  });
}

/** After a save of a section: the item's last activity, and 未开始 → 填写中 when its contributor wrote it. */
type AssignmentRow = Awaited<ReturnType<typeof boardRows>>[number];

function boardRows(db: Db, reportId: string, open: boolean) {
  return db.assignment.findMany({
    where: { reportId, supersededAt: open ? null : { not: null } },
    include: { contributors: { include: { user: { select: { id: true, name: true } } } } },
    orderBy: [{ createdAt: "asc" }],
  });
}

function toBoardRow(scheme: TScheme, r: AssignmentRow, now: Date): BoardRow {
  const status = (r.status in ASSIGNMENT_STATUSES ? r.status : "assigned") as AssignmentStatus;
  return {
    id: r.id,
    sectionKey: r.sectionKey,
    figureKey: r.figureKey,
    heading: itemHeading(scheme, r.sectionKey, r.figureKey),
    office: r.office,
    partners: r.partners,
    contributors: r.contributors.map((c) => c.user),
    dueDate: r.dueDate?.toISOString() ?? null,
    note: r.note,
    status,
    statusLabel: ASSIGNMENT_STATUSES[status],
    returnNote: r.returnNote,
    overdue: isOverdue(r, now),
    lastActivityAt: r.lastActivityAt?.toISOString() ?? null,
  };
}

/** The progress board: open assignments in the order of the report, and the superseded ones (history). */
export async function loadBoard(db: Db, actor: Actor, reportId: string, now = new Date()) {
  const report = await leadReport(db, actor, reportId);
  const order = new Map(sectionsOf(report.schemeDef).map((s, i) => [s.key, i]));
  const [open, past, contributors] = await Promise.all([
    boardRows(db, report.id, true),
    boardRows(db, report.id, false),
    db.user.findMany({ where: { regionCode: report.county.code, role: "contributor" }, select: { id: true, name: true, username: true, office: true, disabled: true }, orderBy: { username: "asc" } }),
  ]);
  const rows = open.map((r) => toBoardRow(report.schemeDef, r, now)).sort((a, b) => (order.get(a.sectionKey) ?? 0) - (order.get(b.sectionKey) ?? 0));
  return { report, rows, history: past.map((r) => ({ ...toBoardRow(report.schemeDef, r, now), supersededAt: r.supersededAt!.toISOString() })), contributors };
}

/** Items whose office has not handed them in (for 提交前检查). Empty for anyone who cannot lead the county. */
export async function itemsNotHandedIn(db: Db, scheme: TScheme, reportId: string) {
  const rows = await db.assignment.findMany({ where: { reportId, supersededAt: null, status: { in: ["assigned", "in_progress", "returned"] } }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ id: r.id, sectionKey: r.sectionKey, heading: itemHeading(scheme, r.sectionKey, r.figureKey), office: r.office, status: r.status as AssignmentStatus }));
}

/** A contributor account of the lead's own county, for someone outside the bureau. */
export async function createContributor(db: Db, actor: Actor, input: TCreateContributor) {
  requirePermission(actor, "assignment:manage");
  const username = input.username.toLowerCase();
  if (await db.user.findUnique({ where: { username } })) throw invalid(`用户名 ${username} 已被使用`, { username: [`用户名 ${username} 已被使用`] });
  const hash = await hashPassword(input.password);
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.user.create({
      data: { id, username, displayUsername: input.username, name: input.name, email: userEmail(username), role: "contributor", regionCode: actor.region.code, office: input.office },
    });
    await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    await audit(tx, actor.userId, "user.create", { type: "user", id }, { username, role: "contributor", regionCode: actor.region.code, office: input.office });
  });
  return id;
}

/** The contributor's own open items across the county's reports. */
export async function myTasks(db: Db, actor: Actor, now = new Date()) {
  requirePermission(actor, "report:contribute");
  const rows = await db.assignment.findMany({
    where: { supersededAt: null, contributors: { some: { userId: actor.userId } }, report: { county: { path: { startsWith: actor.region.path } } } },
    include: { contributors: { include: { user: { select: { id: true, name: true } } } }, report: { select: { id: true, year: true, schemeId: true, county: { select: { name: true } } } } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
  });
  const out = [];
  for (const r of rows) {
    const report = await contributorReport(db, actor, r.reportId);
    out.push({ ...toBoardRow(report.schemeDef, r, now), reportId: r.reportId, reportTitle: `${r.report.county.name} ${r.report.year} 年自评报告` });
  }
  return out;
}
