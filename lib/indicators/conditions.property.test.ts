// The rule language: random condition trees over random (partly missing) verdicts. A decided answer never changes
// when the missing verdicts arrive (Kleene logic), a complete assignment gives the classical answer, the
// combinators relate as they should, and grades by level stay consistent with every completion.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TCondition } from "@/lib/template/conditions";
import { ZCondition } from "@/lib/template/conditions";
import { allOf, anyOf, atLeast, decideLevel, evaluateCondition, noneOf, type Truth, type Verdicts } from "@/lib/indicators/conditions";
import { rationalFromNumber } from "@/lib/indicators/rational";

const KEYS = ["k0", "k1", "k2", "k3", "k4"];
type Assignment = Record<string, "met" | "unmet" | null>;

const atom: fc.Arbitrary<TCondition> = fc.record({ indicator: fc.constantFrom(...KEYS), is: fc.constantFrom("met" as const, "unmet" as const) });
const { tree } = fc.letrec<{ tree: TCondition }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    fc.array(tie("tree"), { minLength: 1, maxLength: 4 }).map((allOf) => ({ allOf })),
    fc.array(tie("tree"), { minLength: 1, maxLength: 4 }).map((anyOf) => ({ anyOf })),
    fc.array(tie("tree"), { minLength: 1, maxLength: 4 }).map((noneOf) => ({ noneOf })),
    fc.array(tie("tree"), { minLength: 1, maxLength: 4 }).chain((of) => fc.integer({ min: 1, max: of.length }).map((k) => ({ atLeast: k, of }))),
    tie("tree").map((c) => ({ not: c })),
  ),
}));
const partial = fc.record(Object.fromEntries(KEYS.map((k) => [k, fc.constantFrom("met" as const, "unmet" as const, null)]))) as fc.Arbitrary<Assignment>;
const complete = fc.record(Object.fromEntries(KEYS.map((k) => [k, fc.constantFrom("met" as const, "unmet" as const)]))) as fc.Arbitrary<Assignment>;

const verdicts = (a: Assignment): Verdicts => ({
  indicator: (key) => a[key] ?? null,
  schools: () => null,
  cv: () => null,
  table: () => null,
  veto: () => null,
  score: () => null,
});

/** Two-valued reference semantics. */
function classical(c: TCondition, a: Assignment): boolean {
  if ("allOf" in c) return c.allOf.every((x) => classical(x, a));
  if ("anyOf" in c) return c.anyOf.some((x) => classical(x, a));
  if ("noneOf" in c) return !c.noneOf.some((x) => classical(x, a));
  if ("of" in c) return c.of.filter((x) => classical(x, a)).length >= c.atLeast;
  if ("not" in c) return !classical(c.not, a);
  if ("indicator" in c) return a[c.indicator] === c.is;
  throw new Error("atom not generated");
}

const fill = (a: Assignment, b: Assignment): Assignment => Object.fromEntries(KEYS.map((k) => [k, a[k] ?? b[k]]));
const truth = fc.constantFrom<Truth>(true, false, null);

