// Which fields of a section a save changed: what provenance (who last changed each figure and paragraph) records
// and what a figure-only assignment may touch. Universal and pure.
const RECORD_FIELDS = new Set(["subpoints", "values", "stated", "notes", "explanations", "dismissed"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** "narrative", "values.edu_expenditure", "stated.edu_expenditure_growth", … — every field that differs. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  const prev = before ?? {};
  const keys = new Set([...Object.keys(prev), ...Object.keys(after)].filter((k) => k !== "v"));
  const out: string[] = [];
  for (const key of [...keys].sort()) {
    const a = prev[key];
    const b = after[key];
    if (RECORD_FIELDS.has(key) && (a === undefined || isRecord(a)) && (b === undefined || isRecord(b))) {
      const ra = (a ?? {}) as Record<string, unknown>;
      const rb = (b ?? {}) as Record<string, unknown>;
      for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) if (!same(ra[k], rb[k])) out.push(`${key}.${k}`);
    } else if (!same(a, b)) out.push(key);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The fields a figure-only assignment covers: the figure's value, stated result and note, and for an indicator the
 *  inputs its formula reads (a growth rate comes with this year's and last year's amounts). */
export function figureFields(figureKey: string, formulaInputs: string[]): Set<string> {
  const keys = [figureKey, ...formulaInputs];
  return new Set(keys.flatMap((k) => [`values.${k}`, `stated.${k}`, `notes.${k}`]));
}

/** A provenance field as a reader sees it: "values.edu_expenditure" → the figure's label. */
export function fieldLabel(field: string, labels: Map<string, string>): string {
  const [kind, key] = field.split(".", 2);
  if (!key) return { narrative: "正文", score: "自评得分", scoreBasis: "评分依据", title: "标题", preamble: "引言" }[kind] ?? kind;
  const label = labels.get(key) ?? key;
  return { values: label, stated: `${label}（直接填写）`, notes: `${label}（数据来源）`, subpoints: `要点：${label}`, explanations: "情况说明", dismissed: "已忽略的提示" }[kind] ?? label;
}
