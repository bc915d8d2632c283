// Text pasted from Word or WPS: keep the paragraphs, drop what the plain-text flavour drags along — carriage
// returns, vertical tabs (Word's manual line breaks), non-breaking and zero-width spaces, the full-width spaces
// people type as a first-line indent (the Word export indents by style), soft hyphens and control characters.
export function normalisePastedText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u000b\u000c\u2028\u2029]/g, "\n")
    .replace(/[\u00a0\u2002\u2003\u2009]/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, "")
    .replace(/\t/g, " ")
    .split("\n")
    .map((line) => line.replace(/^[\s\u3000]+/, "").replace(/[ \u3000]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Paragraphs of a narrative field: one per non-empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}
