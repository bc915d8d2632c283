// Scheme-aware checks of a section's content that the per-kind zod schemas cannot do (they do not know the scheme):
// a school table's column, type and stage keys and its numbers; a veto section's item keys. Called by
// parseSectionContent on every save, after the shape has been parsed.
import type { FieldErrors } from "@/lib/errors";
import type { SectionContent, TSchoolTableContent, TVetoContent } from "@/lib/report/content";
import type { SectionDef } from "@/lib/report/sections";
import { vetoContentErrors } from "@/lib/report/veto";
import { schoolTableContentErrors } from "@/lib/schools/rows";

export function sectionContentErrors(def: SectionDef, content: SectionContent): FieldErrors {
  if (def.kind === "schoolTable" && def.table) return schoolTableContentErrors(def.table, content as TSchoolTableContent);
  if (def.kind === "veto") return vetoContentErrors(def.vetoes ?? [], content as TVetoContent);
  return {};
}
