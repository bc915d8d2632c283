// A province for the benchmark: about 120 counties in 11 cities, one editor per county, and a full report per
// county (the demo report's content), written straight into the database. With `vary` (the charts' e2e screenshots)
// each county's figures are scaled a little, deterministically, so that targets are met by some and missed by others,
// the statuses are spread, and each county also has a report the year before (for the change from last year).
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import { hashPassword } from "@/lib/auth/server/password";
import { regionPath } from "@/lib/regions/levels";
import { userEmail } from "@/lib/users/server/service";
import { schemeOf } from "@/lib/schemes/server/service";
import { demoReportContents } from "@/lib/seed/demo-report";
import { reportState } from "@/lib/report/precheck";
import type { SectionContent } from "@/lib/report/content";
import type { TScheme } from "@/lib/template/schema";
import { summaryFromComputed, summaryJson } from "@/lib/report/summary";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

export const BENCH_PASSWORD = "Bench2021";

export type BenchCounty = { code: string; username: string; reportId: string };

export type SeedProvinceOptions = {
  /** The province the cities go under (default the demo's 山西省, 140000). */
  province?: string;
  /** City codes start with these two digits (default "15"): a second province needs codes of its own. */
  prefix?: string;
  vary?: boolean;
};

const STATUSES = ["submitted", "submitted", "accepted", "draft", "returned", "submitted"] as const;

/** The demo contents with every typed number scaled by a factor from 0.8 to 1.12 that depends on the county and the
 *  figure: the same seed gives the same province. */
function varied(contents: Record<string, SectionContent>, seed: number): Record<string, SectionContent> {
  const out: Record<string, SectionContent> = {};
  for (const [key, content] of Object.entries(contents)) {
    const values = "values" in content && content.values ? content.values : null;
    if (!values) {
      out[key] = content;
      continue;
    }
    const scaled = Object.fromEntries(
      Object.entries(values).map(([k, v], i) => [k, typeof v === "number" && v > 0 ? Math.round(v * (0.8 + (((seed * 7919 + i * 104729) % 97) / 97) * 0.32) * 100) / 100 : v]),
    );
    out[key] = { ...content, values: scaled } as SectionContent;
  }
  return out;
}

function stateOf(def: TScheme, contents: Record<string, SectionContent>) {
  const state = reportState(def, contents);
  return { state, summary: summaryJson(summaryFromComputed(def, state.computed, state.scores)) };
}

async function previousScheme(db: Db, def: TScheme): Promise<{ id: string; code: string }> {
  const code = `${def.code}-bench-2020`;
  const found = await db.scheme.findFirst({ where: { code }, select: { id: true, code: true } });
  if (found) return found;
  const title = `${def.title.replace("2021", "2020")}（基准）`;
  return db.scheme.create({ data: { id: randomUUID(), code, version: 1, title, year: 2020, definition: JSON.stringify({ ...def, code, year: 2020, title }) }, select: { id: true, code: true } });
}

export async function seedProvince(db: Db, counties = 120, options: SeedProvinceOptions = {}): Promise<BenchCounty[]> {
  const scheme = await db.scheme.findUniqueOrThrow({ where: { code_version: { code: SHANXI_2021_COUNTY.code, version: SHANXI_2021_COUNTY.version } } });
  const def = schemeOf(scheme);
  const contents = demoReportContents(def);
  const state = reportState(def, contents);
  // Written as a save writes it, so the dashboard reads summaries rather than recomputing 120 reports.
  const summary = summaryJson(summaryFromComputed(def, state.computed, state.scores));
  const hash = await hashPassword(BENCH_PASSWORD);
  const out: BenchCounty[] = [];
  const cities = 11;
  const province = await db.region.findUniqueOrThrow({ where: { code: options.province ?? "140000" } });
  // Last year's reports need a scheme of that year (a county has one report per scheme): the same criteria as 2020's.
  const lastYear = options.vary ? await previousScheme(db, def) : null;
  const prefix = options.prefix ?? "15";
  for (let c = 0; c < cities; c++) {
    const cityCode = `${prefix}${String(c + 1).padStart(2, "0")}00`; // codes of their own, beside the demo's
    const cityPath = regionPath(province.path, cityCode);
    await db.$transaction(async (tx) => {
      await tx.region.create({ data: { code: cityCode, name: `基准${c + 1}市`, level: "city", parentCode: province.code, path: cityPath } });
      for (let k = 0; k < Math.ceil(counties / cities) && out.length < counties; k++) {
        const code = `${prefix}${String(c + 1).padStart(2, "0")}${String(k + 1).padStart(2, "0")}`;
        await tx.region.create({ data: { code, name: `基准${c + 1}市${k + 1}县`, level: "county", parentCode: cityCode, path: regionPath(cityPath, code) } });
        const userId = randomUUID();
        const username = `bench_${code}`;
        await tx.user.create({ data: { id: userId, username, name: `${code}填报员`, email: userEmail(username), role: "county_editor", regionCode: code } });
        await tx.account.create({ data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: hash } });
        const n = out.length;
        const years = options.vary ? ([2020, 2021] as const) : ([2021] as const);
        let reportId = "";
        for (const year of years) {
          const mine = options.vary ? varied(contents, n * 2 + year) : contents;
          const figures = options.vary ? stateOf(def, mine) : { state, summary };
          const status = !options.vary ? "draft" : year === 2020 ? "accepted" : STATUSES[n % STATUSES.length];
          reportId = randomUUID();
          const under = year === 2020 && lastYear ? lastYear : scheme;
          await tx.report.create({
            data: {
              id: reportId,
              countyCode: code,
              schemeId: under.id,
              schemeCode: under.code,
              year,
              status,
              reviewStage: status === "submitted" ? (n % 4 === 0 ? "province" : "city") : null,
              submittedAt: status === "draft" ? null : new Date(Date.UTC(year, 10, 1 + (n % 28))),
              completeness: figures.state.completeness,
              problemCount: figures.state.errors,
              summary: figures.summary,
              lastEditedById: userId,
            },
          });
          await tx.reportSection.createMany({
            data: Object.entries(mine).map(([key, content]) => ({ id: randomUUID(), reportId, key, content: JSON.stringify(content), version: 1, updatedById: userId })),
          });
          await tx.sectionRevision.createMany({
            data: Object.entries(mine).map(([key, content]) => ({ reportId, sectionKey: key, version: 1, content: JSON.stringify(content), authorId: userId })),
          });
        }
        out.push({ code, username, reportId });
      }
    });
  }
  return out;
}
