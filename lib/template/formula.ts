// Formulas and targets are declarative data, never code: a scheme file can be edited by an administrator, and the
// same JSON is evaluated in the browser and on the server, so nothing in it may execute.
import { z } from "@/lib/validation";
import { ZCode, ZFigureKey, ZText } from "@/lib/template/keys";
import { allChoices, FORMULA_OP_LABELS, onlyOneOf, TARGET_OP_LABELS } from "@/lib/template/choices";

export const FORMULA_OPS = ["ratio", "percent", "permille", "growth", "sum", "average", "difference", "value", "yesno", "schools"] as const;
export const TARGET_OPS = [">=", "<=", "=", "between", "yes"] as const;

const unknownOp = (what: string, allowed: Readonly<Record<string, string>>) => (issue: { code: string; input?: unknown }) => {
  if (issue.code !== "invalid_union") return undefined;
  const op = (issue.input as { op?: unknown } | undefined)?.op;
  const shown = op === undefined ? `缺少${what}（op）` : `未知的${what} ${JSON.stringify(op)}`;
  return `${shown}，可用的有：${allChoices(allowed)}`;
};

const ref = ZFigureKey;
export const ZFormula = z.discriminatedUnion(
  "op",
  [
    z.strictObject({ op: z.literal("ratio"), num: ref, den: ref }),
    z.strictObject({ op: z.literal("percent"), num: ref, den: ref }),
    z.strictObject({ op: z.literal("permille"), num: ref, den: ref }),
    z.strictObject({ op: z.literal("growth"), current: ref, previous: ref }),
    z.strictObject({ op: z.literal("sum"), terms: z.array(ref).min(1, "求和至少需要一项") }),
    /** The mean of the terms, e.g. 各学段生均公用经费的平均值; every term must be filled. */
    z.strictObject({ op: z.literal("average"), terms: z.array(ref).min(1, "求平均值至少需要一项") }),
    z.strictObject({ op: z.literal("difference"), a: ref, b: ref }),
    z.strictObject({ op: z.literal("value"), of: ref }),
    z.strictObject({ op: z.literal("yesno"), of: ref }),
    /** How many schools of a per-school table pass (count "pass"/"fail": overall; "met"/"unmet": one indicator),
     *  e.g. 超规模学校数 from the table's school-size ceiling. A school with several 学段 rows counts once. */
    z.strictObject({
      op: z.literal("schools"),
      table: ZCode,
      indicator: ref.optional(),
      count: z.enum(["pass", "fail", "met", "unmet"], { error: onlyOneOf("统计方式（count）", { pass: "达标学校数", fail: "未达标学校数", met: "该指标达标的学校数", unmet: "该指标未达标的学校数" }) }),
    }),
  ],
  { error: unknownOp("公式类型", FORMULA_OP_LABELS) },
);
export type TFormula = z.infer<typeof ZFormula>;

const needs = (op: keyof typeof TARGET_OP_LABELS, field: string) => z.number({ error: `目标运算 ${op}（${TARGET_OP_LABELS[op]}）需要${field}` });
const label = ZText.optional();
export const ZTarget = z.discriminatedUnion(
  "op",
  [
    z.strictObject({ op: z.literal(">="), value: needs(">=", "目标值（value）"), label }),
    z.strictObject({ op: z.literal("<="), value: needs("<=", "目标值（value）"), label }),
    z.strictObject({ op: z.literal("="), value: needs("=", "目标值（value）"), label }),
    z
      .strictObject({ op: z.literal("between"), min: needs("between", "下限（min）"), max: needs("between", "上限（max）"), label })
      .refine((t) => t.min <= t.max, { path: ["max"], message: "目标区间的下限（min）不能大于上限（max）" }),
    z.strictObject({ op: z.literal("yes"), label }),
  ],
  { error: unknownOp("目标运算", TARGET_OP_LABELS) },
);
export type TTarget = z.infer<typeof ZTarget>;

/** Each key a formula reads, with its path inside the formula (for error messages). */
export function formulaOperands(formula: TFormula): { path: (string | number)[]; key: string }[] {
  switch (formula.op) {
    case "ratio":
    case "percent":
    case "permille":
      return [
        { path: ["num"], key: formula.num },
        { path: ["den"], key: formula.den },
      ];
    case "growth":
      return [
        { path: ["current"], key: formula.current },
        { path: ["previous"], key: formula.previous },
      ];
    case "sum":
    case "average":
      return formula.terms.map((key, i) => ({ path: ["terms", i], key }));
    case "difference":
      return [
        { path: ["a"], key: formula.a },
        { path: ["b"], key: formula.b },
      ];
    case "value":
    case "yesno":
      return [{ path: ["of"], key: formula.of }];
    case "schools":
      return [];
  }
}

/** The same formula with every operand key replaced by `rename(key)` (used to expand per-level matrices). */
export function renameOperands(formula: TFormula, rename: (key: string) => string): TFormula {
  switch (formula.op) {
    case "ratio":
    case "percent":
    case "permille":
      return { ...formula, num: rename(formula.num), den: rename(formula.den) };
    case "growth":
      return { ...formula, current: rename(formula.current), previous: rename(formula.previous) };
    case "sum":
    case "average":
      return { ...formula, terms: formula.terms.map(rename) };
    case "difference":
      return { ...formula, a: rename(formula.a), b: rename(formula.b) };
    case "value":
    case "yesno":
      return { ...formula, of: rename(formula.of) };
    case "schools":
      return formula;
  }
}
