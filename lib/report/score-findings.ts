// What the 提交前检查 asks of a scored item: a score (typed items), within 满分 and on the scheme's step, and a
// 评分依据 when points are deducted (or always, as the scheme says). The save refuses a score above 满分 outright
// (lib/report/content-rules.ts); these findings point at what is still missing.
import type { TScheme } from "@/lib/template/schema";
import { scoreProblem } from "@/lib/report/score-rules";
import type { ScoreSheet } from "@/lib/report/scores";
import type { SectionDef } from "@/lib/report/sections";
import type { TNarrativeContent } from "@/lib/report/content";
import { fieldId, type Finding } from "@/lib/report/precheck";

export function scoreFindings(def: SectionDef, c: TNarrativeContent, scheme: TScheme, sheet: ScoreSheet | null): Finding[] {
  const criterion = def.criterion;
  if (!sheet || !scheme.scoring || !criterion || def.kind !== "narrative") return [];
  const item = sheet.items.find((i) => i.code === criterion.code);
  if (!item || item.source === "rule") return [];
  const at = (field: string, message: string): Finding => ({ sectionKey: def.key, field: fieldId(def.key, field), message: `${def.title}：${message}`, severity: "error" });
  if (c.score === null || c.score === undefined) return [at("score", `自评得分尚未填写（满分 ${item.max} 分）`)];
  // A score the box could not take ("2.5" for 2 分) is held in the form as its text, never saved.
  if (typeof c.score !== "number") return [at("score", `自评得分“${String(c.score)}”有误，请改正（满分 ${item.max} 分）`)];
  const problem = scoreProblem(c.score, item.max, scheme.scoring.step);
  if (problem) return [at("score", problem)];
  const basis = scheme.scoring.basis;
  const deducted = c.score < item.max;
  if (!(c.scoreBasis ?? "").trim() && (basis === "always" || (basis === "whenDeducted" && deducted))) {
    return [at("scoreBasis", deducted ? `扣了 ${Number((item.max - c.score).toFixed(6))} 分，请写明评分依据` : "请写明评分依据")];
  }
  return [];
}
