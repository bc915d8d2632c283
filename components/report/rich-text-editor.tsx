"use client";
// One narrative field as a document: paragraphs, the report's lists (一是…二是…, （1）…), bold, and figure chips that
// always show the figure's current value. The stored value is lib/report/rich-text.ts's JSON; the editor is Tiptap
// (ProseMirror) with a schema of exactly those nodes (components/report/rich-text-schema.ts, decision 024).
import { useEffect, useRef, useState } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { Placeholder } from "@tiptap/extensions";
import { Fragment, Slice } from "@tiptap/pm/model";
import type { EditorView } from "@tiptap/pm/view";
import { editorExtensions, fromEditorJson, toEditorJson } from "@/components/report/rich-text-schema";
import { FigurePicker, type FigureOption } from "@/components/report/figure-picker";
import type { FigureStore } from "@/components/report/figure-store";
import { EDITOR_CLASS, RichTextView } from "@/components/report/rich-text-view";
import { linesFromHtml, linesFromText } from "@/components/report/paste-html";
import { blocksFromPasted } from "@/lib/report/paste";
import { LIST_STYLES, type ListStyle, type TRichText } from "@/lib/report/rich-text";


/** Paste from Word/WPS or a web page: paragraphs and lists survive, nothing else (lib/report/paste.ts). A copy made
 *  inside an editor (it carries ProseMirror's own marker) keeps its chips and bold. */
function handlePaste(view: EditorView, event: ClipboardEvent): boolean {
  const html = event.clipboardData?.getData("text/html") ?? "";
  const text = event.clipboardData?.getData("text/plain") ?? "";
  if (html.includes("data-pm-slice")) return false;
  let blocks = html ? blocksFromPasted(linesFromHtml(html)) : [];
  if (!blocks.length) blocks = blocksFromPasted(linesFromText(text));
  event.preventDefault();
  if (!blocks.length) return true;
  const nodes = (toEditorJson(blocks).content ?? []).map((n) => view.state.schema.nodeFromJSON(n));
  const open = (i: number) => ("p" in blocks[i] ? 1 : 0);
  view.dispatch(view.state.tr.replaceSelection(new Slice(Fragment.fromArray(nodes), open(0), open(blocks.length - 1))).scrollIntoView());
  return true;
}

function ToolButton({ label, pressed, onClick, children, title }: { label: string; pressed?: boolean; onClick: () => void; children: React.ReactNode; title?: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={title ?? label}
      // Keep the text's selection: the button acts on it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={`rounded px-2 py-1 text-sm ${pressed ? "bg-brand-100 text-brand-800" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {children}
    </button>
  );
}

function Toolbar({ editor, figures, onPick }: { editor: Editor; figures: boolean; onPick: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      list: (e.isActive("orderedList") ? e.getAttributes("orderedList").numbering : null) as ListStyle | null,
    }),
  });
  const list = (style: ListStyle) => {
    const chain = editor.chain().focus();
    if (state.list === style) chain.toggleOrderedList().run();
    else if (state.list) chain.updateAttributes("orderedList", { numbering: style }).run();
    else chain.toggleOrderedList().updateAttributes("orderedList", { numbering: style }).run();
  };
  return (
    <div role="toolbar" aria-label="格式" className="flex flex-wrap items-center gap-0.5 border-b border-slate-200 bg-slate-50/80 px-1.5 py-1">
      <ToolButton label="加粗" title="加粗（Ctrl+B）" pressed={state.bold} onClick={() => editor.chain().focus().toggleBold().run()}>
        <strong>B</strong>
      </ToolButton>
      {(Object.keys(LIST_STYLES) as ListStyle[]).map((style) => (
        <ToolButton key={style} label={`${LIST_STYLES[style].label}列表`} pressed={state.list === style} onClick={() => list(style)}>
          {style === "yishi" ? "一是…" : "（1）…"}
        </ToolButton>
      ))}
      {figures ? (
        <>
          <span aria-hidden className="mx-1 h-4 w-px bg-slate-300" />
          <ToolButton label="插入数据" title="插入数据（Ctrl+Shift+F）" onClick={onPick}>
            <span className="text-brand-700">＋ 插入数据</span>
          </ToolButton>
        </>
      ) : null}
    </div>
  );
}

export function RichTextEditor({
  id,
  labelId,
  describedBy,
  value,
  onChange,
  figures,
  store,
  placeholder,
  invalid,
}: {
  id: string;
  labelId: string;
  describedBy?: string;
  value: TRichText;
  onChange: (doc: TRichText) => void;
  /** The figures the picker offers; none means no 插入数据. */
  figures: FigureOption[];
  store: FigureStore;
  placeholder?: string;
  invalid?: boolean;
}) {
  const [picking, setPicking] = useState(false);
  const emitted = useRef(JSON.stringify(value));
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
  });
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [...editorExtensions(store), Placeholder.configure({ placeholder: placeholder ?? "" })],
    content: toEditorJson(value),
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: EDITOR_CLASS,
      },
      handlePaste: (view, event) => handlePaste(view, event),
      handleKeyDown: (_view, event) => {
        if (figures.length && (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === "f") {
          event.preventDefault();
          setPicking(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => {
      const doc = fromEditorJson(e.getJSON());
      emitted.current = JSON.stringify(doc);
      change.current(doc);
    },
  });

  // The form replaced the value (a restored draft, the other version after a conflict, a merge): show it.
  useEffect(() => {
    if (!editor || JSON.stringify(value) === emitted.current) return;
    emitted.current = JSON.stringify(value);
    editor.commands.setContent(toEditorJson(value), { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setOptions({ editorProps: { ...editor.options.editorProps, attributes: { ...(editor.options.editorProps.attributes as Record<string, string>), "aria-invalid": invalid ? "true" : "false" } } });
  }, [editor, invalid]);

  return (
    <div className={`relative rounded-md border bg-white shadow-sm focus-within:border-brand-600 ${invalid ? "border-red-500" : "border-slate-300"}`}>
      {editor ? <Toolbar editor={editor} figures={figures.length > 0} onPick={() => setPicking(true)} /> : <div className="h-[34px] border-b border-slate-200 bg-slate-50/80" />}
      {picking && editor ? (
        <FigurePicker
          options={figures}
          store={store}
          onClose={() => {
            setPicking(false);
            editor.commands.focus();
          }}
          onPick={(key) => {
            setPicking(false);
            editor.chain().focus().insertContent({ type: "figure", attrs: { key } }).run();
          }}
        />
      ) : null}
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        // Before the editor mounts (the server's render and the first paint), the same text, read-only.
        <RichTextView value={value} store={store} className={EDITOR_CLASS} />
      )}
    </div>
  );
}
