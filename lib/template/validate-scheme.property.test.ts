// Property-based tests of the scheme validator: generated valid schemes (flat and grouped, figures referring only
// to earlier figures) validate; one random defect — an unknown op, a reference loop, a duplicate code or key, a
// dangling reference — is always refused with a Chinese message at the defect's path; and no input makes it throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMULA_OPS } from "@/lib/template/formula";
import type { TCriterionInput, TSchemeInput } from "@/lib/template/schema";
import { validateScheme } from "@/lib/template/validate-scheme";

type Indicator = NonNullable<TCriterionInput["indicators"]>[number];
type Input = NonNullable<TCriterionInput["inputs"]>[number];
type Check = NonNullable<TCriterionInput["checks"]>[number];

const HAN = /\p{Script=Han}/u;
// "schools" counts a per-school table's verdicts and has no operands; the generated schemes have no tables.
const OPERAND_OPS = FORMULA_OPS.filter((op) => op !== "schools");
const title = fc.stringMatching(/^[\u4e00-\u4fff]{1,6}[a-z0-9]{0,3}$/);

/**
 * A valid scheme: criteria with inputs, then indicators whose operands are earlier figures of the same scheme (so no
 * loop), numeric operands for arithmetic and yes/no operands for yesno, and checks over numeric figures.
 */
const validScheme = fc
  .record({
    criteria: fc.integer({ min: 1, max: 5 }),
    grouped: fc.boolean(),
    seeds: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
    titles: fc.array(title, { minLength: 10, maxLength: 10 }),
  })
  .map(({ criteria, grouped, seeds, titles }): TSchemeInput => {
    let s = 0;
    const next = (n: number) => seeds[s++ % seeds.length] % n;
    const numeric: string[] = [];
    const yesno: string[] = [];
    let k = 0;
    const key = () => `f${k++}`;
    const items = Array.from({ length: criteria }, (_, i) => {
      const inputs: Input[] = [];
      const indicators: Indicator[] = [];
      const checks: Check[] = [];
      for (let j = 0; j < 1 + next(3); j++) {
        const kind = (["integer", "decimal", "boolean"] as const)[next(3)];
        const k2 = key();
        inputs.push({ key: k2, label: `${titles[next(10)]}${k2}`, unit: "人", kind });
        (kind === "boolean" ? yesno : numeric).push(k2);
      }
      for (let j = 0; j < next(4); j++) {
        const pick = () => numeric[next(numeric.length)];
        const op = OPERAND_OPS[next(OPERAND_OPS.length)];
        const k2 = key();
        if (op === "yesno") {
          if (!yesno.length) continue;
          indicators.push({ key: k2, label: k2, formula: { op, of: yesno[next(yesno.length)] }, target: { op: "yes" } });
          yesno.push(k2);
          continue;
        }
        if (!numeric.length) continue;
        const formula =
          op === "sum" || op === "average"
            ? { op, terms: [pick(), pick()] }
            : op === "difference"
              ? { op, a: pick(), b: pick() }
              : op === "growth"
                ? { op, current: pick(), previous: pick() }
                : op === "value"
                  ? { op, of: pick() }
                  : { op, num: pick(), den: pick() };
        indicators.push({ key: k2, label: k2, unit: "%", precision: next(7), formula, target: { op: ">=", value: next(100) } } as Indicator);
        numeric.push(k2);
      }
      if (numeric.length >= 3 && next(2)) {
        checks.push({ key: key(), label: "核对", kind: "sumEquals", parts: [numeric[0], numeric[1]], total: numeric[2] });
      }
      return { code: `c${i}`, ordinal: i + 1, title: titles[i], guidance: "按要求填写。", inputs, indicators, checks };
    });
    const groups = grouped
      ? [
          { code: "g0", title: "第一组", criteria: items.slice(0, Math.ceil(criteria / 2)).map((c) => c.code) },
          { code: "g1", title: "第二组", criteria: items.slice(Math.ceil(criteria / 2)).map((c) => c.code) },
        ].filter((g) => g.criteria.length)
      : [];
    return {
      code: "prop-scheme",
      title: "生成的评价方案",
      province: "测试省",
      level: "county",
      year: 2024,
      version: 1,
      notice: { title: "通知", docNumber: "测〔2024〕1号" },
      numbering: grouped ? "grouped" : "flat",
      groups,
      parts: [
        { key: "profile", kind: "profile", title: "基本情况", inputs: [] },
        { key: "self_check", kind: "criteria", title: "自查情况" },
        { key: "problems", kind: "problems", title: "存在问题" },
        { key: "next_steps", kind: "nextSteps", title: "下一步" },
      ],
      criteria: items,
    };
  });

