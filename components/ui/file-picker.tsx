"use client";
import { useEffect, useRef, useState } from "react";

/** A file input whose button speaks Chinese whatever the browser's language (the native button does not),
 *  with the chosen file's name beside it. The input keeps its `name`, so the surrounding form's FormData has it. */
export function FilePicker({ name, accept, label, buttonText }: { name: string; accept: string; label: string; buttonText: string }) {
  const [fileName, setFileName] = useState("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = input.current?.form;
    const clear = () => setFileName("");
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, []);
  return (
    <>
      <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm text-slate-700 hover:bg-slate-100 focus-within:outline focus-within:outline-2 focus-within:outline-brand-600">
        {buttonText}
        <input
          ref={input}
          name={name}
          type="file"
          accept={accept}
          aria-label={label}
          className="sr-only"
          onChange={(e) => setFileName(e.currentTarget.files?.[0]?.name ?? "")}
        />
      </label>
      <span className="min-w-0 flex-1 truncate text-sm text-slate-500">{fileName || "未选择文件"}</span>
    </>
  );
}
