// The name an uploaded file is shown and downloaded under (the stored bytes live under a generated key).

const FILE_NAME_MAX = 120;

/** A safe display name: no path parts, no control characters, bounded length. A long name is shortened before its
 *  extension (the download must still open as a .pdf) and by whole characters (never half an emoji). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .trim().replace(/^\.+/, "").trim();
  const chars = [...cleaned];
  if (chars.length <= FILE_NAME_MAX) return cleaned || "未命名文件";
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? "";
  return `${chars.slice(0, FILE_NAME_MAX - ext.length).join("").trim()}${ext}`;
}
