// docs/schemes.md is the scheme owners' reference: every field of the scheme model must be explained there, so a
// field added to the zod model without a line in the reference fails here. The fields are read from the model
// itself (its JSON Schema), and the rule language's condition kinds from CONDITION_SHAPES (ZCondition is parsed by
// hand, so its JSON Schema says nothing about them).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "@/lib/validation";
import { CONDITION_SHAPES } from "@/lib/template/conditions";
import { ZScheme } from "@/lib/template/schema";

const reference = readFileSync(path.join(import.meta.dirname, "../../docs/schemes.md"), "utf8");

/** Every property name anywhere in a JSON Schema. */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => propertyNames(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "properties" && v && typeof v === "object") Object.keys(v).forEach((name) => out.add(name));
      propertyNames(v, out);
    }
  }
  return out;
}

const schema = (t: z.ZodType) => z.toJSONSchema(t, { io: "input", unrepresentable: "any" });

describe("docs/schemes.md", () => {
  const fields = propertyNames(schema(ZScheme));
  for (const shape of Object.values(CONDITION_SHAPES)) propertyNames(schema(shape as z.ZodType), fields);

  it("reads the model's fields (the walk finds the ones we know)", () => {
    expect(fields.size).toBeGreaterThan(90);
    for (const known of ["code", "criteria", "formula", "scoreRule", "variants", "allOf", "atLeastPercent"]) expect(fields).toContain(known);
  });

  it("names every field of the scheme model and of the rule language", () => {
    const missing = [...fields].filter((f) => !reference.includes("`" + f + "`")).sort();
    expect(missing, `在 docs/schemes.md 中补上这些字段的说明：${missing.join("、")}`).toEqual([]);
  });

  it("names every part kind, formula op and target op", () => {
    const literals = new Set<string>();
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") {
        const o = n as Record<string, unknown>;
        if (typeof o.const === "string") literals.add(o.const);
        if (Array.isArray(o.enum)) o.enum.forEach((e) => typeof e === "string" && literals.add(e));
        Object.values(o).forEach(walk);
      }
    };
    walk(schema(ZScheme));
    const missing = [...literals].filter((l) => !reference.includes("`" + l + "`") && !reference.includes(`"${l}"`)).sort();
    expect(missing, `在 docs/schemes.md 中补上这些取值的说明：${missing.join("、")}`).toEqual([]);
  });
});
