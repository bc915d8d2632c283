"use client";
// The editor's document model, kept to exactly what the report can print (lib/report/rich-text.ts): paragraphs,
// the report's two list styles, bold, and figure chips. ProseMirror drops anything its schema has no node for, so a
// paste can only ever bring in these; the conversions below translate to and from the stored JSON.
import { Node, mergeAttributes, type JSONContent } from "@tiptap/core";
import { Document } from "@tiptap/extension-document";
import { Paragraph } from "@tiptap/extension-paragraph";
import { Text } from "@tiptap/extension-text";
import { Bold } from "@tiptap/extension-bold";
import { ListItem, OrderedList } from "@tiptap/extension-list";
import { UndoRedo } from "@tiptap/extensions";
import { LIST_STYLE_KEYS, compactLine, type ListStyle, type TInline, type TRichText } from "@/lib/report/rich-text";
import type { FigureStore } from "@/components/report/figure-store";

/** A list in the report's numbering: the marker is drawn from `numbering` (CSS, components/report/rich-text.css). */
const ReportList = OrderedList.extend({
  addAttributes() {
    return {
      numbering: {
        default: "yishi" satisfies ListStyle,
        parseHTML: (el) => (LIST_STYLE_KEYS.includes(el.getAttribute("data-numbering") as ListStyle) ? el.getAttribute("data-numbering") : "paren"),
        renderHTML: (attrs) => ({ "data-numbering": attrs.numbering }),
      },
    };
  },
  // No "1. " shortcuts: a typed number stays the writer's text.
  addInputRules: () => [],
  addKeyboardShortcuts: () => ({}),
});

/** One item: one line of text, no nesting (the report has no sub-lists in body text). */
const ReportListItem = ListItem.extend({ content: "paragraph" });

/** A figure: an inline atom showing the figure's current value, its name on hover. */
const FigureChip = Node.create<{ store: FigureStore | null }>({
  name: "figure",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addOptions: () => ({ store: null }),
  addAttributes: () => ({
    key: { default: "", parseHTML: (el) => el.getAttribute("data-figure") ?? "", renderHTML: (attrs) => ({ "data-figure": attrs.key }) },
  }),
  parseHTML: () => [{ tag: "span[data-figure]" }],
  renderHTML: ({ HTMLAttributes }) => ["span", mergeAttributes(HTMLAttributes, { class: "figure-chip" })],
  renderText({ node }) {
    return this.options.store?.get(node.attrs.key as string).text ?? "";
  },
  addNodeView() {
    const store = this.options.store;
    return ({ node }) => {
      const dom = document.createElement("span");
      dom.contentEditable = "false";
      dom.dataset.figure = node.attrs.key as string;
      dom.dataset.testid = "figure-chip";
      const paint = () => {
        const shown = store?.get(node.attrs.key as string);
        if (!shown) return;
        dom.textContent = shown.text;
        dom.title = shown.label ? `${shown.label}${shown.filled ? "" : "（尚未填写）"}` : "方案中没有这项数据";
        dom.setAttribute("aria-label", `数据：${shown.label ?? node.attrs.key}，${shown.text}`);
        dom.className = `figure-chip${shown.filled ? "" : " figure-chip-missing"}`;
      };
      paint();
      const unsubscribe = store?.subscribe(paint);
      return { dom, ignoreMutation: () => true, destroy: () => unsubscribe?.() };
    };
  },
});

export function editorExtensions(store: FigureStore) {
  return [Document, Paragraph, Text, Bold, ReportList, ReportListItem, FigureChip.configure({ store }), UndoRedo];
}

const inlineJson = (parts: TInline[]): JSONContent[] =>
  parts.flatMap((p): JSONContent[] => {
    if (typeof p === "string") return p ? [{ type: "text", text: p }] : [];
    if ("b" in p) return p.b ? [{ type: "text", text: p.b, marks: [{ type: "bold" }] }] : [];
    return [{ type: "figure", attrs: { key: p.f } }];
  });
const paragraphJson = (parts: TInline[]): JSONContent => {
  const content = inlineJson(parts);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
};

/** Stored rich text → the editor's document (which always has at least one paragraph). */
export function toEditorJson(doc: TRichText): JSONContent {
  const content = doc.map((block): JSONContent =>
    "list" in block
      ? { type: "orderedList", attrs: { numbering: block.list }, content: block.items.map((item) => ({ type: "listItem", content: [paragraphJson(item)] })) }
      : paragraphJson(block.p),
  );
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

function partsOf(node: JSONContent | undefined): TInline[] {
  const parts = (node?.content ?? []).map((n): TInline => {
    if (n.type === "figure") return { f: String(n.attrs?.key ?? "") };
    const text = n.text ?? "";
    return n.marks?.some((m) => m.type === "bold") ? { b: text } : text;
  });
  return compactLine(parts);
}

/** The editor's document → stored rich text. A document of one empty paragraph is an empty field. */
export function fromEditorJson(json: JSONContent): TRichText {
  const blocks = (json.content ?? []).map((node): TRichText[number] => {
    if (node.type === "orderedList") {
      const numbering = node.attrs?.numbering as ListStyle;
      return { list: LIST_STYLE_KEYS.includes(numbering) ? numbering : "paren", items: (node.content ?? []).map((item) => partsOf(item.content?.[0])) };
    }
    return { p: partsOf(node) };
  });
  return blocks.length === 1 && "p" in blocks[0] && blocks[0].p.length === 0 ? [] : blocks;
}
