// Which schemes a county may write on: shipped schemes reach every county; a scheme a city's 督导室 published reaches
// only the counties of that city, in the "新建报告" list and on the server when the report is created.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createReport } from "@/lib/report/server/service";
import { schemeReachesCounty, schemesForCounty } from "@/lib/schemes/server/service";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

/** The shipped Shanxi scheme republished by a region as its own code for 2023. */
async function publishedBy(db: Db, regionCode: string, code: string) {
  const definition = { ...structuredClone(SHANXI_2021_COUNTY), code, year: 2023, version: 1, title: `${code} 评价方案` };
  return db.scheme.create({ data: { id: randomUUID(), code, version: 1, title: definition.title, year: 2023, definition: JSON.stringify(definition), regionCode } });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { code?: string } | null;
  return error?.code ?? "resolved";
}

describe("schemeReachesCounty", () => {
  it("matches whole region codes along the county's path, never a prefix of a code", () => {
    expect(schemeReachesCounty({ regionCode: null }, "/140000/140800/140823/")).toBe(true);
    expect(schemeReachesCounty({ regionCode: "140000" }, "/140000/140800/140823/")).toBe(true);
    expect(schemeReachesCounty({ regionCode: "140800" }, "/140000/140800/140823/")).toBe(true);
    expect(schemeReachesCounty({ regionCode: "140823" }, "/140000/140800/140823/")).toBe(true);
    expect(schemeReachesCounty({ regionCode: "141000" }, "/140000/140800/140823/")).toBe(false);
    expect(schemeReachesCounty({ regionCode: "14080" }, "/140000/140800/140823/")).toBe(false);
    expect(schemeReachesCounty({ regionCode: "130000" }, "/140000/140800/140823/")).toBe(false);
  });
});

describe.each(TEST_PROVIDERS)("schemes a county can write on, on %s", (provider) => {
  const t = useDemoDb(provider, { schemes: true });

  it("offers shipped, provincial and its own city's schemes, not another city's; creating on another city's is not found", async () => {
    const province = await publishedBy(t.db, "140000", "shanxi-2023-own");
    const yuncheng = await publishedBy(t.db, "140800", "yuncheng-2023");
    const linfen = await publishedBy(t.db, "141000", "linfen-2023");
    const wenxi = await t.db.region.findUniqueOrThrow({ where: { code: "140823" } });
    const yaodu = await t.db.region.findUniqueOrThrow({ where: { code: "141002" } });

    const offered = (rows: { code: string }[]) => rows.map((r) => r.code);
    const forWenxi = offered(await schemesForCounty(t.db, wenxi));
    expect(forWenxi).toEqual(expect.arrayContaining([SHANXI_2021_COUNTY.code, province.code, yuncheng.code]));
    expect(forWenxi).not.toContain(linfen.code);
    const forYaodu = offered(await schemesForCounty(t.db, yaodu));
    expect(forYaodu).toEqual(expect.arrayContaining([SHANXI_2021_COUNTY.code, province.code, linfen.code]));
    expect(forYaodu).not.toContain(yuncheng.code);

    const editor = await actorFor(t.db, "wenxi_editor");
    expect(await codeOf(createReport(t.db, editor, { schemeId: linfen.id, copyFromId: null }))).toBe("NOT_FOUND");
    expect(await t.db.report.count({ where: { schemeId: linfen.id } })).toBe(0);
    const id = await createReport(t.db, editor, { schemeId: yuncheng.id, copyFromId: null });
    expect(await t.db.report.findUniqueOrThrow({ where: { id } })).toMatchObject({ schemeId: yuncheng.id, countyCode: "140823", year: 2023 });
  });
});
