// The body of a Word document (word/document.xml) as paragraphs and tables of plain text, with where each Word
// comment's range starts and ends. Read with a tokenizer over the few tags that carry text, not a DOM: OOXML from
// Word, WPS and LibreOffice differs in namespaces and attributes, never in these element names. Deleted text
// (w:delText) and field codes (w:instrText) are not text a reader sees; a field's cached result is.
// Universal (pure string work): the import preview and its tests use the same reader.

export type DocParagraph = {
  kind: "p";
  text: string;
  /** Heading level from the paragraph's style or outline level (Heading 1 / 标题 1 → 1), when it has one. */
  styleLevel: number | null;
  /** The paragraph is an item of a Word numbered list (w:numPr). */
  listed: boolean;
};
export type DocTable = { kind: "table"; rows: string[][] };
export type DocBlock = DocParagraph | DocTable;
/** A position in the body: the block's index and a character offset into its text (tables count as one block). */
export type DocPosition = { block: number; offset: number };
export type CommentRange = { start: DocPosition | null; end: DocPosition | null };

const TOKEN =
  /<(\/?)w:(p|tbl|tr|tc|t|tab|br|cr|delText|instrText|commentRangeStart|commentRangeEnd|commentReference|pStyle|outlineLvl|numPr|fldSimple|txbxContent)\b([^>]*?)(\/?)>/g;

export function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

export const attr = (attrs: string, name: string): string | null => {
  const m = new RegExp(`\\b(?:\\w+:)?${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : null;
};

function styleLevelOf(style: string): number | null {
  const m = /^(?:heading|标题)\s*(\d)$/i.exec(style.trim()) ?? /^(\d)$/.exec(style.trim());
  return m ? Number(m[1]) : null;
}

export function readBody(xml: string): { blocks: DocBlock[]; ranges: Map<string, CommentRange> } {
  const blocks: DocBlock[] = [];
  const ranges = new Map<string, CommentRange>();
  const range = (id: string) => {
    let r = ranges.get(id);
    if (!r) ranges.set(id, (r = { start: null, end: null }));
    return r;
  };
  // Table nesting: the outermost table is one block; text of nested tables joins its cell.
  let tableDepth = 0;
  let table: DocTable | null = null;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let para: DocParagraph | null = null;
  let inText = false;
  let textStart = 0;
  let skipDepth = 0; // inside w:delText / w:instrText
  let pending: string[] = []; // comment starts seen between paragraphs: they start the next paragraph's text
  const position = (): DocPosition => ({ block: blocks.length, offset: para && !table ? para.text.length : 0 });
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const [, close, tag, attrs, selfClose] = m;
    if (inText) {
      if (close && tag === "t") {
        if (para && !skipDepth) para.text += decodeXml(xml.slice(textStart, m.index));
        inText = false;
      }
      continue;
    }
    switch (tag) {
      case "p":
        if (close) {
          if (para && table && cell) cell.push(para.text);
          else if (para) blocks.push(para);
          para = null;
        } else if (!selfClose) {
          para = { kind: "p", text: "", styleLevel: null, listed: false };
          for (const id of pending) range(id).start = { block: blocks.length, offset: 0 };
          pending = [];
        } else if (!table) blocks.push({ kind: "p", text: "", styleLevel: null, listed: false });
        break;
      case "t":
        if (!close && !selfClose) {
          inText = true;
          textStart = m.index + m[0].length;
        }
        break;
      case "delText":
      case "instrText":
        if (selfClose) break;
        if (close) skipDepth = Math.max(0, skipDepth - 1);
        else {
          // Skip to its end: its content is not text the reader sees.
          const end = xml.indexOf(`</w:${tag}>`, TOKEN.lastIndex);
          if (end >= 0) TOKEN.lastIndex = end;
          skipDepth++;
        }
        break;
      case "tab":
        if (para && !close) para.text += " ";
        break;
      case "br":
      case "cr":
        if (para && !close) para.text += "\n";
        break;
      case "pStyle":
        if (para) para.styleLevel = styleLevelOf(attr(attrs, "val") ?? "") ?? para.styleLevel;
        break;
      case "outlineLvl": {
        const level = Number(attr(attrs, "val"));
        if (para && Number.isInteger(level) && level >= 0 && level < 9) para.styleLevel = level + 1;
        break;
      }
      case "numPr":
        if (para && !close) para.listed = true;
        break;
      case "tbl":
        if (close) {
          tableDepth--;
          if (tableDepth === 0 && table) {
            blocks.push(table);
            table = null;
          }
        } else if (!selfClose) {
          tableDepth++;
          if (tableDepth === 1) table = { kind: "table", rows: [] };
        }
        break;
      case "tr":
        if (tableDepth !== 1 || !table) break;
        if (close) {
          if (row) table.rows.push(row);
          row = null;
        } else if (!selfClose) row = [];
        break;
      case "tc":
        if (tableDepth !== 1) break;
        if (close) {
          if (row && cell) row.push(cell.join("\n").trim());
          cell = null;
        } else if (!selfClose) cell = [];
        break;
      case "commentRangeStart": {
        const id = attr(attrs, "id");
        if (id === null) break;
        if (para) range(id).start = position();
        else pending.push(id);
        break;
      }
      case "commentRangeEnd": {
        const id = attr(attrs, "id");
        if (id === null) break;
        // Between paragraphs, the range ends at the end of the last one.
        const last = blocks[blocks.length - 1];
        range(id).end = para ? position() : { block: Math.max(0, blocks.length - 1), offset: last?.kind === "p" ? last.text.length : 0 };
        break;
      }
      case "commentReference": {
        // A comment with no range (WPS writes some so) covers the paragraph it is referenced in.
        const id = attr(attrs, "id");
        if (id === null) break;
        const r = range(id);
        if (!r.start) r.start = { block: blocks.length, offset: 0 };
        if (!r.end) r.end = { block: blocks.length, offset: Number.MAX_SAFE_INTEGER };
        break;
      }
    }
  }
  return { blocks, ranges };
}

/** A block's text: a paragraph's, or a table's cells joined (rows by line, cells by "；"). */
export const blockText = (b: DocBlock): string => (b.kind === "p" ? b.text : b.rows.map((r) => r.join("；")).join("\n"));

/** The text a comment covers: from its start to its end, across paragraphs; the whole paragraph when it is a point. */
export function rangeText(blocks: DocBlock[], r: CommentRange): string {
  if (!r.start) return "";
  const end = r.end ?? r.start;
  const parts: string[] = [];
  for (let b = r.start.block; b <= Math.min(end.block, blocks.length - 1); b++) {
    const text = blockText(blocks[b]);
    const from = b === r.start.block && blocks[b].kind === "p" ? r.start.offset : 0;
    const to = b === end.block && blocks[b].kind === "p" ? end.offset : text.length;
    parts.push(text.slice(from, to));
  }
  const covered = parts.join("\n").trim();
  if (covered) return covered;
  const at = blocks[Math.min(r.start.block, blocks.length - 1)];
  return at ? blockText(at).trim() : "";
}
