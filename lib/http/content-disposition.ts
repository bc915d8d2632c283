import "server-only";
// A lone UTF-16 surrogate (from a broken copy-paste) cannot be percent-encoded: encodeURIComponent would throw and
// the download answer 500. It is no character, so it becomes U+FFFD like any undecodable byte.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** attachment; filename="ascii fallback"; filename*=UTF-8''<percent-encoded> — browsers then show the Chinese name. */
export function contentDisposition(fileName: string): string {
  const name = fileName.replace(LONE_SURROGATE, "\uFFFD");
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "download";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
