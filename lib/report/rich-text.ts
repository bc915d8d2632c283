// Rich narrative text as it is stored: a small JSON of the report's own building blocks, not an editor's internal
// document. A paragraph is a list of inline parts — plain text, bold text, or a figure (a key whose value is printed
// wherever the text is shown); a list is the report's own numbering, 一是、二是… or （1）（2）…, each item one line of
// inline parts. The Tiptap editor (components/report/rich-text-editor.tsx) converts to and from this shape, and
// everything else (Word, print preview, history, redline, prose checks) reads it through the functions below.
//
// [{"p":["全县学前三年毛入园率达到",{"f":"preschool_gross_enrolment_rate"},"。"]},
//  {"list":"yishi","items":[["加强理论学习。"],[{"b":"改进工作作风"},"，加强组织建设。"]]}]
import { z } from "@/lib/validation";
import { chineseNumeral } from "@/lib/template/numbering";

/** One narrative field: generous, but a pasted megabyte is refused at the field instead of stored. */
export const NARRATIVE_MAX = 20_000;

export const LIST_STYLES = {
  /** 一是……二是……: the 公文 way of listing measures and plans inside a paragraph's topic. */
  yishi: { label: "一是、二是", marker: (n: number) => `${chineseNumeral(Math.min(n, 99))}是` },
  /** （1）（2）: the fourth level of the 一、（一）1.（1） ladder, used for enumerations in body text. */
  paren: { label: "（1）（2）", marker: (n: number) => `（${n}）` },
} as const;
export type ListStyle = keyof typeof LIST_STYLES;
export const LIST_STYLE_KEYS = Object.keys(LIST_STYLES) as ListStyle[];

/** A figure reference: any key the scheme might hold (an unknown one prints 【未知数据：key】 and is reported). */
const ZFigureRef = z.string().max(80).regex(/^[^{}\s]*$/, "数据键名不能含空白或花括号");
// No length limit per part: the whole field's length is checked once (ZRichText), with the message a writer reads.
const ZTextPart = z.string();

export const ZInline = z.union([ZTextPart, z.strictObject({ b: ZTextPart }), z.strictObject({ f: ZFigureRef })], {
  error: "正文格式有误：只能包含文字、加粗文字和数据引用",
});
export type TInline = z.infer<typeof ZInline>;
const ZLine = z.array(ZInline).max(4000, "一段中的片段过多");

export const ZParagraph = z.strictObject({ p: ZLine });
export const ZList = z.strictObject({
  list: z.enum(LIST_STYLE_KEYS as [ListStyle, ...ListStyle[]], { error: "列表样式只能是“一是、二是”或“（1）（2）”" }),
  items: z.array(ZLine).min(1, "列表至少一项").max(99, "一个列表最多 99 项"),
});
export type TParagraph = z.infer<typeof ZParagraph>;
export type TList = z.infer<typeof ZList>;
export type TBlock = TParagraph | TList;

export const ZRichText = z
  .array(z.union([ZParagraph, ZList], { error: "正文格式有误：只能包含段落和列表" }))
  .max(2000, "段落过多")
  .refine((doc) => richLength(doc) <= NARRATIVE_MAX, `内容过长：每段正文最多 ${NARRATIVE_MAX} 字，请拆分或精简`);
export type TRichText = TBlock[];

export const emptyRich = (): TRichText => [];

export const isList = (block: TBlock): block is TList => "list" in block;

/** Every line of the text in reading order: each paragraph, and each list item with its marker ("一是", "（2）"). */
export type RichLine = { marker: string | null; parts: TInline[] };

export function richLines(doc: TRichText | undefined): RichLine[] {
  // Tolerates a field the form has not filled in yet (undefined): the precheck runs on the form's live values.
  return (doc ?? []).flatMap((block): RichLine[] =>
    isList(block)
      ? block.items.map((parts, i) => ({ marker: LIST_STYLES[block.list].marker(i + 1), parts }))
      : [{ marker: null, parts: block.p }],
  );
}

export const partText = (part: TInline, figure: (key: string) => string): string =>
  typeof part === "string" ? part : "b" in part ? part.b : figure(part.f);

/** The text as a reader sees it, one line per paragraph or list item, figures as `figure(key)` prints them. */
export function richToPlain(doc: TRichText | undefined, figure: (key: string) => string): string {
  return richLines(doc)
    .map((line) => (line.marker ?? "") + line.parts.map((p) => partText(p, figure)).join(""))
    .join("\n");
}

/** Characters typed (a figure counts as one): what the length limit and the counter under a field measure. */
export function richLength(doc: TRichText): number {
  let n = 0;
  for (const line of richLines(doc)) for (const part of line.parts) n += typeof part === "string" ? part.length : "b" in part ? part.b.length : 1;
  return n;
}

/** Nothing but whitespace: a field not yet written. A figure alone counts as written. */
export function isRichEmpty(doc: TRichText | undefined): boolean {
  if (!doc) return true;
  return richLines(doc).every((line) => line.parts.every((p) => (typeof p === "string" ? !p.trim() : "b" in p ? !p.b.trim() : false)));
}

/** Figure keys the text refers to, in order of appearance, without repeats. */
export function figureKeysIn(doc: TRichText | undefined): string[] {
  const keys = new Set<string>();
  for (const line of richLines(doc)) for (const part of line.parts) if (typeof part === "object" && "f" in part) keys.add(part.f);
  return [...keys];
}

/** Adjacent parts of the same kind joined and empty text dropped: the canonical form of a line. */
export function compactLine(parts: TInline[]): TInline[] {
  const out: TInline[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (typeof part === "string") {
      if (!part) continue;
      if (typeof last === "string") out[out.length - 1] = last + part;
      else out.push(part);
    } else if ("b" in part) {
      if (!part.b) continue;
      if (last && typeof last === "object" && "b" in last) out[out.length - 1] = { b: last.b + part.b };
      else out.push(part);
    } else out.push(part);
  }
  return out;
}

/** Plain text (one paragraph per line) as a document without figures: pasted text, carried-forward answers. */
export function richFromLines(text: string): TRichText {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => ({ p: line ? [line] : [] }));
}
