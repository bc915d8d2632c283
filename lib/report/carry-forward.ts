// "Copy forward from last year": what a new report may inherit from the county's previous one.
//  - the profile figures (for every input key the new scheme still has),
//  - last year's problems and measures, marked 上年遗留 so that they are answered rather than repeated blindly,
//  - last year's next-step commitments, as a checklist to answer in this year's 下一步 part.
import type { TScheme } from "@/lib/template/schema";
import { sectionsOf } from "@/lib/report/sections";
import type { SectionContent, TNarrativeContent, TNextStepsContent, TProblemsContent } from "@/lib/report/content";
import { emptyContent } from "@/lib/report/content";
import { NARRATIVE_MAX, compactLine, richLength, type TRichText } from "@/lib/report/rich-text";
import type { SectionContents } from "@/lib/report/precheck";

const newId = () => crypto.randomUUID().slice(0, 12);

/** Last year's item as one commitment: its heading leads the first paragraph ("强化经费保障：一是…"). */
function headed(heading: string, body: TRichText): TRichText {
  if (!heading.trim() || richLength(body) + heading.length + 1 > NARRATIVE_MAX) return body;
  const [first, ...rest] = body;
  if (!first) return [{ p: [heading] }];
  if ("p" in first) return [{ p: compactLine([`${heading}：`, ...first.p]) }, ...rest];
  return [{ p: [`${heading}：`] }, first, ...rest];
}

export function carryForward(fromScheme: TScheme, from: SectionContents, toScheme: TScheme): Record<string, SectionContent> {
  const out: Record<string, SectionContent> = {};
  const fromSections = sectionsOf(fromScheme);
  const toSections = sectionsOf(toScheme);
  const fromOf = (partKind: string) => fromSections.find((s) => s.partKind === partKind);

  const toProfile = toSections.find((s) => s.partKind === "profile");
  const fromProfile = fromOf("profile");
  if (toProfile && fromProfile) {
    const old = (from[fromProfile.key] as TNarrativeContent | undefined)?.values ?? {};
    const values = Object.fromEntries(toProfile.inputs.filter((i) => i.key in old).map((i) => [i.key, old[i.key]]));
    out[toProfile.key] = { ...emptyContent.narrative(), values };
  }

  const toProblems = toSections.find((s) => s.partKind === "problems");
  const fromProblems = fromOf("problems");
  const oldProblems = fromProblems ? (from[fromProblems.key] as TProblemsContent | undefined) : undefined;
  if (toProblems && oldProblems) {
    const codes = new Set(toScheme.criteria.map((c) => c.code));
    out[toProblems.key] = {
      ...emptyContent.problems(),
      items: oldProblems.items.map((p) => ({
        ...p,
        id: newId(),
        source: "lastYear" as const,
        criterionCode: p.criterionCode && codes.has(p.criterionCode) ? p.criterionCode : null,
        measures: p.measures.map((m) => ({ ...m, id: newId() })),
      })),
    };
  }

  const toNext = toSections.find((s) => s.partKind === "nextSteps");
  const fromNext = fromOf("nextSteps");
  const oldNext = fromNext ? (from[fromNext.key] as TNextStepsContent | undefined) : undefined;
  if (toNext && oldNext?.items.length) {
    out[toNext.key] = {
      ...emptyContent.nextSteps(),
      commitments: oldNext.items.map((item) => ({
        id: newId(),
        text: headed(item.heading, item.body),
        answer: [],
        done: null,
      })),
    };
  }
  return out;
}
