// Scheme-aware checks of a section's content that the per-kind zod schemas cannot do (they do not know the scheme):
// a school table's column, type and stage keys and its numbers; a veto section's item keys; a scored item's score. Called by
// parseSectionContent on every save, after the shape has been parsed.
import type { FieldErrors } from "@/lib/errors";
import type { SectionContent, TNarrativeContent, TSchoolTableContent, TVetoContent } from "@/lib/report/content";
import { scoreProblem } from "@/lib/report/score-rules";
import { statedErrors } from "@/lib/report/stated";
import type { SectionDef } from "@/lib/report/sections";
import { vetoContentErrors } from "@/lib/report/veto";
import { schoolTableContentErrors } from "@/lib/schools/rows";

export function sectionContentErrors(def: SectionDef, content: SectionContent): FieldErrors {
  if (def.kind === "schoolTable" && def.table) return schoolTableContentErrors(def.table, content as TSchoolTableContent);
  if (def.kind === "veto") return vetoContentErrors(def.vetoes ?? [], content as TVetoContent);
  if (def.kind === "narrative") return { ...(def.score ? scoreErrors(def.score, content as TNarrativeContent) : {}), ...narrativeExtrasErrors(def, content as TNarrativeContent) };
  return {};
}

/** A score above 满分 (or off the step) is refused, not stored; a rule-derived item takes no typed score. */
function scoreErrors(score: NonNullable<SectionDef["score"]>, c: TNarrativeContent): FieldErrors {
  if (c.score === null || c.score === undefined) return {};
  if (typeof c.score !== "number") return { score: ["得分应为数字"] };
  if (score.rule) return { score: ["本项得分按方案规则由指标自动计算，不能手动填写"] };
  const problem = scoreProblem(c.score, score.max, score.step);
  return problem ? { score: [problem] } : {};
}

/** Stated results, notes and explanations may only name the section's own figures and checks. */
function narrativeExtrasErrors(def: SectionDef, c: TNarrativeContent): FieldErrors {
  const errors: FieldErrors = statedErrors(def, c.stated);
  const figures = new Set([...def.inputs.map((i) => i.key), ...def.indicators.map((i) => i.key)]);
  for (const key of Object.keys(c.notes)) if (!figures.has(key)) errors[`notes.${key}`] = ["本部分没有这项数据"];
  const checks = new Set(def.checks.map((ch) => `check:${ch.key}`));
  for (const target of Object.keys(c.explanations)) if (!checks.has(target)) errors[`explanations.${target}`] = ["本部分没有这项核对"];
  return errors;
}
