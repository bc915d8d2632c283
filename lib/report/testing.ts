// Test helpers: content written the short way — prose as strings with {{figure:key}} tokens (content format 1) —
// brought to the stored format by the real migration, so a test reads like the text it is about.
import { SECTION_CONTENT, type SectionContentKind } from "@/lib/report/content";
import { migrateSectionContent, richFromTokens } from "@/lib/report/migrate";
import type { z } from "@/lib/validation";

/** Rich text from "text {{figure:key}} text\nnext paragraph". */
export const doc = richFromTokens;

/** A section's content from its format-1 form (strings for prose; missing keys take their defaults). */
export function section<K extends SectionContentKind>(kind: K, v1: object): z.infer<(typeof SECTION_CONTENT)[K]> {
  return SECTION_CONTENT[kind].parse(migrateSectionContent(kind, v1)) as z.infer<(typeof SECTION_CONTENT)[K]>;
}
