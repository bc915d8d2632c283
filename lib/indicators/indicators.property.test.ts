// Property-based tests of the formula engine: the laws exact arithmetic must obey, checked against plain BigInt
// cross-multiplication; formulas that never throw whatever a county types (a zero denominator is a "cannot
// compute" result, never Infinity); printing that reads back as the same number; and the input check accepting
// exactly the well-formed numbers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/indicators/compute";
import { formatFigureValue } from "@/lib/indicators/format";
import { validateInputValue } from "@/lib/indicators/input-value";
import {
  add,
  compare,
  divide,
  multiply,
  rationalFromNumber,
  roundHalfUp,
  subtract,
  toFixedString,
  trimZeros,
  type Rational,
} from "@/lib/indicators/rational";
import { meetsTarget } from "@/lib/indicators/targets";
import { ZInput, type TCriterionInput } from "@/lib/template/schema";
import { testScheme } from "@/lib/template/test-scheme";
import { defineScheme } from "@/lib/template/validate-scheme";

const RUNS = { numRuns: 300 };

const bigGcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : bigGcd(b, a % b));
const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n);
/** A rational in lowest terms built directly from bigints (the reference, independent of the module's `make`). */
const rational = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), nonZero).map(([n, d]): Rational => {
  const sign = d < 0n ? -1n : 1n;
  const g = bigGcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
});
/** Same value as fractions: a/b = c/d ⇔ ad = bc. */
const sameValue = (x: Rational, y: Rational) => x.n * y.d === y.n * x.d;
const normalised = (x: Rational) => x.d > 0n && bigGcd(x.n, x.d) === 1n;
const ZERO: Rational = { n: 0n, d: 1n };

