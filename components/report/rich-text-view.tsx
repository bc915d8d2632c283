"use client";
// A narrative field as read: paragraphs, the report's lists with their markers, bold, and figures as chips with
// their current value (name on hover). Reviewers and read-only views see this instead of an editor.
import { useSyncExternalStore } from "react";
import type { FigureStore } from "@/components/report/figure-store";
import { isList, type TInline, type TRichText } from "@/lib/report/rich-text";

function Chip({ figureKey, store }: { figureKey: string; store: FigureStore }) {
  const shown = useSyncExternalStore(store.subscribe, () => store.get(figureKey), () => store.get(figureKey));
  return (
    <span
      className={`figure-chip${shown.filled ? "" : " figure-chip-missing"}`}
      data-figure={figureKey}
      data-testid="figure-chip"
      title={shown.label ?? "方案中没有这项数据"}
      aria-label={`数据：${shown.label ?? figureKey}，${shown.text}`}
    >
      {shown.text}
    </span>
  );
}

function Parts({ parts, store }: { parts: TInline[]; store: FigureStore }) {
  return parts.map((p, i) =>
    typeof p === "string" ? <span key={i}>{p}</span> : "b" in p ? <strong key={i}>{p.b}</strong> : <Chip key={i} figureKey={p.f} store={store} />,
  );
}

/** The editor's text area (components/report/rich-text-editor.tsx), also used for the text shown before it is ready. */
export const EDITOR_CLASS = "rich-text min-h-[5.5rem] rounded-b-md px-3 py-2 text-[15px] leading-7 focus:outline-none";

export function RichTextView({ value, store, className = "", id, labelledBy }: { value: TRichText; store: FigureStore; className?: string; id?: string; labelledBy?: string }) {
  return (
    <div className={`rich-text ${className}`} id={id} role={labelledBy ? "textbox" : undefined} aria-readonly={labelledBy ? true : undefined} aria-multiline={labelledBy ? true : undefined} aria-labelledby={labelledBy} tabIndex={labelledBy ? 0 : undefined}>
      {value.length === 0 && labelledBy ? <p className="text-slate-400">（未填写）</p> : null}
      {value.map((block, i) =>
        isList(block) ? (
          <ol key={i} data-numbering={block.list}>
            {block.items.map((item, j) => (
              <li key={j}>
                <p>
                  <Parts parts={item} store={store} />
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p key={i}>
            <Parts parts={block.p} store={store} />
          </p>
        ),
      )}
    </div>
  );
}
