// The one check of a typed score, shared by the form (as the county types), the save (which refuses it) and the
// precheck: not negative, not above the item's 满分, and a multiple of the scheme's step (0.1 → 1.85 is refused).
import { divide, rationalFromNumber } from "@/lib/indicators/rational";

export function scoreProblem(score: number, max: number, step?: number): string | null {
  if (!Number.isFinite(score)) return "请输入数字";
  if (score < 0) return "得分不能为负";
  if (score > max) return `自评得分不能超过满分 ${max} 分`;
  if (step !== undefined) {
    const q = divide(rationalFromNumber(score)!, rationalFromNumber(step)!);
    if (q && q.d !== 1n) return `得分应为 ${step} 分的整数倍（按 ${step} 分递减计分）`;
  }
  return null;
}
