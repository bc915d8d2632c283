// Schemes stored before model v2 (the three built-in schemes as their rows held them, JSON with defaults applied)
// still validate with no upgrade step, and a stored row round-trips: validating what validation returned gives the
// same scheme, so a report keeps opening against exactly the scheme it was created with. See decision 022.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { validateScheme } from "@/lib/template/validate-scheme";

const dir = path.join(import.meta.dirname, "fixtures");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("schemes stored before model v2", () => {
  it("are the three built-in schemes of version 1", () => {
    expect(fixtures.sort()).toEqual([
      "national-2017-compulsory-quality-balance.v1.json",
      "national-2020-preschool-universal-inclusive.v1.json",
      "shanxi-2021-county.v1.json",
    ]);
  });

  it.each(fixtures)("%s validates and round-trips unchanged", (file) => {
    const json = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    const first = validateScheme(json);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const again = validateScheme(JSON.parse(JSON.stringify(first.scheme)));
    expect(again.ok && again.scheme).toEqual(first.scheme);
    // Every key the old row had is kept as it was; v2 only adds defaults (rounding "displayed", no scoring).
    expect(first.scheme).toMatchObject(json);
    expect(first.scheme.rounding).toBe("displayed");
    expect(first.scheme.scoring).toBeUndefined();
  });

  it("gives the shipped Shanxi scheme exactly, but for what its version 2 added", () => {
    const json = JSON.parse(readFileSync(path.join(dir, "shanxi-2021-county.v1.json"), "utf8"));
    const result = validateScheme(json);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const v1 = result.scheme;
    // Version 2 (issue 14) lets the finance criterion's two growth rates be entered as the finance bureau states
    // them (`stated`), and its guidance says so; nothing else differs.
    const funding = (s: typeof v1) => s.criteria.find((c) => c.code === "education_funding")!;
    const shipped = SHANXI_2021_COUNTY;
    expect(shipped.version).toBe(2);
    expect(funding(shipped).indicators.filter((i) => i.stated).map((i) => i.key)).toEqual(["edu_expenditure_growth", "edu_expenditure_per_student_growth"]);
    const withoutV2 = {
      ...shipped,
      version: 1,
      criteria: shipped.criteria.map((c) =>
        c.code !== "education_funding"
          ? c
          : { ...c, guidance: funding(v1).guidance, subpoints: funding(v1).subpoints, indicators: c.indicators.map((i) => { const rest = { ...i }; delete rest.stated; return rest; }) },
      ),
    };
    expect(v1).toEqual(withoutV2);
  });
});
