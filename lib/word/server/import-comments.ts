import "server-only";
// Reviewers' comments made in Word or WPS, back into the report as review threads. Preview (nothing written): each
// Word comment with the text it covers and the section that text is found in — a section whose heading or text
// contains it (our export anchors each thread on its section's heading), else the section whose title is most like
// the nearest heading above the comment (a county's own file). Comments that match nothing are listed for the
// reviewer to place. Apply: one transaction creating the threads the reviewer confirmed, replies as replies, with
// one audit row and one notification to the county. The importing reviewer is the author; the Word author and date
// are kept in the text. Only reviewers (report:review) with the report in their reach may import.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getReportAccess, requirePermission } from "@/lib/auth/server/guards";
import { audit } from "@/lib/audit/server";
import { invalid } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { COMMENT_MAX } from "@/lib/review/comments";
import { commentRecipients, notify } from "@/lib/review/audit/server";
import { richToPlain } from "@/lib/report/rich-text";
import { sectionByKey } from "@/lib/report/sections";
import { loadSections } from "@/lib/report/server/repository";
import type { DocBlock } from "@/lib/word/docx-xml";
import { wordThreads, type WordNote, type WordThread } from "@/lib/word/comments-xml";
import { ZApplyCommentImport, type TApplyCommentImport } from "@/lib/word/schemas";
import { headingOf, importTargets, MATCH_THRESHOLD, titleSimilarity } from "@/lib/word/split";
import { narrativeOf } from "@/lib/word/server/import-report";
import { readWordFile } from "@/lib/word/server/read-docx";

export const NO_COMMENTS = "文件中没有批注，未导入。请确认上传的是加了批注的 Word 文件";

export type CommentImportItem = {
  /** The comment's text with its Word author and date, as it will be stored. */
  body: string;
  replies: string[];
  author: string;
  date: string | null;
  covered: string;
  suggested: string | null;
  /** How the section was found: the covered text is in it, or the nearest heading is like its title. */
  matchedBy: "text" | "heading" | null;
};
export type CommentImportPreview = { comments: CommentImportItem[]; targets: { key: string; heading: string }[] };

const squash = (s: string) => s.replace(/[\s\u3000]+/g, "");

/** The note as stored: its text, then who wrote it in Word and when. Cut to fit a comment. */
export function noteBody(n: WordNote): string {
  const date = n.date && /^\d{4}-\d{2}-\d{2}/.test(n.date) ? `，${n.date.slice(0, 10)}` : "";
  const by = `（Word 批注：${n.author || "未署名"}${date}${n.done ? "，已在 Word 中标记为已解决" : ""}）`;
  const text = n.text || "（空批注）";
  return text.length + by.length + 1 > COMMENT_MAX ? `${text.slice(0, COMMENT_MAX - by.length - 2)}…\n${by}` : `${text}\n${by}`;
}

function suggest(thread: WordThread, blocks: DocBlock[], sections: { key: string; heading: string; text: string }[]) {
  const covered = squash(thread.covered);
  if (covered.length >= 2) {
    const byHeading = sections.find((s) => squash(s.heading).includes(covered) || (covered.includes(squash(s.heading)) && s.heading.length >= 4));
    if (byHeading) return { key: byHeading.key, by: "text" as const };
    const byText = sections.find((s) => s.text.includes(covered));
    if (byText) return { key: byText.key, by: "text" as const };
  }
  // The nearest heading above the comment, compared with the section titles.
  for (let b = Math.min(Math.floor(thread.position / 1e6), blocks.length - 1); b >= 0; b--) {
    const block = blocks[b];
    const heading = block.kind === "p" ? headingOf(block.text, block.styleLevel) : null;
    if (!heading) continue;
    let best = { key: null as string | null, score: 0 };
    for (const s of sections) {
      const score = titleSimilarity(heading.title, s.heading);
      if (score > best.score) best = { key: s.key, score };
    }
    return best.score >= MATCH_THRESHOLD ? { key: best.key, by: "heading" as const } : { key: null, by: null };
  }
  return { key: null, by: null };
}

async function reachForImport(db: Db, actor: Actor, reportId: string) {
  requirePermission(actor, "report:review");
  return getReportAccess(db, actor, reportId, "report:comment");
}

export async function previewCommentImport(db: Db, actor: Actor, reportId: string, bytes: Uint8Array): Promise<CommentImportPreview> {
  const report = await reachForImport(db, actor, reportId);
  const parts = await readWordFile(bytes);
  if (!parts.comments) throw invalid(NO_COMMENTS);
  const { threads, blocks } = wordThreads(parts.document, parts.comments, parts.commentsExtended);
  if (!threads.length) throw invalid(NO_COMMENTS);
  const { contents } = await loadSections(db, report.schemeDef, report.id);
  const targets = importTargets(report.schemeDef);
  const sections = targets.map((t) => {
    const def = sectionByKey(report.schemeDef, t.key)!;
    const content = contents[t.key];
    const subpoints = content && "subpoints" in content ? Object.values(content.subpoints) : [];
    const text = [narrativeOf(def, content), ...subpoints].map((doc) => richToPlain(doc, () => "")).join("");
    return { key: t.key, heading: t.heading, text: squash(text) };
  });
  const comments = threads.map((t): CommentImportItem => {
    const match = suggest(t, blocks, sections);
    return { body: noteBody(t), replies: t.replies.map(noteBody), author: t.author, date: t.date, covered: t.covered.slice(0, 300), suggested: match.key, matchedBy: match.by };
  });
  return { comments, targets: targets.map(({ key, heading }) => ({ key, heading })) };
}

export async function applyCommentImport(db: Db, actor: Actor, raw: TApplyCommentImport): Promise<{ threads: number; replies: number }> {
  const input = parseOrThrow(ZApplyCommentImport, raw);
  const report = await reachForImport(db, actor, input.reportId);
  for (const t of input.threads) {
    if (!sectionByKey(report.schemeDef, t.sectionKey)) throw invalid("报告中没有这一部分，请重新选择", { sectionKey: ["报告中没有这一部分"] });
  }
  let replies = 0;
  await db.$transaction(async (tx) => {
    // One millisecond apart, so the threads and replies read in the order Word had them.
    const start = Date.now();
    let tick = 0;
    const at = () => new Date(start + tick++);
    for (const t of input.threads) {
      const id = randomUUID();
      await tx.comment.create({ data: { id, reportId: report.id, sectionKey: t.sectionKey, anchor: null, authorId: actor.userId, body: t.body, createdAt: at() } });
      for (const body of t.replies) {
        await tx.comment.create({ data: { id: randomUUID(), reportId: report.id, sectionKey: t.sectionKey, anchor: null, parentId: id, authorId: actor.userId, body, createdAt: at() } });
        replies++;
      }
    }
    await audit(tx, actor.userId, "comment.import-word", { type: "report", id: report.id }, { threads: input.threads.length, replies });
    const message = `${actor.name}从 Word 导入了${report.county.name}报告的 ${input.threads.length} 条批注`;
    await notify(tx, await commentRecipients(tx, actor, report, null), { reportId: report.id, sectionKey: input.threads[0].sectionKey, kind: "comment", message });
  });
  return { threads: input.threads.length, replies };
}
