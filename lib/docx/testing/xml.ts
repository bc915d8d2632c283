// A strict, small XML 1.0 well-formedness check for tests of the generated Word parts (no parser package of our own):
// every character is an XML Char, every '&' starts a known entity, tags nest and attributes are quoted. Also
// collects each <w:p>'s printed text (its <w:t> runs, entities decoded), to compare with what a county typed.

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const BAD_AMP = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const NAME = "[A-Za-z_][\\w.:-]*";
const ATTR = `\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*')`;
const TOKEN = new RegExp(
  `<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(/?)(${NAME})((?:${ATTR})*)\\s*(/?)>|<`,
  "g",
);

const decode = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

export type ParsedXml = { paragraphs: string[] };

/** Throws with the offending position when `xml` is not well-formed; else the paragraphs' text. */
export function parseXml(xml: string): ParsedXml {
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) throw new Error(`not an XML character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`);
  const stack: string[] = [];
  const paragraphs: string[] = [];
  let paragraph: string | null = null;
  let inText = false;
  let roots = 0;
  let at = 0;
  const text = (from: number, to: number) => {
    const raw = xml.slice(from, to);
    if (BAD_AMP.test(raw)) throw new Error(`bare '&' at ${from}: ${raw.slice(0, 60)}`);
    if (raw.includes("]]>")) throw new Error(`']]>' in text at ${from}`);
    if (stack.length === 0 && raw.trim()) throw new Error(`text outside the root at ${from}`);
    if (inText && paragraph !== null) paragraph += decode(raw);
  };
  for (const m of xml.matchAll(TOKEN)) {
    text(at, m.index);
    at = m.index + m[0].length;
    if (m[0] === "<") throw new Error(`a '<' that starts no tag at ${m.index}: ${xml.slice(m.index, m.index + 60)}`);
    const [, close, name, attrs = "", selfClose] = m;
    if (!name) continue; // declaration, comment, CDATA
    if (BAD_AMP.test(attrs)) throw new Error(`bare '&' in attributes of <${name}>`);
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${m.index}`);
      if (name === "w:t") inText = false;
      if (name === "w:p" && paragraph !== null) {
        paragraphs.push(paragraph);
        paragraph = null;
      }
      continue;
    }
    if (stack.length === 0 && ++roots > 1) throw new Error(`a second root element <${name}>`);
    if (selfClose) continue;
    stack.push(name);
    if (name === "w:p") paragraph = "";
    if (name === "w:t") inText = true;
  }
  text(at, xml.length);
  if (stack.length) throw new Error(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) throw new Error("no root element");
  return { paragraphs };
}
