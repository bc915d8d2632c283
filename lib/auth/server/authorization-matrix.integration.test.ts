// The authorization matrix, on both databases: every report operation × every role × a report of the actor's own
// county, of another county in the same city, and of a county in another city. An operation is allowed exactly
// when the role has the operation's permission (lib/auth/roles.ts) and the report's county is within the actor's
// region. "Allowed" means it got past authorization: it may still fail for a domain reason (an empty report cannot
// be submitted, a draft cannot be returned) — but never with FORBIDDEN or NOT_FOUND; "denied" means exactly those.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { reachesPath, type Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission, type Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/connect";
import { isAppError } from "@/lib/errors";
import { createReport, listReports, loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { getRevisionWithCurrent, listRevisions, restoreRevision } from "@/lib/report/server/history";
import { emptyContent } from "@/lib/report/content";
import { listEvidence } from "@/lib/evidence/server/service";
import { addComment, listComments, reopenComment, replyToComment, resolveComment } from "@/lib/review/comments/server";
import { answerThread } from "@/lib/review/comments/server";
import { acceptReport, returnReport, submitReport } from "@/lib/review/workflow/server";
import { changesSinceLastSubmission } from "@/lib/review/workflow/server";

type Target = { reportId: string; countyPath: string; threadId: string; countyThreadId: string; revisionId: number };
type Op = { name: string; permission: Permission; run: (db: Db, actor: Actor, t: Target) => Promise<unknown> };

const OPS: Op[] = [
  { name: "read report", permission: "report:read", run: (db, a, t) => loadReport(db, a, t.reportId) },
  { name: "list revisions", permission: "report:read", run: (db, a, t) => listRevisions(db, a, t.reportId) },
  { name: "read a revision", permission: "report:read", run: (db, a, t) => getRevisionWithCurrent(db, a, t.reportId, t.revisionId) },
  { name: "list evidence", permission: "report:read", run: (db, a, t) => listEvidence(db, a, t.reportId) },
  { name: "list comments", permission: "report:read", run: (db, a, t) => listComments(db, a, t.reportId) },
  { name: "changes since last submission", permission: "report:read", run: (db, a, t) => changesSinceLastSubmission(db, a, t.reportId) },
  {
    name: "save a section",
    permission: "report:edit",
    run: async (db, a, t) => {
      const current = await db.reportSection.findUnique({ where: { reportId_key: { reportId: t.reportId, key: "criterion:party_leadership" } } });
      return saveSection(db, a, {
        reportId: t.reportId,
        key: "criterion:party_leadership",
        baseVersion: current?.version ?? 0,
        content: { ...emptyContent.narrative(), narrative: `由 ${a.username} 写入。` },
      });
    },
  },
  { name: "restore a revision", permission: "report:edit", run: (db, a, t) => restoreRevision(db, a, t.reportId, t.revisionId) },
  { name: "add a comment", permission: "report:comment", run: (db, a, t) => addComment(db, a, { reportId: t.reportId, sectionKey: "profile", anchor: null, body: `${a.username} 的意见` }) },
  { name: "reply to a thread", permission: "report:comment", run: (db, a, t) => replyToComment(db, a, { commentId: t.threadId, body: `${a.username} 的回复` }) },
  {
    // A thread the county started: anyone who may comment resolves it.
    name: "resolve and reopen a thread",
    permission: "report:comment",
    run: async (db, a, t) => {
      await resolveComment(db, a, { commentId: t.countyThreadId });
      await reopenComment(db, a, { commentId: t.countyThreadId });
    },
  },
  {
    // A reviewer's thread: only reviewers resolve it; the county answers it (lib/review/comments/rules.ts).
    name: "resolve and reopen a reviewer's thread",
    permission: "report:review",
    run: async (db, a, t) => {
      await resolveComment(db, a, { commentId: t.threadId });
      await reopenComment(db, a, { commentId: t.threadId });
    },
  },
  { name: "answer a thread", permission: "report:edit", run: (db, a, t) => answerThread(db, a, { commentId: t.threadId, answer: "explained", body: "数据以统计年报为准。" }) },
  { name: "submit", permission: "report:submit", run: (db, a, t) => submitReport(db, a, { reportId: t.reportId }) },
  { name: "return", permission: "report:review", run: (db, a, t) => returnReport(db, a, { reportId: t.reportId, reason: "请补充数据来源说明。" }) },
  { name: "accept", permission: "report:review", run: (db, a, t) => acceptReport(db, a, { reportId: t.reportId }) },
];

const ACTORS: { username: string; role: Role }[] = [
  { username: "wenxi_editor", role: "county_editor" },
  { username: "wenxi_lead", role: "county_lead" },
  // A contributor holds no report-wide permission: every operation here is denied (their items: contributor-matrix).
  { username: "wenxi_finance", role: "contributor" },
  { username: "yuncheng_reviewer", role: "city_reviewer" },
  { username: "linfen_reviewer", role: "city_reviewer" },
  { username: "shanxi_reviewer", role: "province_reviewer" },
  { username: "admin", role: "admin" },
];

async function outcome(run: () => Promise<unknown>): Promise<"allowed" | "denied"> {
  try {
    await run();
    return "allowed";
  } catch (error) {
    if (isAppError(error) && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) return "denied";
    if (isAppError(error)) return "allowed"; // past authorization, refused for a domain reason
    throw error;
  }
}

describe.each(TEST_PROVIDERS)("authorization matrix on %s", (provider) => {
  const t = useDemoDb(provider);
  const targets: Record<"wenxi" | "yanhu" | "yaodu", Target> = {} as never;

  async function countyUser(username: string, regionCode: string) {
    await t.db.user.create({ data: { id: randomUUID(), username, name: username, email: `${username}@example.invalid`, role: "county_editor", regionCode } });
    return actorFor(t.db, username);
  }

  async function target(author: Actor, existingReportId?: string): Promise<Target> {
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" } });
    const reportId = existingReportId ?? (await createReport(t.db, author, { schemeId: scheme.id, copyFromId: null }));
    const report = await t.db.report.findUniqueOrThrow({ where: { id: reportId }, include: { county: true } });
    const reviewer = await actorFor(t.db, "shanxi_reviewer");
    const threadId = await addComment(t.db, reviewer, { reportId, sectionKey: "profile", anchor: null, body: "请核对学校总数。" });
    const countyThreadId = await addComment(t.db, author, { reportId, sectionKey: "profile", anchor: null, body: "内部备注：学校数待核。" });
    const revision = await t.db.sectionRevision.findFirstOrThrow({ where: { reportId }, orderBy: { id: "asc" } });
    return { reportId, countyPath: report.county.path, threadId, countyThreadId, revisionId: revision.id };
  }

  beforeAll(async () => {
    await t.db.user.create({
      data: { id: randomUUID(), username: "linfen_reviewer", name: "临汾督导", email: "linfen@example.invalid", role: "city_reviewer", regionCode: "141000" },
    });
    const wenxi = await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } });
    targets.wenxi = await target(await actorFor(t.db, "wenxi_editor"), wenxi.id); // own county of the county users; 运城市
    targets.yanhu = await target(await countyUser("yanhu_editor", "140802")); // another county of 运城市
    targets.yaodu = await target(await countyUser("yaodu_editor", "141002")); // a county of 临汾市
  });

  for (const { username, role } of ACTORS) {
    it(`${username} (${role}): allowed exactly where the permission table and the region say so`, async () => {
      const actor = await actorFor(t.db, username);
      const table: string[] = [];
      for (const op of OPS) {
        for (const [name, tg] of Object.entries(targets)) {
          const expected = hasPermission(role, op.permission) && reachesPath(actor, tg.countyPath) ? "allowed" : "denied";
          const got = await outcome(() => op.run(t.db, actor, tg));
          if (got !== expected) table.push(`${op.name} on ${name}: expected ${expected}, got ${got}`);
        }
      }
      expect(table).toEqual([]);
    });
  }

  it("reviewers of one city never list another city's reports, and its comments are not found", async () => {
    const linfen = await actorFor(t.db, "linfen_reviewer");
    const yuncheng = await actorFor(t.db, "yuncheng_reviewer");
    expect((await listReports(t.db, linfen)).map((r) => r.id)).toEqual([targets.yaodu.reportId]);
    expect((await listReports(t.db, yuncheng)).map((r) => r.id).sort()).toEqual([targets.wenxi.reportId, targets.yanhu.reportId].sort());
    await expect(listComments(t.db, linfen, targets.wenxi.reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(replyToComment(t.db, linfen, { commentId: targets.wenxi.threadId, body: "越权回复" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.comment.count({ where: { body: "越权回复" } })).toBe(0);
  });
});