describe("conditions (property)", () => {
  it("gives the classical answer when every verdict is known", () => {
    fc.assert(fc.property(tree, complete, (c, a) => {
        expect(evaluateCondition(c, verdicts(a))).toBe(classical(c, a));
      }), { numRuns: 500 });
  });

  it("never changes a decided answer when missing verdicts arrive", () => {
    fc.assert(
      fc.property(tree, partial, complete, (c, a, completion) => {
        const now = evaluateCondition(c, verdicts(a));
        if (now !== null) expect(evaluateCondition(c, verdicts(fill(a, completion)))).toBe(now);
      }),
      { numRuns: 500 },
    );
  });

  it("is undecided only when some completion would go each way", () => {
    fc.assert(
      fc.property(tree, partial, fc.array(complete, { minLength: 30, maxLength: 30 }), (c, a, completions) => {
        const results = new Set(completions.map((b) => evaluateCondition(c, verdicts(fill(a, b)))));
        if (results.size === 2) expect(evaluateCondition(c, verdicts(a))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("relates the combinators: n of n = all of, 1 of n = any of, none of = not any of", () => {
    fc.assert(
      fc.property(fc.array(truth, { minLength: 1, maxLength: 8 }), (xs) => {
        expect(atLeast(xs.length, xs)).toBe(allOf(xs));
        expect(atLeast(1, xs)).toBe(anyOf(xs));
        const any = anyOf(xs);
        expect(noneOf(xs)).toBe(any === null ? null : !any);
      }),
    );
  });

  it("grades by level consistently with every completion", () => {
    const levels = fc.array(tree.map((when) => ({ when })), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(levels, partial, complete, (ls, a, b) => {
        const now = decideLevel(ls, verdicts(a));
        const later = decideLevel(ls, verdicts(fill(a, b)));
        expect(later.decided).toBe(true);
        if (now.decided) expect(later.index).toBe(now.index);
        // An open level means nothing better than `best` can be reached.
        else expect(later.index === null || later.index >= now.best).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("parses every generated tree as scheme data", () => {
    fc.assert(fc.property(tree, (c) => {
        expect(ZCondition.safeParse(c).success).toBe(true);
      }), { numRuns: 200 });
  });
});

describe("conditions at their boundaries", () => {
  const base = verdicts({});
  it("counts schools exactly: 19 of 20 is 95%, 18 of 20 is not", () => {
    const at = (passing: number) => evaluateCondition({ schools: { table: "t", atLeastPercent: 95 } }, { ...base, schools: () => ({ passing, counted: 20 }) });
    expect(at(19)).toBe(true);
    expect(at(18)).toBe(false);
    expect(evaluateCondition({ schools: { table: "t", atLeastPercent: 95 } }, base)).toBeNull();
    expect(evaluateCondition({ schools: { table: "t", atLeastPercent: 0 } }, { ...base, schools: () => ({ passing: 0, counted: 0 }) })).toBe(false);
  });

  it("compares scores exactly: 2.7 of 3 reaches 90%, 2.6 does not; 0.1 + 0.2 steps add up", () => {
    const at = (total: number) => evaluateCondition({ score: { atLeastPercent: 90 } }, { ...base, score: () => ({ total: rationalFromNumber(total)!, max: rationalFromNumber(3)! }) });
    expect(at(2.7)).toBe(true);
    expect(at(2.6)).toBe(false);
    const sum = { n: 3n, d: 10n }; // 0.1 + 0.2 as fractions, not 0.30000000000000004
    expect(evaluateCondition({ score: { atLeast: 0.3 } }, { ...base, score: () => ({ total: sum, max: rationalFromNumber(1)! }) })).toBe(true);
  });

  it("at least k of: decided as soon as it can be", () => {
    expect(atLeast(2, [true, true, null])).toBe(true);
    expect(atLeast(2, [false, false, null])).toBe(false);
    expect(atLeast(2, [true, false, null])).toBeNull();
  });

  it("refuses malformed conditions with Chinese messages at their place", () => {
    const r = ZCondition.safeParse({ atLeast: 3, of: [{ indicator: "a" }, { indicator: "b" }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["atLeast"], message: "至少满足的项数（atLeast）不能多于所列条件（of）的个数" });
    const unknown = ZCondition.safeParse({ someOf: [] });
    expect(unknown.error?.issues[0].message).toMatch(/^条件应为含以下键之一的对象/);
    const nested = ZCondition.safeParse({ allOf: [{ indicator: "a" }, { indicator: "a", is: "maybe" }] });
    expect(nested.error?.issues[0]).toMatchObject({ path: ["allOf", 1, "is"], message: "达标判断（is）只能是 met（达标）或 unmet（未达标）" });
  });
});
