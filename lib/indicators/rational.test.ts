import { describe, expect, it } from "vitest";
import { HUNDRED, divide, multiply, rationalFromNumber, roundHalfUp, toFixedString, trimZeros, type Rational } from "@/lib/indicators/rational";

const r = (x: number): Rational => {
  const v = rationalFromNumber(x);
  if (!v) throw new Error(`not finite: ${x}`);
  return v;
};
const percent = (num: number, den: number) => multiply(divide(r(num), r(den)) as Rational, HUNDRED);

describe("exact decimals", () => {
  it("reads numbers as the decimals they print as", () => {
    expect(rationalFromNumber(0.1)).toEqual({ n: 1n, d: 10n });
    expect(rationalFromNumber(-35.5)).toEqual({ n: -71n, d: 2n });
    expect(rationalFromNumber(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(rationalFromNumber(1.5e21)).toEqual({ n: 1500000000000000000000n, d: 1n });
    expect(rationalFromNumber(NaN)).toBeNull();
    expect(rationalFromNumber(Infinity)).toBeNull();
  });

  it("rounds half-up where binary floats go wrong", () => {
    expect((1.005).toFixed(2)).toBe("1.00"); // the float error this module exists to avoid
    expect(toFixedString(r(1.005), 2)).toBe("1.01");
    expect(toFixedString(r(2.675), 2)).toBe("2.68");
    expect(toFixedString(percent(201, 200), 0)).toBe("101");
    expect(toFixedString(r(0.5), 0)).toBe("1");
    expect(toFixedString(r(-2.345), 2)).toBe("-2.35");
    expect(toFixedString(r(0.004), 2)).toBe("0.00");
    expect(roundHalfUp(r(99.825), 2)).toEqual({ n: 9983n, d: 100n });
  });

  it("gives the Wenxi report's percentages to two decimals", () => {
    expect(toFixedString(percent(10736, 10755), 2)).toBe("99.82");
    expect(toFixedString(percent(6776, 12149), 2)).toBe("55.77");
    expect(toFixedString(percent(6132, 35556), 2)).toBe("17.25");
    expect(toFixedString(percent(3149, 25584), 2)).toBe("12.31");
    expect(toFixedString(percent(2983, 9972), 2)).toBe("29.91");
    expect(toFixedString(percent(7094, 8620), 1)).toBe("82.3");
  });

  it("refuses to divide by zero instead of producing Infinity", () => {
    expect(divide(r(5), r(0))).toBeNull();
  });

  it("trims trailing zeros as reports write numbers", () => {
    expect(trimZeros("100.00")).toBe("100");
    expect(trimZeros("55.70")).toBe("55.7");
    expect(trimZeros("1200")).toBe("1200");
  });
});
