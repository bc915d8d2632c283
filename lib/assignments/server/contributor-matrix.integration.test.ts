// The contributor's authorization matrix, on both databases: every item-level route and action × their own item /
// another item of the same report / the same item of another county's report — allowed exactly when assigned
// (report-wide operations are denied to them in lib/auth/server/authorization-matrix.integration.test.ts).
// "Denied" is NOT_FOUND only: for a contributor an item not theirs does not exist.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/connect";
import { isAppError } from "@/lib/errors";
import { emptyContent } from "@/lib/report/content";
import { createReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { assertMayAddEvidence } from "@/lib/evidence/server/service";
import { getItemAccess } from "@/lib/assignments/server/access";
import { loadContributorView } from "@/lib/assignments/server/contributor-view";
import { assignItem, createContributor, handIn, loadBoard } from "@/lib/assignments/server/service";
import { ZAssign } from "@/lib/assignments/status";

type Target = { reportId: string; code: string; assignmentId: string };
type Op = { name: string; run: (db: Db, a: Actor, t: Target) => Promise<unknown> };

const key = (t: Target) => `criterion:${t.code}`;

const OPS: Op[] = [
  { name: "read the item", run: (db, a, t) => getItemAccess(db, a, t.reportId, key(t), "read") },
  {
    name: "open the item in the contributor's editor",
    run: async (db, a, t) => {
      const view = await loadContributorView(db, a, t.reportId);
      if (!view.keys.includes(key(t))) throw Object.assign(new Error("absent"), { absent: true });
    },
  },
  {
    name: "save the section",
    run: async (db, a, t) => {
      const row = await db.reportSection.findUnique({ where: { reportId_key: { reportId: t.reportId, key: key(t) } } });
      const content = row ? { ...JSON.parse(row.content), scoreBasis: `由 ${a.username} 写入` } : emptyContent.narrative();
      return saveSection(db, a, { reportId: t.reportId, key: key(t), baseVersion: row?.version ?? 0, content });
    },
  },
  { name: "upload evidence to the criterion", run: (db, a, t) => assertMayAddEvidence(db, a, t.reportId, t.code) },
  { name: "hand the item in", run: (db, a, t) => handIn(db, a, t.assignmentId) },
  { name: "see the progress board", run: (db, a, t) => loadBoard(db, a, t.reportId) },
];

async function outcome(run: () => Promise<unknown>): Promise<"allowed" | "denied"> {
  try {
    await run();
    return "allowed";
  } catch (error) {
    if ((error as { absent?: boolean }).absent) return "denied";
    if (isAppError(error) && error.code === "NOT_FOUND") return "denied";
    if (isAppError(error) && error.code === "FORBIDDEN") throw new Error("a contributor is told 404, never 403");
    if (isAppError(error)) return "allowed";
    throw error;
  }
}

describe.each(TEST_PROVIDERS)("contributor authorization matrix on %s", (provider) => {
  const t = useDemoDb(provider);
  const targets = {} as Record<"own" | "otherItem" | "otherCounty", Target>;

  beforeAll(async () => {
    const lead = await actorFor(t.db, "wenxi_lead");
    const finance = await actorFor(t.db, "wenxi_finance");
    const wenxi = (await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } })).id;
    const colleague = await createContributor(t.db, lead, { username: "wenxi_bianban", name: "编办 周", office: "县委编办", password: "Passw0rd1" });
    const assign = (l: Actor, reportId: string, code: string, ids: string[]) =>
      assignItem(t.db, l, ZAssign.parse({ reportId, sectionKey: `criterion:${code}`, office: "某局", contributorIds: ids }));
    targets.own = { reportId: wenxi, code: "education_funding", assignmentId: await assign(lead, wenxi, "education_funding", [finance.userId]) };
    targets.otherItem = { reportId: wenxi, code: "party_leadership", assignmentId: await assign(lead, wenxi, "party_leadership", [colleague]) };
    // 盐湖区 (same city) with its own lead, report and contributor holding the same criterion.
    const id = randomUUID();
    await t.db.user.create({ data: { id, username: "yanhu_lead", name: "盐湖审核", email: "yanhu_lead@example.invalid", role: "county_lead", regionCode: "140802" } });
    const yanhuLead = await actorFor(t.db, "yanhu_lead");
    const scheme = await t.db.scheme.findFirstOrThrow({ where: { code: "shanxi-2021-county" }, orderBy: { version: "desc" } });
    const yanhu = await createReport(t.db, yanhuLead, { schemeId: scheme.id, copyFromId: null });
    const yanhuContributor = await createContributor(t.db, yanhuLead, { username: "yanhu_finance", name: "盐湖财政", office: "区财政局", password: "Passw0rd1" });
    targets.otherCounty = { reportId: yanhu, code: "education_funding", assignmentId: await assign(yanhuLead, yanhu, "education_funding", [yanhuContributor]) };
  });

  it("wenxi_finance: allowed exactly on the item assigned to them", async () => {
    const actor = await actorFor(t.db, "wenxi_finance");
    const table: string[] = [];
    for (const op of OPS) {
      for (const [name, tg] of Object.entries(targets)) {
        const expected = name === "own" && op.name !== "see the progress board" ? "allowed" : "denied";
        const got = await outcome(() => op.run(t.db, actor, tg));
        if (got !== expected) table.push(`${op.name} on ${name}: expected ${expected}, got ${got}`);
      }
    }
    expect(table).toEqual([]);
    // Handed in (the last operation above): the item is no longer theirs to change.
    await expect(OPS[2].run(t.db, actor, targets.own)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the county lead reaches every item of the county and the board, not the other county's", async () => {
    const lead = await actorFor(t.db, "wenxi_lead");
    expect(await outcome(() => OPS[2].run(t.db, lead, targets.otherItem))).toBe("allowed");
    expect(await outcome(() => loadBoard(t.db, lead, targets.own.reportId))).toBe("allowed");
    await expect(loadBoard(t.db, lead, targets.otherCounty.reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const editor = await actorFor(t.db, "wenxi_editor");
    await expect(loadBoard(t.db, editor, targets.own.reportId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
