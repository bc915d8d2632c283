// The rule language of a scheme: conditions over indicator verdicts, per-school table verdicts, 差异系数, 一票否决
// answers and the total score, combined with all of / any of / none of / at least k of / not. Declarative data only,
// so a scheme file cannot run code; lib/indicators/conditions.ts evaluates it (three-valued: a condition whose
// figures are not all filled in is undecided, never silently false).
//
// Each condition is an object with exactly one of the keys below; the key says which kind it is.
import { z } from "@/lib/validation";
import { ZCode, ZFigureKey } from "@/lib/template/keys";
import { allChoices, CONDITION_KIND_LABELS, onlyOneOf } from "@/lib/template/choices";

export type TCondition =
  | { indicator: string; is: "met" | "unmet" }
  | { schools: { table: string; indicator?: string; atLeastPercent: number } }
  | { cv: { table: string; indicator?: string; stage?: string } }
  | { table: string }
  | { veto: string }
  | { score: { atLeast?: number; atLeastPercent?: number } }
  | { allOf: TCondition[] }
  | { anyOf: TCondition[] }
  | { noneOf: TCondition[] }
  | { atLeast: number; of: TCondition[] }
  | { not: TCondition };

const list = () => z.array(ZCondition).min(1, "至少需要一个条件");

/** The shape of each kind, by its key (the scheme reference page documents each one). */
export const CONDITION_SHAPES = {
  /** The indicator meets its target (or, with is: "unmet", misses it). */
  indicator: z.strictObject({ indicator: ZFigureKey, is: z.enum(["met", "unmet"], { error: onlyOneOf("达标判断（is）", { met: "达标", unmet: "未达标" }) }).default("met") }),
  /** At least atLeastPercent % (100 unless said) of the table's schools pass — overall, or on one indicator. */
  schools: z.strictObject({
    schools: z.strictObject({
      table: ZCode,
      indicator: ZFigureKey.optional(),
      atLeastPercent: z.number().min(0, "不能为负").max(100, "不能超过 100").default(100),
    }),
  }),
  /** Every 差异系数 of the table (or of one indicator, or one 学段) is within its ceiling. */
  cv: z.strictObject({ cv: z.strictObject({ table: ZCode, indicator: ZFigureKey.optional(), stage: ZFigureKey.optional() }) }),
  /** The table's overall verdict (schools and 差异系数) is 达标. */
  table: z.strictObject({ table: ZCode }),
  /** The 一票否决 item (or "any" of them) is answered “是”. */
  veto: z.strictObject({ veto: ZFigureKey.or(z.literal("any")) }),
  /** The self-evaluation total reaches atLeast points or atLeastPercent % of the scheme's total. */
  score: z.strictObject({
    score: z
      .strictObject({ atLeast: z.number().min(0).optional(), atLeastPercent: z.number().min(0).max(100).optional() })
      .refine((s) => (s.atLeast === undefined) !== (s.atLeastPercent === undefined), "总分条件（score）需要设置最低分（atLeast）或最低得分率（atLeastPercent）之一"),
  }),
  allOf: z.strictObject({ get allOf() { return list(); } }),
  anyOf: z.strictObject({ get anyOf() { return list(); } }),
  noneOf: z.strictObject({ get noneOf() { return list(); } }),
  /** At least `atLeast` of the conditions in `of` hold. */
  atLeast: z
    .strictObject({ atLeast: z.number().int("应为整数").min(1, "至少为 1"), get of() { return list(); } })
    .refine((c) => c.atLeast <= c.of.length, { path: ["atLeast"], message: "至少满足的项数（atLeast）不能多于所列条件（of）的个数" }),
  not: z.strictObject({ get not() { return ZCondition; } }),
} as const;
export const CONDITION_KINDS = Object.keys(CONDITION_SHAPES) as (keyof typeof CONDITION_SHAPES)[];

/** The kind of a condition object: the first known key it has ("of" belongs to atLeast). */
export function conditionKind(raw: unknown): keyof typeof CONDITION_SHAPES | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  return CONDITION_KINDS.find((k) => k in raw) ?? null;
}

export const ZCondition: z.ZodType<TCondition> = z.unknown().transform((raw, ctx): TCondition => {
  const kind = conditionKind(raw);
  if (!kind) {
    ctx.addIssue({ code: "custom", message: `条件应为含以下键之一的对象：${allChoices(CONDITION_KIND_LABELS)}`, input: raw });
    return z.NEVER;
  }
  const parsed = (CONDITION_SHAPES[kind] as z.ZodType).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as never);
    return z.NEVER;
  }
  return parsed.data as TCondition;
});

/** Every condition nested in `c`, itself first (for reference checks). */
export function conditionAtoms(c: TCondition, path: (string | number)[] = []): { condition: TCondition; path: (string | number)[] }[] {
  const here = [{ condition: c, path }];
  if ("allOf" in c) return [...here, ...c.allOf.flatMap((x, i) => conditionAtoms(x, [...path, "allOf", i]))];
  if ("anyOf" in c) return [...here, ...c.anyOf.flatMap((x, i) => conditionAtoms(x, [...path, "anyOf", i]))];
  if ("noneOf" in c) return [...here, ...c.noneOf.flatMap((x, i) => conditionAtoms(x, [...path, "noneOf", i]))];
  if ("of" in c) return [...here, ...c.of.flatMap((x, i) => conditionAtoms(x, [...path, "of", i]))];
  if ("not" in c) return [...here, ...conditionAtoms(c.not, [...path, "not"])];
  return here;
}
