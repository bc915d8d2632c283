// The enrolment-weighted 差异系数 of 教督〔2017〕6号 (shared/domain/reference.md §2.1):
//   X̄ = county value (county total ÷ county pupils), S = √Σ (Pᵢ/P)·(Xᵢ − X̄)², CV = S / X̄,
// Pᵢ a school's pupils and P the county's. Computed in doubles: a square root has no exact fraction, and an exact
// sum over 2,000 schools' distinct denominators costs seconds for no visible gain — the result is printed to 3–4
// decimals and compared in its printed form (lib/schools/rules.ts), so rounding noise at 1e-13 cannot flip a verdict
// except at an exact tie, where the printed value decides as it would for a reviewer.

export interface CvPoint {
  /** Pᵢ: the school's pupils (> 0). */
  weight: number;
  /** Xᵢ: the school's value of the indicator. */
  value: number;
}

export type CvOutcome = { ok: true; mean: number; sd: number; cv: number } | { ok: false; reason: string };

/** `mean` is the county value when the caller has it (county total ÷ county pupils); otherwise the weighted mean
 *  Σ(Pᵢ/P)Xᵢ, which is the same number whenever Xᵢ is "something per pupil". */
export function weightedCv(points: readonly CvPoint[], mean?: number): CvOutcome {
  if (!points.length) return { ok: false, reason: "没有可参与计算的学校" };
  if (points.some((p) => !(p.weight > 0) || !Number.isFinite(p.weight) || !Number.isFinite(p.value))) {
    return { ok: false, reason: "学生数应大于 0、指标值应为有限数值" };
  }
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  const xBar = mean ?? points.reduce((sum, p) => sum + (p.weight / total) * p.value, 0);
  if (!Number.isFinite(xBar)) return { ok: false, reason: "全县平均值无法计算" };
  if (xBar === 0) return { ok: false, reason: "全县平均值为 0，差异系数无意义" };
  // Two passes (deviations from the mean, not E[X²] − X̄²): no cancellation when the schools are nearly equal.
  const variance = points.reduce((sum, p) => sum + (p.weight / total) * (p.value - xBar) ** 2, 0);
  const sd = Math.sqrt(variance);
  return { ok: true, mean: xBar, sd, cv: sd / Math.abs(xBar) };
}