/** Where the scheme's indicators are, as [criterion index, indicator index]. */
const indicatorsOf = (scheme: TSchemeInput) =>
  scheme.criteria.flatMap((c, i) => (c.indicators ?? []).map((ind, j) => ({ i, j, ind })));
const numericIndicators = (scheme: TSchemeInput) => indicatorsOf(scheme).filter((x) => x.ind.formula.op !== "yesno");

function errorsOf(json: unknown) {
  const result = validateScheme(json);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  for (const e of result.errors) {
    expect(typeof e.path).toBe("string");
    expect(e.message).toMatch(HAN);
  }
  return result.errors;
}

const clone = <T>(x: T): T => structuredClone(x);
const RUNS = { numRuns: 150 };

describe("validateScheme (property)", () => {
  it("accepts every generated valid scheme", () => {
    fc.assert(
      fc.property(validScheme, (scheme) => {
        const result = validateScheme(scheme);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.scheme.criteria).toHaveLength(scheme.criteria.length);
      }),
      RUNS,
    );
  });

  it("generates schemes that exercise every formula op, checks and grouped numbering", () => {
    const samples = fc.sample(validScheme, { numRuns: 200, seed: 1 });
    const ops = new Set(samples.flatMap((s) => indicatorsOf(s).map((x) => x.ind.formula.op)));
    expect([...ops].sort()).toEqual([...OPERAND_OPS].sort());
    expect(samples.some((s) => s.criteria.some((c) => c.checks?.length))).toBe(true);
    expect(samples.some((s) => s.numbering === "grouped")).toBe(true);
  });

  it("refuses an unknown formula op at formula.op, naming the allowed ones", () => {
    const op = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !(FORMULA_OPS as readonly string[]).includes(s));
    fc.assert(
      fc.property(
        validScheme.filter((s) => indicatorsOf(s).length > 0),
        op,
        fc.nat(),
        (scheme, badOp, n) => {
          const bad = clone(scheme);
          const all = indicatorsOf(bad);
          const { i, j } = all[n % all.length];
          (bad.criteria[i].indicators![j].formula as { op: string }).op = badOp;
          const errors = errorsOf(bad);
          expect(errors).toContainEqual({
            path: `criteria[${i}].indicators[${j}].formula.op`,
            message: expect.stringContaining(`未知的公式类型 ${JSON.stringify(badOp)}，可用的有：`),
          });
        },
      ),
      RUNS,
    );
  });

  it("refuses a reference loop (self or between two indicators) and names the indicators", () => {
    fc.assert(
      fc.property(
        validScheme.filter((s) => numericIndicators(s).length > 0),
        fc.nat(),
        fc.nat(),
        (scheme, a, b) => {
          const bad = clone(scheme);
          const all = numericIndicators(bad);
          const x = all[a % all.length];
          const y = all[b % all.length];
          // Point one operand of x at y, and one of y at x: a loop of length 1 (x = y) or 2.
          const point = (f: Indicator["formula"], to: string) => {
            const o = f as Record<string, unknown>;
            if (f.op === "sum" || f.op === "average") o.terms = [to];
            else o[Object.keys(o).find((k) => k !== "op")!] = to;
          };
          point(x.ind.formula, y.ind.key);
          point(y.ind.formula, x.ind.key);
          const errors = errorsOf(bad);
          const loop = errors.find((e) => e.message.startsWith("指标之间存在循环引用："));
          expect(loop).toBeDefined();
          expect(loop!.message).toContain(x.ind.key);
          expect(loop!.message).toContain(y.ind.key);
          expect(loop!.path).toMatch(/^criteria\[\d+\]\.indicators\[\d+\]\.formula$/);
        },
      ),
      RUNS,
    );
  });

  it("refuses a duplicate criterion code or figure key at the later occurrence", () => {
    fc.assert(
      fc.property(validScheme, fc.boolean(), fc.nat(), (scheme, figure, n) => {
        const bad = clone(scheme);
        if (figure) {
          const inputs = bad.criteria.flatMap((c, i) => (c.inputs ?? []).map((inp, j) => ({ i, j, inp })));
          const last = inputs[inputs.length - 1];
          const first = inputs[n % inputs.length];
          const copy = { ...first.inp };
          bad.criteria[last.i].inputs!.push(copy);
          const at = `criteria[${last.i}].inputs[${bad.criteria[last.i].inputs!.length - 1}].key`;
          expect(errorsOf(bad)).toContainEqual({
            path: at,
            message: `键名「${copy.key}」重复（已在 criteria[${first.i}].inputs[${first.j}].key 使用）`,
          });
        } else {
          const first = n % bad.criteria.length;
          bad.criteria.push({ ...bad.criteria[first], ordinal: bad.criteria.length + 1, inputs: [], indicators: [], checks: [] });
          if (bad.numbering === "grouped") bad.groups![bad.groups!.length - 1].criteria.push(bad.criteria[first].code);
          const errors = errorsOf(bad);
          expect(errors).toContainEqual({
            path: `criteria[${bad.criteria.length - 1}].code`,
            message: `评价重点代码「${bad.criteria[first].code}」重复（已在 criteria[${first}].code 使用）`,
          });
        }
      }),
      RUNS,
    );
  });

  it("refuses a dangling reference at the operand's path", () => {
    const ghost = fc.stringMatching(/^ghost_[a-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(
        validScheme.filter((s) => indicatorsOf(s).length > 0),
        ghost,
        fc.nat(),
        (scheme, missing, n) => {
          const bad = clone(scheme);
          const all = indicatorsOf(bad);
          const { i, j, ind } = all[n % all.length];
          const f = ind.formula as Record<string, unknown>;
          const field = ind.formula.op === "sum" || ind.formula.op === "average" ? "terms" : Object.keys(f).find((k) => k !== "op")!;
          f[field] = field === "terms" ? [missing] : missing;
          const path = `criteria[${i}].indicators[${j}].formula.${field === "terms" ? "terms[0]" : field}`;
          expect(errorsOf(bad)).toContainEqual({ path, message: `引用了不存在的数据「${missing}」` });
        },
      ),
      RUNS,
    );
  });

  it("never throws: any JSON, and valid schemes with a random node replaced by random JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = validateScheme(json);
        if (!result.ok) for (const e of result.errors) expect(e.message).toMatch(HAN);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(validScheme, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue(), (scheme, walk, junk) => {
        const bad = clone(scheme) as unknown as Record<string, unknown>;
        // Walk a random path down the object and replace what is there.
        let node: Record<string, unknown> = bad;
        for (const [step, n] of walk.entries()) {
          const keys = Object.keys(node);
          if (!keys.length) break;
          const k = keys[n % keys.length];
          const child = node[k];
          if (step === walk.length - 1 || child === null || typeof child !== "object") {
            node[k] = junk;
            break;
          }
          node = child as Record<string, unknown>;
        }
        const result = validateScheme(bad);
        if (!result.ok) {
          for (const e of result.errors) {
            expect(typeof e.path).toBe("string");
            expect(e.message).toMatch(HAN);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
