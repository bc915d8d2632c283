// The name an uploaded file is shown and downloaded under (the stored bytes live under a generated key).

const FILE_NAME_MAX = 120;

/** Characters that change how a name reads without showing themselves: bidirectional overrides, embeddings and
 *  isolates (a right-to-left override makes "invoice\u202Efdp.exe" show as "invoiceexe.pdf"), zero-width spaces and
 *  joiners, direction marks, word joiners and invisible operators, the byte-order mark. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A safe display name: no path parts, no control or invisible characters, bounded length. A long name is shortened
 *  before its extension (the download must still open as a .pdf) and by whole characters (never half an emoji). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(INVISIBLE, "")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .trim().replace(/^\.+/, "").trim();
  const chars = [...cleaned];
  if (chars.length <= FILE_NAME_MAX) return cleaned || "未命名文件";
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? "";
  return `${chars.slice(0, FILE_NAME_MAX - ext.length).join("").trim()}${ext}`;
}
