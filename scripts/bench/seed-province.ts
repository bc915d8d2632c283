// A province for the benchmark: about 120 counties in 11 cities, one editor per county, and a full report per
// county (the demo report's content), written straight into the database.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import { hashPassword } from "@/lib/auth/server/password";
import { regionPath } from "@/lib/regions/levels";
import { userEmail } from "@/lib/users/server/service";
import { schemeOf } from "@/lib/schemes/server/service";
import { demoReportContents } from "@/lib/seed/demo-report";
import { reportState } from "@/lib/report/precheck";
import { summaryFromComputed, summaryJson } from "@/lib/report/summary";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

export const BENCH_PASSWORD = "Bench2021";

export type BenchCounty = { code: string; username: string; reportId: string };

export async function seedProvince(db: Db, counties = 120): Promise<BenchCounty[]> {
  const scheme = await db.scheme.findUniqueOrThrow({ where: { code_version: { code: SHANXI_2021_COUNTY.code, version: SHANXI_2021_COUNTY.version } } });
  const def = schemeOf(scheme);
  const contents = demoReportContents(def);
  const state = reportState(def, contents);
  // Written as a save writes it, so the dashboard reads summaries rather than recomputing 120 reports.
  const summary = summaryJson(summaryFromComputed(def, state.computed, state.scores));
  const hash = await hashPassword(BENCH_PASSWORD);
  const out: BenchCounty[] = [];
  const cities = 11;
  const province = await db.region.findUniqueOrThrow({ where: { code: "140000" } });
  for (let c = 0; c < cities; c++) {
    const cityCode = `15${String(c + 1).padStart(2, "0")}00`; // codes of their own, beside the demo's
    const cityPath = regionPath(province.path, cityCode);
    await db.$transaction(async (tx) => {
      await tx.region.create({ data: { code: cityCode, name: `基准${c + 1}市`, level: "city", parentCode: province.code, path: cityPath } });
      for (let k = 0; k < Math.ceil(counties / cities) && out.length < counties; k++) {
        const code = `15${String(c + 1).padStart(2, "0")}${String(k + 1).padStart(2, "0")}`;
        await tx.region.create({ data: { code, name: `基准${c + 1}市${k + 1}县`, level: "county", parentCode: cityCode, path: regionPath(cityPath, code) } });
        const userId = randomUUID();
        const username = `bench_${code}`;
        await tx.user.create({ data: { id: userId, username, name: `${code}填报员`, email: userEmail(username), role: "county_editor", regionCode: code } });
        await tx.account.create({ data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: hash } });
        const reportId = randomUUID();
        await tx.report.create({
          data: { id: reportId, countyCode: code, schemeId: scheme.id, schemeCode: scheme.code, year: 2021, completeness: state.completeness, problemCount: state.errors, summary, lastEditedById: userId },
        });
        await tx.reportSection.createMany({
          data: Object.entries(contents).map(([key, content]) => ({ id: randomUUID(), reportId, key, content: JSON.stringify(content), version: 1, updatedById: userId })),
        });
        await tx.sectionRevision.createMany({
          data: Object.entries(contents).map(([key, content]) => ({ reportId, sectionKey: key, version: 1, content: JSON.stringify(content), authorId: userId })),
        });
        out.push({ code, username, reportId });
      }
    });
  }
  return out;
}
