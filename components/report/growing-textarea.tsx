"use client";
import { forwardRef, useCallback, useLayoutEffect, useRef, type ClipboardEvent, type TextareaHTMLAttributes } from "react";
import { normalisePastedText } from "@/lib/report/paste";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A textarea that grows with its text and cleans what is pasted from Word/WPS (see lib/report/paste.ts). */
export const GrowingTextarea = forwardRef<HTMLTextAreaElement, Props>(function GrowingTextarea(
  { className = "", onInput, ...rest },
  forwarded,
) {
  const inner = useRef<HTMLTextAreaElement | null>(null);
  const resize = useCallback(() => {
    const el = inner.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  }, []);
  useLayoutEffect(resize);

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const text = event.clipboardData.getData("text/plain");
    if (!text) return;
    event.preventDefault();
    const clean = normalisePastedText(text);
    const el = event.currentTarget;
    // execCommand keeps the browser's undo history and fires the input event react-hook-form listens to.
    if (!document.execCommand("insertText", false, clean)) {
      el.setRangeText(clean, el.selectionStart, el.selectionEnd, "end");
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  return (
    <textarea
      {...rest}
      ref={(el) => {
        inner.current = el;
        if (typeof forwarded === "function") forwarded(el);
        else if (forwarded) forwarded.current = el;
      }}
      rows={rest.rows ?? 3}
      onPaste={onPaste}
      onInput={(e) => {
        resize();
        onInput?.(e);
      }}
      className={`block w-full resize-none overflow-hidden rounded-md border border-slate-300 bg-white px-3 py-2 text-[15px] leading-7 shadow-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500 ${className}`}
    />
  );
});
