// Scheme-aware checks of a section's content that the per-kind zod schemas cannot do (they do not know the scheme):
// a school table's column, type and stage keys and its numbers; a veto section's item keys; a scored item's score. Called by
// parseSectionContent on every save, after the shape has been parsed.
import type { FieldErrors } from "@/lib/errors";
import type { SectionContent, TNarrativeContent, TSchoolTableContent, TVetoContent } from "@/lib/report/content";
import { scoreProblem } from "@/lib/report/score-rules";
import type { SectionDef } from "@/lib/report/sections";
import { vetoContentErrors } from "@/lib/report/veto";
import { schoolTableContentErrors } from "@/lib/schools/rows";

export function sectionContentErrors(def: SectionDef, content: SectionContent): FieldErrors {
  if (def.kind === "schoolTable" && def.table) return schoolTableContentErrors(def.table, content as TSchoolTableContent);
  if (def.kind === "veto") return vetoContentErrors(def.vetoes ?? [], content as TVetoContent);
  if (def.kind === "narrative" && def.score) return scoreErrors(def.score, content as TNarrativeContent);
  return {};
}

/** A score above 满分 (or off the step) is refused, not stored; a rule-derived item takes no typed score. */
function scoreErrors(score: NonNullable<SectionDef["score"]>, c: TNarrativeContent): FieldErrors {
  if (c.score === null || c.score === undefined) return {};
  if (score.rule) return { score: ["本项得分按方案规则由指标自动计算，不能手动填写"] };
  const problem = scoreProblem(c.score, score.max, score.step);
  return problem ? { score: [problem] } : {};
}
