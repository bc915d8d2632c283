import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { listChoices, onlyOneOf } from "@/lib/template/choices";
import { ZCondition } from "@/lib/template/conditions";
import { ZDisplayFormat, ZRounding } from "@/lib/template/display-format";
import { ZFormula, ZTarget } from "@/lib/template/formula";
import { ZInput, ZPart } from "@/lib/template/schema";
import { ZRowAttribute, ZTableIndicator } from "@/lib/template/school-table";
import { ZScoring, ZVetoEffect } from "@/lib/template/scoring";
import type { z } from "@/lib/validation";

/** ASCII words a reader meets without a Chinese gloss: a value or key may stand in quotes (「」“”"") or in
 *  parentheses, or be followed directly by its meaning in （…）; anything else is English in a Chinese message. */
function bareWords(message: string): string[] {
  const stripped = message
    .replace(/[A-Za-z0-9_.:<>=]+（[^）]*）/g, "")
    .replace(/「[^」]*」|“[^”]*”|"[^"]*"|（[^）]*）|\([^)]*\)|\[[^\]]*\]/g, "");
  return stripped.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
}

const DIR = "lib/template";
const sources = (readdirSync(DIR, { recursive: true }) as string[]).filter(
  // The shipped schemes are data (their texts quote the published documents' own codes such as B1, C2).
  (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "test-scheme.ts" && !f.startsWith("schemes"),
);

/** Every string and template literal with Chinese in it, interpolations dropped (their values are checked at run time below). */
function chineseLiterals(file: string): { line: number; text: string }[] {
  const src = ts.createSourceFile(file, readFileSync(join(DIR, file), "utf8"), ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string }[] = [];
  const visit = (n: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join("");
    if (text !== undefined && /[\u4e00-\u9fff]/.test(text)) out.push({ line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1, text });
    else ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  expect(result.success, JSON.stringify(input)).toBe(false);
  return result.error!.issues.map((i) => i.message);
}

describe("scheme messages are Chinese", () => {
  it("the checker itself: a bare key fails, a glossed or quoted one passes", () => {
    expect(bareWords("is 只能是 met 或 unmet")).toEqual(["is", "met", "unmet"]);
    expect(bareWords("达标判断（is）只能是 met（达标）或 unmet（未达标）")).toEqual([]);
    expect(bareWords("未知的键「foo」，请设“cv: false”")).toEqual([]);
  });

  it("no message text in lib/template has an ASCII word without a Chinese gloss", () => {
    expect(sources.length).toBeGreaterThan(10);
    const found = sources.flatMap((f) =>
      chineseLiterals(f).flatMap(({ line, text }) => (bareWords(text).length ? [`${f}:${line} ${text} → ${bareWords(text).join(", ")}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("choices name each value with its meaning", () => {
    expect(onlyOneOf("达标判断（is）", { met: "达标", unmet: "未达标" })).toBe("达标判断（is）只能是 met（达标）或 unmet（未达标）");
    expect(listChoices({ a: "甲", b: "乙", c: "丙" })).toBe("a（甲）、b（乙）或 c（丙）");
  });

  // Messages built at run time (lists of allowed values, the value found) — what the upload page shows.
  const cases: [string, z.ZodType, unknown, string][] = [
    ["condition is", ZCondition, { indicator: "x", is: "yes" }, "达标判断（is）只能是 met（达标）或 unmet（未达标）"],
    ["unknown condition", ZCondition, { foo: 1 }, "条件应为含以下键之一的对象：indicator（指标达标）"],
    ["schools count", ZFormula, { op: "schools", table: "t", count: "all" }, "统计方式（count）只能是 pass（达标学校数）"],
    ["unknown op", ZFormula, { op: "mean" }, "可用的有：ratio（比值）"],
    ["missing op", ZFormula, {}, "缺少公式类型（op）"],
    ["target value", ZTarget, { op: ">=" }, "目标运算 >=（不低于）需要目标值（value）"],
    ["input kind", ZInput, { key: "a", label: "甲", kind: "text" }, "数据类型（kind）只能是 integer（整数）、decimal（小数）或 boolean（是/否）"],
    ["part kind", ZPart, { key: "p", title: "甲", kind: "other" }, "部分类型（kind）只能是 profile（基本情况）"],
    ["display format", ZDisplayFormat, { kind: "money" }, "可用的有：number（数值）"],
    ["rounding", ZRounding, "round", "取整方式只能是 displayed（按显示值判断）或 exact（按精确值判断）"],
    ["attribute kind", ZRowAttribute, { key: "a", label: "甲", kind: "list" }, "学校属性的类型（kind）只能是 flag（是/否）或 category（类别）"],
    ["veto effect", ZVetoEffect, "stop", "否决效果（effect）只能是 block（不能提交）"],
    ["basis", ZScoring, { total: 100, basis: "never" }, "评分依据要求（basis）只能是 always（每项都要写）"],
    ["role", ZTableIndicator, { key: "a", label: "甲", formula: { op: "value", of: "x" }, standards: {}, role: "main" }, "指标作用（role）只能是 counted（计入达标项数）"],
  ];
  it.each(cases)("%s", (_name, schema, input, expected) => {
    const messages = messagesOf(schema, input);
    expect(messages.join("\n")).toContain(expected);
    for (const m of messages) expect(bareWords(m), m).toEqual([]);
  });
});
