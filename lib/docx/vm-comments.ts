// Review threads → native Word comments: each thread's first comment is anchored on the heading of its section,
// its replies are threaded under it (Word and WPS show them as one conversation).
import { normaliseText, singleLine } from "@/lib/docx/text";
import type { WordComment } from "@/lib/docx/types";

type Note = { author: { name: string; roleLabel: string }; body: string; createdAt: string };
/** The shape of lib/review's CommentThreadView that the export needs. */
export type ThreadForExport = Note & { sectionKey: string; anchorLabel: string | null; status: string; replies: Note[] };

const author = (n: Note) => `${singleLine(n.author.name)}（${n.author.roleLabel}）`;
// Word shows initials in the margin; for Chinese names the first two characters read best.
const initials = (n: Note) => [...singleLine(n.author.name)].slice(0, 2).join("");

// Bodies go through the same cleaning as report text: a control character pasted into a comment would otherwise
// make comments.xml invalid and Word refuse the whole file.
export function wordComments(threads: ThreadForExport[]): WordComment[] {
  const out: WordComment[] = [];
  for (const t of threads) {
    const id = out.length;
    const about = t.anchorLabel ? `【${singleLine(t.anchorLabel)}】` : "";
    const resolved = t.status === "resolved";
    // The mark stays in the text too: WPS and LibreOffice do not show Word's resolved state.
    const state = resolved ? "（已解决）" : "";
    out.push({ id, sectionKey: t.sectionKey, author: author(t), initials: initials(t), date: t.createdAt, text: normaliseText(`${about}${t.body}${state}`), resolved });
    for (const r of t.replies) {
      out.push({ id: out.length, parentId: id, sectionKey: t.sectionKey, author: author(r), initials: initials(r), date: r.createdAt, text: normaliseText(r.body), resolved });
    }
  }
  return out;
}