describe("rational arithmetic (property)", () => {
  it("results are in lowest terms with a positive denominator and equal the BigInt cross-multiplication", () => {
    fc.assert(
      fc.property(rational, rational, (a, b) => {
        const sum = add(a, b);
        const diff = subtract(a, b);
        const prod = multiply(a, b);
        for (const r of [sum, diff, prod]) expect(normalised(r)).toBe(true);
        expect(sum.n * a.d * b.d).toBe((a.n * b.d + b.n * a.d) * sum.d);
        expect(diff.n * a.d * b.d).toBe((a.n * b.d - b.n * a.d) * diff.d);
        expect(prod.n * a.d * b.d).toBe(a.n * b.n * prod.d);
        const q = divide(a, b);
        if (b.n === 0n) expect(q).toBeNull();
        else {
          expect(q && normalised(q)).toBe(true);
          expect(q!.n * a.d * b.n).toBe(a.n * b.d * q!.d);
        }
      }),
      RUNS,
    );
  });

  it("obeys the field laws exactly (no drift, unlike floats)", () => {
    fc.assert(
      fc.property(rational, rational, rational, (a, b, c) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(multiply(a, b)).toEqual(multiply(b, a));
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(multiply(multiply(a, b), c)).toEqual(multiply(a, multiply(b, c)));
        expect(multiply(a, add(b, c))).toEqual(add(multiply(a, b), multiply(a, c)));
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(a, ZERO)).toEqual(a);
        if (b.n !== 0n) expect(multiply(divide(a, b)!, b)).toEqual(a);
      }),
      RUNS,
    );
  });

  it("compare is a total order consistent with the sign of the difference", () => {
    fc.assert(
      fc.property(rational, rational, (a, b) => {
        const c = compare(a, b);
        const d = subtract(a, b).n;
        expect(c).toBe(d === 0n ? 0 : d < 0n ? -1 : 1);
        expect(compare(b, a)).toBe(-c === 0 ? 0 : -c);
      }),
      RUNS,
    );
  });

  it("reads a number as exactly the decimal it prints as", () => {
    // Up to 15 significant digits, so the decimal string survives the trip through a double unchanged.
    const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 12 }));
    fc.assert(
      fc.property(decimal, ([units, places]) => {
        const scale = 10n ** BigInt(places);
        const abs = units < 0n ? -units : units;
        const text = `${units < 0n ? "-" : ""}${abs / scale}${places ? `.${(abs % scale).toString().padStart(places, "0")}` : ""}`;
        const r = rationalFromNumber(Number(text));
        expect(r).not.toBeNull();
        expect(normalised(r!)).toBe(true);
        expect(sameValue(r!, { n: units, d: scale })).toBe(true);
      }),
      RUNS,
    );
  });

  it("reads every finite double (including subnormals and 1e308) and refuses NaN and ±Infinity", () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const r = rationalFromNumber(x);
        if (!Number.isFinite(x)) expect(r).toBeNull();
        else {
          expect(r).not.toBeNull();
          expect(normalised(r!)).toBe(true);
          // The denominator is a power of ten's divisor, and the decimal it spells reads back as the same double.
          let k = 0;
          while ((10n ** BigInt(k)) % r!.d !== 0n) k++;
          expect(k).toBeLessThanOrEqual(400);
          expect(Number(`${(r!.n * 10n ** BigInt(k)) / r!.d}e-${k}`)).toBe(x === 0 ? 0 : x);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("rounding and printing (property)", () => {
  const places = fc.integer({ min: 0, max: 6 });

  it("rounds half-up to within half a unit, away from zero on ties", () => {
    fc.assert(
      fc.property(rational, places, (x, p) => {
        const r = roundHalfUp(x, p);
        const unit: Rational = { n: 1n, d: 10n ** BigInt(p) };
        const half: Rational = { n: 1n, d: 2n * 10n ** BigInt(p) };
        // r is a multiple of the unit …
        expect((10n ** BigInt(p)) % r.d).toBe(0n);
        // … and |r − x| ≤ half a unit, with the tie going away from zero.
        const err = subtract(r, x);
        const absErr = err.n < 0n ? { n: -err.n, d: err.d } : err;
        expect(compare(absErr, half)).toBeLessThanOrEqual(0);
        if (compare(absErr, half) === 0) expect(compare(r, ZERO) * compare(x, ZERO)).toBe(1);
        expect(compare(absErr, unit)).toBe(-1);
      }),
      RUNS,
    );
  });

  it("prints exactly `places` decimals that read back as the rounded value; trimming keeps the value", () => {
    fc.assert(
      fc.property(rational, places, (x, p) => {
        const fixed = toFixedString(x, p);
        expect(fixed).toMatch(p ? new RegExp(`^-?\\d+\\.\\d{${p}}$`) : /^-?\d+$/);
        expect(fixed).not.toMatch(/^-0(\.0*)?$/); // never a negative zero
        const [whole, frac = ""] = fixed.replace("-", "").split(".");
        const back: Rational = { n: (fixed.startsWith("-") ? -1n : 1n) * BigInt(whole + frac), d: 10n ** BigInt(p) };
        expect(sameValue(back, roundHalfUp(x, p))).toBe(true);
        const trimmed = trimZeros(fixed);
        expect(trimmed).not.toMatch(/\.$|\.\d*0$/);
        expect(Number(trimmed)).toBe(Number(fixed));
      }),
      RUNS,
    );
  });

  it("a typed figure prints as its own decimal and reads back as the same number", () => {
    const typed = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 })).map(([u, p]) => u / 10 ** p);
    fc.assert(
      fc.property(typed, fc.constantFrom("", "人", "%", "万元"), (x, unit) => {
        const shown = formatFigureValue(x, unit);
        expect(shown.endsWith(unit)).toBe(true);
        expect(Number(shown.slice(0, shown.length - unit.length))).toBe(Number(x.toFixed(6)));
      }),
      RUNS,
    );
    expect(formatFigureValue(Number.NaN, "人")).toBe("未填写");
    expect(formatFigureValue(Number.POSITIVE_INFINITY, "人")).toBe("未填写");
  });
});

