import "server-only";
// "Changes since last submission": per section, a redline between what the county submitted last time and what it
// submits now, with the state of every earlier comment on that section. Submissions store the version of every
// section (ReportSubmission.sectionVersions) and every version's content is a SectionRevision, so nothing is
// copied at submit time. Text is compared the way a reviewer reads Chinese prose: sentence by sentence first, then
// character by character inside a sentence that was edited rather than rewritten.
import { diffArrays, diffChars } from "diff";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getReportAccess } from "@/lib/auth/server/guards";
import { contentAsText } from "@/lib/report/as-text";
import { emptyContent } from "@/lib/report/content";
import { decodeSection } from "@/lib/report/stored";
import { evaluateReport, type SectionContents } from "@/lib/report/evaluate";
import { figureWords } from "@/lib/report/figure-words";
import { sectionsOf } from "@/lib/report/sections";
import { listComments } from "@/lib/review/comments/server";
import type { CommentThreadView } from "@/lib/review/comments";

export type Segment = { type: "same" | "added" | "removed"; text: string };

/** Sentences with their closing punctuation (and line breaks kept as their own tokens). */
export function sentences(text: string): string[] {
  return text.match(/\n|[^\n。！？；!?;]+[。！？；!?;]*[”’」』）)]*|[。！？；!?;]+/g) ?? [];
}

function push(out: Segment[], type: Segment["type"], text: string) {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.type === type) last.text += text;
  else out.push({ type, text });
}

/** A redline of `before` → `after`. Joining the "same" and "removed" texts gives `before`; "same" and "added", `after`. */
export function redline(before: string, after: string): Segment[] {
  const out: Segment[] = [];
  const parts = diffArrays(sentences(before), sentences(after));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A replaced run of sentences: if it is an edit (most characters kept), show the characters that changed.
      const a = part.value.join("");
      const b = next.value.join("");
      const chars = diffChars(a, b);
      const kept = chars.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.value.length, 0);
      if (kept >= Math.max(a.length, b.length) * 0.5) {
        for (const c of chars) push(out, c.added ? "added" : c.removed ? "removed" : "same", c.value);
      } else {
        push(out, "removed", a);
        push(out, "added", b);
      }
      i++;
      continue;
    }
    push(out, part.added ? "added" : part.removed ? "removed" : "same", part.value.join(""));
  }
  return out;
}

export type SectionChange = {
  key: string;
  heading: string;
  changed: boolean;
  segments: Segment[];
  /** Threads on this section started before the current submission, with their state now. */
  threads: CommentThreadView[];
};

export type ChangesView = {
  round: number;
  previousRound: number;
  submittedAt: string;
  previousSubmittedAt: string;
  sections: SectionChange[];
};

/** Changes between submission `round` (default: the latest) and the one before; null when there is no earlier one. */
export async function changesSinceLastSubmission(db: Db, actor: Actor, reportId: string, round?: number): Promise<ChangesView | null> {
  const report = await getReportAccess(db, actor, reportId, "report:read");
  const current = round ?? report.round;
  if (current < 2) return null;
  const subs = await db.reportSubmission.findMany({ where: { reportId: report.id, round: { in: [current - 1, current] } } });
  const prev = subs.find((s) => s.round === current - 1);
  const cur = subs.find((s) => s.round === current);
  if (!prev || !cur) return null;
  const vPrev = JSON.parse(prev.sectionVersions) as Record<string, number>;
  const vCur = JSON.parse(cur.sectionVersions) as Record<string, number>;
  const defs = sectionsOf(report.schemeDef);
  const changedKeys = defs.filter((d) => (vPrev[d.key] ?? 0) !== (vCur[d.key] ?? 0)).map((d) => d.key);
  // Every section of both submissions: figures in the prose print as the values of their own submission, the way
  // the county's text read when it was sent.
  const wanted = defs.flatMap((d) => [
    { sectionKey: d.key, version: vPrev[d.key] ?? 0 },
    { sectionKey: d.key, version: vCur[d.key] ?? 0 },
  ]).filter((w) => w.version > 0);
  const revisions = wanted.length
    ? await db.sectionRevision.findMany({ where: { reportId: report.id, OR: wanted }, select: { sectionKey: true, version: true, content: true } })
    : [];
  const snapshot = (versions: Record<string, number>) => {
    const contents: SectionContents = {};
    for (const d of defs) {
      const json = revisions.find((r) => r.sectionKey === d.key && r.version === (versions[d.key] ?? 0))?.content;
      contents[d.key] = json ? decodeSection(d, json, `第 ${versions[d.key]} 版`) : emptyContent[d.kind]();
    }
    return { contents, words: figureWords(report.schemeDef, evaluateReport(report.schemeDef, contents)) };
  };
  const before = snapshot(vPrev);
  const after = snapshot(vCur);
  const threads = await listComments(db, actor, report.id);
  const sections = defs.map((def): SectionChange => {
    const changed = changedKeys.includes(def.key);
    const text = (s: typeof before) => contentAsText(def, s.contents[def.key]!, s.words);
    return {
      key: def.key,
      heading: def.heading,
      changed,
      segments: changed ? redline(text(before), text(after)) : [],
      threads: threads.filter((t) => t.sectionKey === def.key && t.createdAt < cur.submittedAt.toISOString()),
    };
  });
  return {
    round: current,
    previousRound: current - 1,
    submittedAt: cur.submittedAt.toISOString(),
    previousSubmittedAt: prev.submittedAt.toISOString(),
    sections,
  };
}
