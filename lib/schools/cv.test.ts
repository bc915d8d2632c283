import { describe, expect, it } from "vitest";
import { weightedCv } from "@/lib/schools/cv";

// Published worked example: 《县域义务教育校际均衡指标计算方法（以生均图书册数为例）》,
// https://m.777doc.com/doc-2019910.html (same text: http://bubsandbeans.com/paper/263358190.html,
// https://360docs.net/doc/7e8843742.html), cited in shared/domain/reference.md §2.1. 5 小学 with pupils and books:
//   小学1 45/279, 小学2 37/137, 小学3 89/935, 小学4 76/160, 小学5 55/402; county 302 pupils, 1913 books.
// The page works with values rounded to 2 decimals: per-school terms (Pᵢ/P)(Xᵢ−X̄)² = 0.003, 0.85, 5.13, 4.50, 0.17,
// sum 10.65, S = 3.26, X̄ = 6.33, CV = 0.52. It prints no more decimals, so the four-decimal value below is derived
// independently with exact fractions (Python's fractions.Fraction, then one square root):
//   X̄ = 1913/302 = 6.334437…, Σ(Pᵢ/P)(Xᵢ−X̄)² = 10.652787…, S = 3.263861…, CV = 0.515257… → 0.5153.
const BOOKS = [
  { pupils: 45, books: 279 },
  { pupils: 37, books: 137 },
  { pupils: 89, books: 935 },
  { pupils: 76, books: 160 },
  { pupils: 55, books: 402 },
];
const points = BOOKS.map((s) => ({ weight: s.pupils, value: s.books / s.pupils }));

describe("weightedCv: the published 生均图书册数 example", () => {
  it("reproduces the page's intermediate figures at the page's precision", () => {
    const result = weightedCv(points, 1913 / 302);
    if (!result.ok) throw new Error(result.reason);
    const terms = points.map((p) => (p.weight / 302) * (p.value - result.mean) ** 2);
    expect(terms.map((t) => Number(t.toFixed(2)))).toEqual([0, 0.85, 5.13, 4.5, 0.17]);
    expect(result.mean.toFixed(2)).toBe("6.33");
    expect(result.sd.toFixed(2)).toBe("3.26");
    expect(result.cv.toFixed(2)).toBe("0.52");
  });

  it("gives CV = 0.5153 to four decimals", () => {
    const result = weightedCv(points, 1913 / 302);
    expect(result.ok && result.cv.toFixed(4)).toBe("0.5153");
    expect(result.ok && result.sd.toFixed(4)).toBe("3.2639");
  });

  it("uses the weighted mean when no county value is given (the same number for per-pupil values)", () => {
    const result = weightedCv(points);
    expect(result.ok && result.mean).toBeCloseTo(1913 / 302, 12);
    expect(result.ok && result.cv.toFixed(4)).toBe("0.5153");
  });
});

describe("weightedCv: edge cases", () => {
  it("is 0 for one school", () => {
    expect(weightedCv([{ weight: 500, value: 4.8 }])).toEqual({ ok: true, mean: 4.8, sd: 0, cv: 0 });
  });

  it("is 0 when every school has the county value", () => {
    const result = weightedCv([{ weight: 100, value: 2 }, { weight: 300, value: 2 }]);
    expect(result.ok && result.cv).toBe(0);
  });

  it("weights by enrolment: a small outlier moves the CV less than a large one", () => {
    const small = weightedCv([{ weight: 900, value: 5 }, { weight: 100, value: 1 }]);
    const large = weightedCv([{ weight: 100, value: 5 }, { weight: 900, value: 1 }]);
    expect(small.ok && large.ok && small.cv < large.cv).toBe(true);
  });

  it("refuses an empty set, zero enrolment and a zero mean with a reason", () => {
    expect(weightedCv([])).toEqual({ ok: false, reason: "没有可参与计算的学校" });
    expect(weightedCv([{ weight: 0, value: 3 }])).toMatchObject({ ok: false });
    expect(weightedCv([{ weight: 10, value: 0 }, { weight: 20, value: 0 }])).toEqual({ ok: false, reason: "全县平均值为 0，差异系数无意义" });
    expect(weightedCv([{ weight: 10, value: Number.NaN }])).toMatchObject({ ok: false });
  });
});