describe("computeIndicators on arbitrary figures (property)", () => {
  const inputs: TCriterionInput["inputs"] = [
    { key: "a", label: "甲", kind: "decimal", min: -1e12 },
    { key: "b", label: "乙", kind: "decimal", min: -1e12 },
    { key: "flag", label: "是否", kind: "boolean" },
  ];
  const precision = 2;
  const scheme = defineScheme(
    testScheme({
      inputs,
      indicators: [
        { key: "pct", label: "百分比", unit: "%", precision, formula: { op: "percent", num: "a", den: "b" }, target: { op: ">=", value: 90 } },
        { key: "rat", label: "比值", precision, formula: { op: "ratio", num: "a", den: "b" } },
        { key: "gro", label: "增长率", unit: "%", precision, formula: { op: "growth", current: "a", previous: "b" } },
        { key: "tot", label: "合计", precision, formula: { op: "sum", terms: ["a", "b", "a"] } },
        { key: "dif", label: "差", precision, formula: { op: "difference", a: "a", b: "b" }, target: { op: "between", min: -5, max: 5 } },
        { key: "chain", label: "比值的百分比", unit: "%", precision, formula: { op: "percent", num: "rat", den: "pct" } },
        { key: "yes", label: "是否落实", formula: { op: "yesno", of: "flag" }, target: { op: "yes" } },
      ],
      checks: [{ key: "chk", label: "核对", kind: "sumEquals", parts: ["a", "b"], total: "tot" }],
    }),
  );

  /** Anything a stored value could be, including the values a broken client might send. */
  const anyValue = fc.oneof(
    fc.constant(0),
    fc.constant(-0),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 1e-7, 1e21),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );

  it("never throws; every result is a finite number, a yes/no or an explained missing value", () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (a, b, flag) => {
        const { indicators, checks } = computeIndicators(scheme, { a, b, flag } as never);
        for (const r of Object.values(indicators)) {
          expect(["met", "unmet", "missing", "no-target"]).toContain(r.status);
          expect(r.display).not.toMatch(/NaN|Infinity|undefined/);
          if (r.status === "missing") {
            expect(r.value).toBeNull();
            expect(r.reason).toMatch(/\p{Script=Han}/u);
          } else expect(typeof r.value === "boolean" || Number.isFinite(r.value)).toBe(true);
        }
        expect(checks.chk.message).toMatch(/\p{Script=Han}/u);
        expect(checks.chk.message).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 400 },
    );
  });

  it("a zero denominator gives 'cannot compute' with the reason, never Infinity", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), fc.constantFrom(0, -0), (a, b) => {
        const { indicators } = computeIndicators(scheme, { a, b });
        expect(indicators.pct).toMatchObject({ status: "missing", value: null, reason: "分母「乙」为 0，无法计算" });
        expect(indicators.rat).toMatchObject({ status: "missing", reason: "分母「乙」为 0，无法计算" });
        expect(indicators.gro).toMatchObject({ status: "missing", reason: "上年数据「乙」为 0，无法计算增长率" });
        expect(indicators.chain.status).toBe("missing");
        expect(indicators.dif.status).not.toBe("missing");
      }),
      { numRuns: 100 },
    );
    // Found by the property above: 1 / 5e-324 is exact but no double holds it; not computable, not Infinity.
    expect(computeIndicators(scheme, { a: 1, b: -5e-324 }).indicators.pct).toMatchObject({
      status: "missing",
      value: null,
      reason: "计算结果过大，无法计算，请检查数据",
    });
  });

  it("percent and ratio equal the float result to within rounding, and the target is judged on the printed value", () => {
    const figure = fc.tuple(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 0, max: 3 })).map(([u, p]) => u / 10 ** p);
    fc.assert(
      fc.property(figure, figure.filter((x) => x !== 0), (a, b) => {
        const { indicators } = computeIndicators(scheme, { a, b });
        const pct = indicators.pct.value as number;
        expect(Math.abs(pct - (100 * a) / b)).toBeLessThanOrEqual(0.005 + Math.abs((100 * a) / b) * 1e-12);
        expect(Math.abs((indicators.rat.value as number) - a / b)).toBeLessThanOrEqual(0.005 + Math.abs(a / b) * 1e-12);
        expect(indicators.pct.status).toBe(pct >= 90 ? "met" : "unmet");
        expect(indicators.pct.display).toBe(`${trimZeros(pct.toFixed(2))}%`);
        const dif = indicators.dif.value as number;
        expect(indicators.dif.status).toBe(dif >= -5 && dif <= 5 ? "met" : "unmet");
        expect(meetsTarget({ op: "between", min: -5, max: 5 }, rationalFromNumber(dif)!)).toBe(dif >= -5 && dif <= 5);
      }),
      RUNS,
    );
  });
});

