// The sections of a report, derived from its scheme: what the outline lists, what each editor form shows, and the
// keys under which content is stored. Nothing here is stored; a scheme change shows up without a migration.
import type { PartKind, TCheck, TCriterion, TFigureMatrix, TIndicator, TInput, TScheme } from "@/lib/template/schema";
import { figureIndex, nodeFigures } from "@/lib/template/lookup";
import { criterionLabel, groupLabel, partHeadings } from "@/lib/template/numbering";
import type { SectionContentKind } from "@/lib/report/content";
import type { TSchoolTable, TVeto } from "@/lib/template/school-table";

export type SectionDef = {
  key: string;
  kind: SectionContentKind;
  partKind: PartKind | "meta";
  /** Heading as the report prints it, e.g. "一、基本情况" or "（十）学前教育普及普惠发展情况". */
  heading: string;
  title: string;
  /** The level-1 part this section belongs to (for the outline), e.g. "二、自查情况和工作成效". */
  partHeading: string;
  /** For grouped schemes: the theme group heading above the criterion. */
  groupHeading?: string;
  guidance?: string;
  criterion?: TCriterion;
  /** Own figures, per-level matrices expanded (lib/template/matrix.ts). */
  inputs: TInput[];
  indicators: TIndicator[];
  checks: TCheck[];
  /** The per-level matrices the inputs and indicators above partly come from (the editor shows them as grids). */
  matrices?: TFigureMatrix[];
  /** Indicators computed elsewhere that this section also shows (criterion.shows). */
  shows?: TIndicator[];
  /** A scored item: its 满分, the scheme's step, and whether the score is derived by a rule (not typed). */
  score?: { max: number; step?: number; rule: boolean };
  /** kind "schoolTable": the table the section holds (placed right after its criterion's narrative section). */
  table?: TSchoolTable;
  /** kind "veto": the items to answer. */
  vetoes?: TVeto[];
};

const noFigures = { inputs: [] as TInput[], indicators: [] as TIndicator[], checks: [] as TCheck[] };

export const criterionKey = (code: string) => `criterion:${code}`;
export const tableSectionKey = (tableKey: string) => `table:${tableKey}`;

export function sectionsOf(scheme: TScheme): SectionDef[] {
  const sections: SectionDef[] = [
    { key: "meta", kind: "meta", partKind: "meta", heading: "标题与引言", title: "标题与引言", partHeading: "", ...noFigures },
  ];
  const headings = partHeadings(scheme);
  const index = figureIndex(scheme);
  const shown = (keys: string[]) =>
    keys.flatMap((k) => {
      const f = index.get(k);
      return f?.kind === "indicator" ? [f.indicator] : [];
    });
  scheme.parts.forEach((part, i) => {
    const partHeading = `${headings[i].label}${part.title}`;
    if (part.kind === "criteria") {
      for (const { criterion, groupHeading } of orderedCriteria(scheme)) {
        sections.push({
          key: criterionKey(criterion.code),
          kind: "narrative",
          partKind: "criteria",
          heading: `${criterionLabel(scheme, criterion)}${criterion.title}`,
          title: criterion.title,
          partHeading,
          groupHeading,
          guidance: criterion.guidance,
          criterion,
          ...figuresOf(criterion),
          ...(criterion.shows.length ? { shows: shown(criterion.shows) } : {}),
          ...(criterion.maxScore !== undefined ? { score: { max: criterion.maxScore, step: scheme.scoring?.step, rule: !!criterion.scoreRule } } : {}),
        });
        const table = criterion.table ? scheme.tables.find((t) => t.key === criterion.table) : undefined;
        if (table) {
          sections.push({
            key: tableSectionKey(table.key),
            kind: "schoolTable",
            partKind: "criteria",
            heading: table.title,
            title: table.title,
            partHeading,
            groupHeading,
            guidance: table.guidance,
            criterion,
            table,
            ...noFigures,
          });
        }
      }
      return;
    }
    if (part.kind === "veto") {
      const { key, title, guidance } = part;
      sections.push({ key, kind: "veto", partKind: "veto", heading: partHeading, title, partHeading, guidance, vetoes: scheme.vetoes, ...noFigures });
      return;
    }
    const kind: SectionContentKind = part.kind === "problems" ? "problems" : part.kind === "nextSteps" ? "nextSteps" : "narrative";
    sections.push({
      key: part.key,
      kind,
      partKind: part.kind,
      heading: partHeading,
      title: part.title,
      partHeading,
      guidance: part.guidance,
      ...(part.kind === "profile" ? figuresOf(part) : noFigures),
    });
  });
  return sections;
}

function figuresOf(node: Parameters<typeof nodeFigures>[0]) {
  const { inputs, indicators, checks } = nodeFigures(node);
  return { inputs, indicators, checks, ...(node.matrices.length ? { matrices: node.matrices } : {}) };
}

/** Criteria in reading order: by group for grouped schemes, by ordinal otherwise. */
export function orderedCriteria(scheme: TScheme): { criterion: TCriterion; groupHeading?: string }[] {
  const byCode = new Map(scheme.criteria.map((c) => [c.code, c]));
  if (scheme.numbering === "grouped" && scheme.groups.length) {
    return scheme.groups.flatMap((g, gi) =>
      g.criteria.map((code) => ({ criterion: byCode.get(code)!, groupHeading: `${groupLabel(gi)}${g.title}` })),
    );
  }
  return [...scheme.criteria].sort((a, b) => a.ordinal - b.ordinal).map((criterion) => ({ criterion }));
}

export function sectionByKey(scheme: TScheme, key: string): SectionDef | undefined {
  return sectionsOf(scheme).find((s) => s.key === key);
}
