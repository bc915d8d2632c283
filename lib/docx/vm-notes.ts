// What the Word file says about its figures besides their values: a 情况说明 where the county answered a failed
// check (in the section, after its text) or an unmet target (under 附件1), a result entered as stated by another
// office with its source, and the 数据来源 / 统计口径 notes. Only explanations of findings that still stand print:
// once the figures agree, an old explanation is moot.
import type { ComputedFigures } from "@/lib/indicators/types";
import type { SectionDef } from "@/lib/report/sections";
import type { SectionContent, TNarrativeContent, TProblemsContent } from "@/lib/report/content";
import type { TFigureNote } from "@/lib/report/content-extras";
import { checkTarget, unmetTarget } from "@/lib/report/explanations";
import type { FigureWords } from "@/lib/report/figure-words";
import { singleLine } from "@/lib/docx/text";

export type NotesContext = { computed: ComputedFigures; words: FigureWords };

const sentence = (text: string) => (/[。！？”]$/.test(text) ? text : `${text}。`);
const noteText = (n: TFigureNote) => [n.source && `来源：${singleLine(n.source)}`, n.basis && `统计口径：${singleLine(n.basis)}`].filter(Boolean).join("，");

/** Paragraphs closing a narrative section: 情况说明 of its failed checks, then where its typed figures come from. */
export function sectionNotes(def: SectionDef, c: TNarrativeContent, ctx: NotesContext): string[] {
  const out: string[] = [];
  for (const check of def.checks) {
    const text = singleLine(c.explanations[checkTarget(check.key)]?.text ?? "");
    if (text && ctx.computed.checks[check.key]?.ok === false) out.push(sentence(`情况说明（${singleLine(check.label)}）：${text}`));
  }
  const sourced = def.inputs.filter((i) => c.notes[i.key] && noteText(c.notes[i.key]));
  if (sourced.length) out.push(sentence(`数据说明：${sourced.map((i) => `${singleLine(i.label)}，${noteText(c.notes[i.key])}`).join("；")}`));
  return out;
}

/** Notes under 附件1 指标自评表, in the table's order: stated results, indicator notes, explanations of unmet targets. */
export function indicatorAnnexNotes(sections: SectionDef[], contents: Record<string, SectionContent | undefined>, ctx: NotesContext): string[] {
  const notes: string[] = [];
  const problems = sections.find((s) => s.kind === "problems");
  const explanations = (problems && (contents[problems.key] as TProblemsContent | undefined)?.explanations) || {};
  for (const def of sections) {
    const c = def.kind === "narrative" ? (contents[def.key] as TNarrativeContent | undefined) : undefined;
    for (const ind of def.indicators) {
      const label = singleLine(ind.label);
      const stated = c?.stated[ind.key];
      const parts: string[] = [];
      if (stated) parts.push(`为直接填写的结果${stated.source ? `（来源：${singleLine(stated.source)}）` : ""}`);
      const note = c?.notes[ind.key] && noteText(c.notes[ind.key]);
      if (note) parts.push(note);
      const explained = singleLine(explanations[unmetTarget(ind.key)]?.text ?? "");
      if (explained && ctx.computed.indicators[ind.key]?.status === "unmet") parts.push(`未达到目标，情况说明：${explained}`);
      if (parts.length) notes.push(sentence(`${label}${parts[0].startsWith("为") ? "" : "："}${parts.join("；")}`));
    }
  }
  // Unmet per-school table results answered with an explanation (their keys are not indicators of a section).
  for (const [target, e] of Object.entries(explanations)) {
    const key = target.replace(/^unmet:/, "");
    if (key.includes(":") && e.text.trim()) notes.push(sentence(`${ctx.words.label(key)}：情况说明：${singleLine(e.text)}`));
  }
  return notes.length > 1 ? notes.map((n, i) => `注${i + 1}：${n}`) : notes.map((n) => `注：${n}`);
}
