// 合并: someone else saved the section while it was open here. Field by field against the version both started
// from — what only one side changed is taken from that side, what both changed the same way is kept; a field both
// changed differently is a conflict the person decides (the conflict dialog, nothing overwritten). Keyed fields
// (sub-points, figures, notes, explanations, dismissals) merge per key; lists (problems, measures) merge as a whole.
import type { SectionContent } from "@/lib/report/content";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Fields whose entries are independent of each other. */
const KEYED = new Set(["subpoints", "values", "stated", "notes", "explanations", "dismissed", "answers"]);

export type MergeResult = { merged: SectionContent; conflicts: string[] };

export function mergeSections(base: SectionContent, mine: SectionContent, theirs: SectionContent): MergeResult {
  const conflicts: string[] = [];
  const b = base as unknown as Record<string, unknown>;
  const m = mine as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])) {
    if (KEYED.has(key) && isRecord(m[key]) && isRecord(t[key])) {
      merged[key] = mergeEntries(isRecord(b[key]) ? b[key] : {}, m[key], t[key], key, conflicts);
    } else merged[key] = pick(b[key], m[key], t[key], key, conflicts);
  }
  return { merged: merged as SectionContent, conflicts };
}

function pick(base: unknown, mine: unknown, theirs: unknown, path: string, conflicts: string[]): unknown {
  if (same(mine, theirs) || same(mine, base)) return theirs;
  if (same(theirs, base)) return mine;
  conflicts.push(path);
  return mine;
}

function mergeEntries(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>, path: string, conflicts: string[]) {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const value = pick(base[key], mine[key], theirs[key], `${path}.${key}`, conflicts);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
