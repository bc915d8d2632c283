// Exact arithmetic for figures. Reports print ratios to two decimals rounded half-up, and a reviewer recomputes them
// by hand: binary floats get cases like 1.005 → "1.00" or 201/200 × 100 → 100.49999… wrong, so every input is read
// as the decimal the county typed and every formula is evaluated as an exact fraction of bigints.

export interface Rational {
  /** Numerator; carries the sign. */
  n: bigint;
  /** Denominator; always positive. */
  d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
const pow10 = (k: number) => 10n ** BigInt(k);

function make(n: bigint, d: bigint): Rational {
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

/** The decimal a number prints as (so 0.1 is exactly 1/10); null for NaN and ±Infinity. */
export function rationalFromNumber(x: number): Rational | null {
  if (!Number.isFinite(x)) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) return null;
  const [, sign, whole, fraction = "", exponent = "0"] = m;
  const scale = Number(exponent) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0 ? make(digits * pow10(scale), 1n) : make(digits, pow10(-scale));
}

export const add = (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtract = (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d);
export const multiply = (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d);
/** null when dividing by zero: callers turn that into a "cannot compute" status, never Infinity. */
export const divide = (a: Rational, b: Rational): Rational | null => (b.n === 0n ? null : make(a.n * b.d, a.d * b.n));
export const HUNDRED: Rational = { n: 100n, d: 1n };
export const THOUSAND: Rational = { n: 1000n, d: 1n };

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const diff = a.n * b.d - b.n * a.d;
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

/** Half-up rounding as written in reports: 99.825 → 99.83, and −2.345 → −2.35 (halves go away from zero). */
export function roundHalfUp(x: Rational, places: number): Rational {
  const scaled = abs(x.n) * pow10(places);
  const quotient = scaled / x.d;
  const up = (scaled % x.d) * 2n >= x.d ? 1n : 0n;
  return make((x.n < 0n ? -1n : 1n) * (quotient + up), pow10(places));
}

/** Rounded half-up and written with exactly `places` decimals, e.g. "99.82", "100.00", "-2.35". */
export function toFixedString(x: Rational, places: number): string {
  const r = roundHalfUp(x, places);
  const units = abs(r.n) * (pow10(places) / r.d);
  const digits = units.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const sign = r.n < 0n ? "-" : "";
  return places ? `${sign}${whole}.${digits.slice(-places)}` : `${sign}${whole}`;
}

/** Drops trailing zeros the way reports write numbers: "100.00" → "100", "55.70" → "55.7". */
export function trimZeros(fixed: string): string {
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}
