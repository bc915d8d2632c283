// Reports stored before rich text (content format 1) open, export and read in the history unchanged in meaning, on
// both databases: the demo report's rows are overwritten with what every database seeded before held
// (lib/report/testing/old-format/demo-v1.json), then read back through the same services as the pages (decision 024).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { renderReportDocx } from "@/lib/docx/pack";
import { contentAsText } from "@/lib/report/as-text";
import { emptyContent } from "@/lib/report/content";
import { evaluateReport } from "@/lib/report/evaluate";
import { figureWords } from "@/lib/report/figure-words";
import { CONTENT_VERSION } from "@/lib/report/migrate";
import { sectionsOf } from "@/lib/report/sections";
import { loadReport } from "@/lib/report/server/service";
import { saveSection } from "@/lib/report/server/save-section";
import { ensureBuiltinSchemes, listSchemes } from "@/lib/schemes/server/service";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const dir = path.join(import.meta.dirname, "../testing/old-format");
const read = (name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8"));
const unixLines = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.replace(/\r\n?/g, "\n")]));

describe.each(TEST_PROVIDERS)("the demo report stored in content format 1 on %s", (provider) => {
  const t = useDemoDb(provider);

  it("opens in the current format, exports the same Word file and reads the same in the history; a save on top keeps the rest", async () => {
    const fixture = read("demo-v1.json");
    const expected = read("demo-v1.expected.json");
    const report = await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } });
    for (const [key, content] of Object.entries(fixture.sections)) {
      const { count } = await t.db.reportSection.updateMany({ where: { reportId: report.id, key }, data: { content: JSON.stringify(content) } });
      expect(count, key).toBe(1);
    }
    const editor = await actorFor(t.db, "wenxi_editor");
    const { report: loaded, contents, versions } = await loadReport(t.db, editor, report.id);
    for (const [key, content] of Object.entries(contents)) expect((content as { v: number }).v, key).toBe(CONTENT_VERSION);

    const vm = buildReportViewModel({ scheme: loaded.schemeDef, contents, countyName: fixture.countyName });
    expect(JSON.parse(JSON.stringify(vm))).toEqual(expected.viewModel);
    expect((await renderReportDocx(vm)).length).toBeGreaterThan(10_000);

    const scheme = loaded.schemeDef;
    const defs = sectionsOf(scheme);
    const words = figureWords(scheme, evaluateReport(scheme, contents));
    const texts = Object.fromEntries(defs.map((d) => [d.key, contentAsText(d, contents[d.key] ?? emptyContent[d.kind](), words)]));
    expect(unixLines(texts)).toEqual(unixLines(expected.texts));

    // The county saves one section on top of the old rows: it is stored in the current format, the others read as before.
    const key = "criterion:preschool";
    const outcome = await saveSection(t.db, editor, { reportId: report.id, key, baseVersion: versions[key].version, content: contents[key] });
    expect(outcome.ok).toBe(true);
    const stored = JSON.parse((await t.db.reportSection.findFirstOrThrow({ where: { reportId: report.id, key } })).content);
    expect(stored.v).toBe(CONTENT_VERSION);
    const again = await loadReport(t.db, editor, report.id);
    expect(again.contents).toEqual(contents);
  });
});

describe.each(TEST_PROVIDERS)("a database from before Shanxi 2021 version 2 on %s", (provider) => {
  const t = useDemoDb(provider);

  it("keeps the demo report on the version-1 row it was written under when startup adds version 2", async () => {
    const v1 = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../template/fixtures/shanxi-2021-county.v1.json"), "utf8"));
    const report = await t.db.report.findFirstOrThrow({ where: { countyCode: "140823" } });
    const seeded = await t.db.scheme.findUniqueOrThrow({ where: { id: report.schemeId } });
    expect(seeded.version).toBe(SHANXI_2021_COUNTY.version);
    // As such a database holds it: only the version-1 row, and the report on it.
    const v1Id = randomUUID();
    await t.db.scheme.create({ data: { id: v1Id, code: v1.code, version: 1, title: v1.title, year: v1.year, definition: JSON.stringify(v1), builtin: true } });
    await t.db.report.update({ where: { id: report.id }, data: { schemeId: v1Id } });
    await t.db.scheme.delete({ where: { id: seeded.id } });

    await ensureBuiltinSchemes(t.db);
    const editor = await actorFor(t.db, "wenxi_editor");
    const { report: loaded } = await loadReport(t.db, editor, report.id);
    expect(loaded.schemeDef.version).toBe(1);
    expect(loaded.schemeDef.criteria.flatMap((c) => c.indicators).some((i) => i.stated)).toBe(false);
    // New reports get version 2, which lets the finance growth rates be entered as stated.
    const { latest } = await listSchemes(t.db);
    expect(latest.find((s) => s.code === SHANXI_2021_COUNTY.code)?.version).toBe(2);
    expect(await t.db.scheme.count({ where: { code: SHANXI_2021_COUNTY.code } })).toBe(2);
  });
});
