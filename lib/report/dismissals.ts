// Prose warnings are heuristics; a warning the county has read and judged wrong is dismissed with one click (and an
// optional reason), remembered in the section, and shown to the reviewer as dismissed rather than hidden. The id is
// a hash of what the warning is about — the field, the kind, the figure and the sentence — so the same warning
// stays dismissed across saves and devices, and comes back once the sentence is rewritten.

/** FNV-1a, 32 bits, base 36: short, stable, and the same in the browser and on the server. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function warningId(field: string, kind: string, key: string, excerpt: string): string {
  return `w${hash(`${field}|${kind}|${key}|${excerpt.trim()}`)}`;
}