describe("validateInputValue accepts exactly the well-formed numbers (property)", () => {
  const decimal = ZInput.parse({ key: "x", label: "数值", kind: "decimal", min: -1e15 });
  const count = ZInput.parse({ key: "n", label: "人数", unit: "人", kind: "integer" });
  const FW: Record<string, string> = { ".": "．", "-": "－" };
  const toFullWidth = (s: string) => s.replace(/[0-9.-]/g, (c) => FW[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  /** A plain decimal as a clerk types it, with the number it means. */
  const wellFormed = fc
    .record({
      neg: fc.boolean(),
      whole: fc.stringMatching(/^[0-9]{1,9}$/),
      frac: fc.option(fc.stringMatching(/^[0-9]{0,6}$/), { nil: undefined }),
      grouped: fc.boolean(),
      fullWidth: fc.boolean(),
      pad: fc.constantFrom("", " ", "\u3000", "\t"),
    })
    .map(({ neg, whole, frac, grouped, fullWidth, pad }) => {
      const canonical = `${neg ? "-" : ""}${whole}${frac === undefined ? "" : `.${frac}`}`;
      let typed = grouped ? canonical.replace(/\B(?=(\d{3})+(?!\d)(?=\.|$))/, ",") : canonical;
      if (fullWidth) typed = toFullWidth(typed);
      return { typed: `${pad}${typed}${pad}`, value: Number(canonical) };
    });

  it("accepts every well-formed decimal (half- or full-width, with separators) as its value", () => {
    fc.assert(
      fc.property(wellFormed, ({ typed, value }) => {
        expect(validateInputValue(decimal, typed)).toEqual({ ok: true, value });
      }),
      RUNS,
    );
  });

  it("refuses strings with anything that is not part of a decimal, in Chinese", () => {
    const junk = fc.oneof(
      fc.string({ minLength: 1 }).filter((s) => /[^0-9.\-\s,，\uFF10-\uFF19\uFF0E\uFF0D]/.test(s)),
      fc.constantFrom("1e5", "0x10", "Infinity", "NaN", "1.2.3", "--1", "1-", "-", ".", "+1", "１e３", "1_000"),
    );
    fc.assert(
      fc.property(junk, (s) => {
        const out = validateInputValue(decimal, s);
        // Strings that are only whitespace count as "not yet filled".
        if (s.trim() === "") expect(out).toEqual({ ok: true, value: null });
        else expect(out).toEqual({ ok: false, message: "请输入数字" });
      }),
      RUNS,
    );
  });

  it("an integer figure takes only whole, non-negative numbers; never throws on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const out = validateInputValue(count, raw);
        if (out.ok) {
          expect(out.value === null || (Number.isInteger(out.value) && (out.value as number) >= 0)).toBe(true);
        } else expect(out.message).toMatch(/\p{Script=Han}/u);
      }),
      RUNS,
    );
  });
});
