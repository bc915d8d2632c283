// 一票否决 answers: what blocks a submission, and the reviewer's view that puts them first. A "是" is a blocking
// finding, not a warning: a county answering that a vetoing condition exists cannot pass, and saying so in a
// report that is then submitted as if it could would mislead the reviewer.
import type { TScheme } from "@/lib/template/schema";
import type { TVeto } from "@/lib/template/school-table";
import { emptyVetoAnswer, type SectionContent, type TVetoAnswer, type TVetoContent } from "@/lib/report/content";
import { sectionsOf, type SectionDef } from "@/lib/report/sections";

export type VetoStatus = "triggered" | "unanswered" | "clear";

export interface VetoAnswerView extends TVetoAnswer {
  key: string;
  question: string;
  source?: string;
  status: VetoStatus;
  sectionKey: string;
}

const RANK: Record<VetoStatus, number> = { triggered: 0, unanswered: 1, clear: 2 };

export const vetoStatus = (answer: TVetoAnswer | undefined): VetoStatus =>
  answer?.answer === "是" ? "triggered" : answer?.answer === "否" ? "clear" : "unanswered";

/** Every veto item with its answer, for reviewers: triggered first, then unanswered, then cleared, each group in
 *  scheme order. Empty when the scheme has no veto items. */
export function vetoAnswers(scheme: TScheme, contents: Record<string, SectionContent | undefined>): VetoAnswerView[] {
  const def = sectionsOf(scheme).find((s) => s.kind === "veto");
  if (!def) return [];
  const answers = (contents[def.key] as TVetoContent | undefined)?.answers ?? {};
  return scheme.vetoes
    .map((v: TVeto, order) => {
      const answer = answers[v.key] ?? emptyVetoAnswer();
      return { order, view: { ...answer, key: v.key, question: v.question, source: v.source, status: vetoStatus(answer), sectionKey: def.key } };
    })
    .sort((a, b) => RANK[a.view.status] - RANK[b.view.status] || a.order - b.order)
    .map((x) => x.view);
}

/** The report's sections in the order a reviewer reads them: the veto answers right after the title, then the rest. */
export function sectionsForReview(scheme: TScheme): SectionDef[] {
  const sections = sectionsOf(scheme);
  const veto = sections.filter((s) => s.kind === "veto");
  const rest = sections.filter((s) => s.kind !== "veto");
  return rest.length && rest[0].kind === "meta" ? [rest[0], ...veto, ...rest.slice(1)] : [...veto, ...rest];
}

/** Unknown item keys would be stored and never shown; a save refuses them. */
export function vetoContentErrors(vetoes: readonly TVeto[], content: TVetoContent): Record<string, string[]> {
  const known = new Set(vetoes.map((v) => v.key));
  const errors: Record<string, string[]> = {};
  for (const key of Object.keys(content.answers)) if (!known.has(key)) errors[`answers.${key}`] = [`没有「${key}」这一否决事项`];
  return errors;
}
