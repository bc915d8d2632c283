"use client";
// The clipboard's HTML (Word, WPS, a web page) read as lines: one per paragraph, heading, list item or table row.
// Word's own list numbers (spans styled mso-list:Ignore) are dropped and the line marked as a list item; everything
// else about the formatting is ignored. lib/report/paste.ts turns the lines into the report's blocks.
import type { PastedLine } from "@/lib/report/paste";

const BLOCK = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "BLOCKQUOTE", "PRE", "DT", "DD", "SECTION", "ARTICLE"]);
const SKIP = new Set(["STYLE", "SCRIPT", "HEAD", "TITLE", "META", "XML", "IMG", "SVG", "OBJECT", "IFRAME", "O:P"]);
const CJK = "[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]";
const SPACE_BETWEEN_CJK = new RegExp(`(?<=${CJK}) (?=${CJK})`, "g");

/** Whitespace as a browser shows it: runs collapse to one space, none between Chinese characters (Word wraps its
 *  HTML source mid-sentence, and that line break would otherwise become a space). */
const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, " ").replace(SPACE_BETWEEN_CJK, "");

export function linesFromHtml(html: string): PastedLine[] {
  const body = new DOMParser().parseFromString(html, "text/html").body;
  const lines: PastedLine[] = [];
  let text = "";
  let listed = false;
  const flush = () => {
    const line = collapse(text).trim();
    if (line) lines.push({ text: line, listed });
    text = "";
    listed = false;
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? "";
      return;
    }
    if (!(node instanceof Element) || SKIP.has(node.tagName)) return;
    const style = node.getAttribute("style") ?? "";
    // Word writes a numbered paragraph's number as text inside a span it asks browsers to ignore.
    if (/mso-list:\s*ignore/i.test(style)) {
      listed = true;
      return;
    }
    if (node.tagName === "BR") return flush();
    const block = BLOCK.has(node.tagName);
    if (block) flush();
    if (node.tagName === "LI") listed = true;
    if (node.tagName === "TD" || node.tagName === "TH") {
      // Cells of a row read as one line, separated as a reader would say them.
      if (collapse(text).trim()) text += "，";
    }
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(body);
  flush();
  return lines;
}

export const linesFromText = (text: string): PastedLine[] => text.split(/\r\n?|\n/).map((line) => ({ text: line }));
