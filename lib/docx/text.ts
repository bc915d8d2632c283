// Text as the Word file prints it. Clerks paste from WPS, web pages and spreadsheets, so a field may carry control
// characters (invalid in XML 1.0, and Word refuses the file), stray half-width punctuation typed with an English
// input method, or Windows line ends. Emoji and rare CJK (𠀀, outside the BMP) are kept untouched: a printed report
// must not silently lose a character the county typed.

// C0 controls except \t \n \r, DEL, C1 controls, and the two non-characters XML forbids. \t \r are handled below.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// A surrogate without its partner cannot be encoded as UTF-8; it is noise from a broken copy, never a character.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAN = "\\p{Script=Han}";
// Full-width punctuation and brackets count as "Chinese context" too: "报告如下:" before a line end, "）,".
const CJK_CONTEXT = `[${HAN}\\u3000-\\u303F\\uFF08\\uFF09\\uFF0C\\uFF1A\\uFF1B\\u201C\\u201D]`;
const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！" };
// A half-width mark right after Chinese and before Chinese (or the end of the line). "10,736" and "3:1" keep theirs.
const PUNCT_BETWEEN = new RegExp(`(?<=${CJK_CONTEXT})\\s*([,:;?!])\\s*(?=${CJK_CONTEXT}|$)`, "gmu");
// Parentheses whose content has a Chinese character: "(试行)" → "（试行）"; "(2021—2023)" is left as typed.
const PARENS_AROUND_HAN = new RegExp(`\\(([^()\\n]*${HAN}[^()\\n]*)\\)`, "gu");

/** One field's text, cleaned: control characters removed, line ends unified to \n, Chinese punctuation fixed. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(CONTROL, "")
    .replace(LONE_SURROGATE, "")
    .replace(PARENS_AROUND_HAN, "（$1）")
    .replace(PUNCT_BETWEEN, (_m, mark: string) => FULL_WIDTH[mark]);
}

/** A narrative field as paragraphs: each line break starts a paragraph; blank lines and edge spaces are dropped. */
export function paragraphsOf(raw: string): string[] {
  return normaliseText(raw)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A one-line field (a title, a unit name): line breaks become nothing, since the cell or heading is one line. */
export function singleLine(raw: string): string {
  return paragraphsOf(raw).join("");
}
