// The report's parts as headings and paragraphs, in scheme order. Headings follow the 一、/（一）/1./（1） ladder from
// lib/template/numbering.ts; flat schemes print criteria at level 2, grouped schemes print the groups there.
import { levelThreeLabel, levelTwoLabel, subpointLabel } from "@/lib/template/numbering";
import type { TScheme } from "@/lib/template/schema";
import type { SectionDef } from "@/lib/report/sections";
import {
  emptyContent,
  type SectionContent,
  type TNarrativeContent,
  type TNextStepsContent,
  type TProblemsContent,
  type TVetoContent,
} from "@/lib/report/content";
import type { TRichText } from "@/lib/report/rich-text";
import { singleLine } from "@/lib/docx/text";
import type { Block, HeadingLevel, PartView } from "@/lib/docx/types";
import { richBlocks } from "@/lib/docx/vm-rich";
import { sectionNotes, type NotesContext } from "@/lib/docx/vm-notes";

/** Prints a figure part of the prose (bound by the caller to the report's computed figures). */
export type FigureText = (key: string) => string;

const heading = (level: HeadingLevel, text: string, sectionKey?: string): Block => ({
  kind: "heading",
  level,
  text: singleLine(text),
  ...(sectionKey ? { sectionKey } : {}),
});
const paragraphs = (doc: TRichText, figures: FigureText, prefix = ""): Block[] => richBlocks(doc, figures, prefix);

function contentOf<T extends SectionContent>(def: SectionDef, contents: Record<string, SectionContent | undefined>): T {
  return (contents[def.key] ?? emptyContent[def.kind]()) as T;
}

function narrativeBlocks(scheme: TScheme, def: SectionDef, c: TNarrativeContent, figures: FigureText): Block[] {
  const subLevel: HeadingLevel = scheme.numbering === "flat" ? 3 : 4;
  return [
    ...paragraphs(c.narrative, figures),
    ...(def.criterion?.subpoints ?? []).flatMap((sp, i) => [
      heading(subLevel, `${subpointLabel(scheme, i)}${sp.title}`),
      ...paragraphs(c.subpoints[sp.code] ?? [], figures),
    ]),
  ];
}

function problemBlocks(c: TProblemsContent, figures: FigureText): Block[] {
  return [
    ...paragraphs(c.intro, figures),
    ...c.items.flatMap((p, i) => [
      heading(2, `${levelTwoLabel(i + 1)}${p.title}`),
      ...paragraphs(p.detail, figures),
      ...(p.measures.length ? [{ kind: "paragraph" as const, text: "改进措施：" }] : []),
      ...p.measures.flatMap((m, j) => paragraphs(m.text, figures, levelThreeLabel(j + 1))),
    ]),
  ];
}

function nextStepBlocks(c: TNextStepsContent, figures: FigureText): Block[] {
  const commitments: Block[] = c.commitments.length
    ? [
        heading(2, `${levelTwoLabel(c.items.length + 1)}上年承诺落实情况`),
        ...c.commitments.flatMap((cm, j) => [
          ...paragraphs(cm.text, figures, levelThreeLabel(j + 1)),
          ...paragraphs(cm.answer, figures, "落实情况："),
        ]),
      ]
    : [];
  return [
    ...paragraphs(c.intro, figures),
    ...c.items.flatMap((item, i) => [heading(2, `${levelTwoLabel(i + 1)}${item.heading}`), ...paragraphs(item.body, figures)]),
    ...commitments,
  ];
}

/** Each veto question with the county's answer, its 情况说明 and 佐证材料, as numbered paragraphs (issue 15: the
 *  answers were not printed); the effect of a 是 on the score or the grade is under the 自评得分表. */
function vetoBlocks(def: SectionDef, c: TVetoContent): Block[] {
  return (def.vetoes ?? []).map((v, i): Block => {
    const a = c.answers[v.key];
    const explanation = singleLine(a?.explanation ?? "");
    const evidence = singleLine(a?.evidence ?? "");
    const text = `${levelThreeLabel(i + 1)}${singleLine(v.question).replace(/[？?。]$/u, "")}：${a?.answer ?? "未作答"}。${explanation}${evidence ? `（佐证材料：${evidence}）` : ""}`;
    return { kind: "paragraph", text };
  });
}

/** The sections (meta excluded) folded into level-1 parts. */
export function partViews(
  scheme: TScheme,
  sections: SectionDef[],
  contents: Record<string, SectionContent | undefined>,
  figures: FigureText,
  notes?: NotesContext,
): PartView[] {
  const parts: PartView[] = [];
  let lastGroup: string | undefined;
  for (const def of sections) {
    if (def.kind === "meta") continue;
    if (parts.at(-1)?.heading !== singleLine(def.partHeading)) {
      // A part that is one section (基本情况, 存在问题…) carries the section's key on its own heading.
      parts.push({ heading: singleLine(def.partHeading), blocks: [], ...(def.partKind === "criteria" ? {} : { sectionKey: def.key }) });
    }
    const blocks = parts[parts.length - 1].blocks;
    if (def.kind === "problems") blocks.push(...problemBlocks(contentOf(def, contents), figures));
    else if (def.kind === "nextSteps") blocks.push(...nextStepBlocks(contentOf(def, contents), figures));
    else if (def.kind === "veto") blocks.push(...vetoBlocks(def, contentOf<TVetoContent>(def, contents)));
    // School tables are not narrative: their Word rendering (annex tables) is built separately.
    else if (def.kind === "schoolTable") continue;
    else {
      if (def.partKind === "criteria") {
        if (def.groupHeading && def.groupHeading !== lastGroup) blocks.push(heading(2, def.groupHeading));
        lastGroup = def.groupHeading;
        blocks.push(heading(scheme.numbering === "flat" ? 2 : 3, def.heading, def.key));
      }
      const content = contentOf<TNarrativeContent>(def, contents);
      blocks.push(...narrativeBlocks(scheme, def, content, figures));
      // 情况说明 of the section's failed checks and the sources of its figures print where the figures are.
      if (notes) blocks.push(...sectionNotes(def, content, notes).map((text): Block => ({ kind: "paragraph", text })));
    }
  }
  return parts;
}
