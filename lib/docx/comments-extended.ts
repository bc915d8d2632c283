// Resolved threads in Word: a comment shows as resolved through word/commentsExtended.xml (w15:commentEx w15:done="1",
// keyed by the w14:paraId of the comment's paragraph). docx writes that part only when some comment is a reply, so
// an export whose only threads are resolved ones without replies would lose the state; this adds the part, its
// relationship and its content type to the compiled package in that one case. The paraIds are docx's own: a comment
// with a durableId gets w14:paraId = its id + 1 in eight hex digits.
import type { WordComment } from "@/lib/docx/types";

export const paraIdOf = (id: number) => (id + 1).toString(16).toUpperCase().padStart(8, "0");

/** Whether docx leaves out commentsExtended.xml although a thread is resolved. */
export const needsResolvedPart = (comments: WordComment[]) =>
  comments.some((c) => c.resolved) && !comments.some((c) => c.parentId !== undefined);

const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Adds commentsExtended.xml to `files` (docx's compiled package) when `needsResolvedPart`. */
export function addResolvedPart(files: Map<string, string | Uint8Array>, comments: WordComment[]): void {
  if (!needsResolvedPart(comments) || files.has("word/commentsExtended.xml")) return;
  const rels = files.get("word/_rels/document.xml.rels");
  const types = files.get("[Content_Types].xml");
  if (typeof rels !== "string" || typeof types !== "string") throw new Error("docx package without document relationships or content types");
  const entries = comments.map((c) => `<w15:commentEx w15:paraId="${paraIdOf(c.id)}" w15:done="${c.resolved ? 1 : 0}"/>`).join("");
  files.set(
    "word/commentsExtended.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:mc="${MC}" xmlns:w15="${W15}" mc:Ignorable="w15">${entries}</w15:commentsEx>`,
  );
  files.set(
    "word/_rels/document.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdCommentsEx" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>`,
    ),
  );
  files.set(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml" PartName="/word/commentsExtended.xml"/></Types>`,
    ),
  );
}
