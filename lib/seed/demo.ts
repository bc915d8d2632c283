import "server-only";
// The demo data set: 山西省 → 运城市 (闻喜县, 盐湖区, 临猗县) and 临汾市 (尧都区), one account per role.
// Created only into an empty database (so it never touches real data); tests reuse it as fixtures.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/server/password";
import type { Db } from "@/lib/db/connect";
import type { Role } from "@/lib/auth/roles";
import { regionPath, type RegionLevel } from "@/lib/regions/levels";
import { userEmail } from "@/lib/users/server/service";
import { toActor } from "@/lib/auth/actor";
import { ensureBuiltinSchemes, schemeOf } from "@/lib/schemes/server/service";
import { createReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { demoReportContents } from "@/lib/seed/demo-report";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

export const DEMO_PASSWORD = "Demo2021";

export const DEMO_REGIONS: { code: string; name: string; level: RegionLevel; parentCode: string | null }[] = [
  { code: "140000", name: "山西省", level: "province", parentCode: null },
  { code: "140800", name: "运城市", level: "city", parentCode: "140000" },
  { code: "140823", name: "闻喜县", level: "county", parentCode: "140800" },
  { code: "140802", name: "盐湖区", level: "county", parentCode: "140800" },
  { code: "140821", name: "临猗县", level: "county", parentCode: "140800" },
  { code: "141000", name: "临汾市", level: "city", parentCode: "140000" },
  { code: "141002", name: "尧都区", level: "county", parentCode: "141000" },
];

export const DEMO_USERS: { username: string; name: string; role: Role; regionCode: string; office?: string }[] = [
  { username: "wenxi_editor", name: "张敏（闻喜县教育局）", role: "county_editor", regionCode: "140823" },
  { username: "wenxi_lead", name: "李国强（闻喜县教育局）", role: "county_lead", regionCode: "140823" },
  { username: "wenxi_finance", name: "陈静（闻喜县财政局）", role: "contributor", regionCode: "140823", office: "县财政局" },
  { username: "yuncheng_reviewer", name: "王芳（运城市督导室）", role: "city_reviewer", regionCode: "140800" },
  { username: "shanxi_reviewer", name: "赵磊（省督导室）", role: "province_reviewer", regionCode: "140000" },
  { username: "admin", name: "刘洋（省教育厅信息中心）", role: "admin", regionCode: "140000" },
  { username: "shanxi_schemes", name: "陈静（省督导室）", role: "scheme_admin", regionCode: "140000" },
];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [regions, users] = await Promise.all([db.region.count(), db.user.count()]);
  return regions === 0 && users === 0;
}

/** Inserts the demo data set when the database is empty; returns whether it did. With `report` (the default) it
 *  includes 闻喜县's finished 2021 report, written through the same services a clerk's edits go through. */
export async function seedDemo(db: Db, options: { report?: boolean } = {}): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false;
  const hash = await hashPassword(DEMO_PASSWORD);
  const paths = new Map<string, string>();
  await db.$transaction(async (tx) => {
    for (const r of DEMO_REGIONS) {
      const path = regionPath(r.parentCode ? paths.get(r.parentCode)! : null, r.code);
      paths.set(r.code, path);
      await tx.region.create({ data: { ...r, path } });
    }
    for (const u of DEMO_USERS) {
      const id = randomUUID();
      await tx.user.create({
        data: { id, username: u.username, displayUsername: u.username, name: u.name, email: userEmail(u.username), role: u.role, regionCode: u.regionCode, office: u.office ?? null },
      });
      await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    }
  });
  if (options.report ?? true) await seedDemoReport(db);
  return true;
}

export async function seedDemoReport(db: Db): Promise<string> {
  await ensureBuiltinSchemes(db);
  const row = await db.scheme.findUniqueOrThrow({
    where: { code_version: { code: SHANXI_2021_COUNTY.code, version: SHANXI_2021_COUNTY.version } },
  });
  const user = await db.user.findUniqueOrThrow({ where: { username: "wenxi_editor" }, include: { region: true } });
  const editor = toActor(user)!;
  const reportId = await createReport(db, editor, { schemeId: row.id, copyFromId: null });
  for (const [key, content] of Object.entries(demoReportContents(schemeOf(row)))) {
    const current = await db.reportSection.findUnique({ where: { reportId_key: { reportId, key } } });
    const outcome = await saveSection(db, editor, { reportId, key, baseVersion: current?.version ?? 0, content });
    if (!outcome.ok) throw new Error(`demo report: could not save ${key}`);
  }
  return reportId;
}
