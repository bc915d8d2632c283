// What a comment may be anchored to within a section: one of its inputs ("value-<key>"), computed indicators
// ("indicator-<key>") or sub-points ("sub-<code>"). The same names as the editor's field ids (lib/report/precheck
// fieldId), so a thread can lead to its field. Universal: the comment form builds its select from this list.
import type { SectionDef } from "@/lib/report/sections";

export type CommentAnchor = { anchor: string; label: string; group: "小项" | "数据" | "计算结果" };

export function commentAnchors(def: SectionDef): CommentAnchor[] {
  return [
    ...(def.criterion?.subpoints ?? []).map((sp) => ({ anchor: `sub-${sp.code}`, label: sp.title, group: "小项" as const })),
    ...def.inputs.map((input) => ({
      anchor: `value-${input.key}`,
      label: input.unit ? `${input.label}（${input.unit}）` : input.label,
      group: "数据" as const,
    })),
    ...def.indicators.map((ind) => ({ anchor: `indicator-${ind.key}`, label: ind.label, group: "计算结果" as const })),
  ];
}

/** The label of an anchor in this section, or undefined when it names no field of the section. */
export function anchorLabel(def: SectionDef, anchor: string): string | undefined {
  return commentAnchors(def).find((a) => a.anchor === anchor)?.label;
}
