"use client";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { Conflict } from "@/components/report/autosave-machine";
import type { SectionDef } from "@/lib/report/sections";
import { contentAsText } from "@/lib/report/as-text";
import { useFigures } from "@/components/report/figure-context";
import { formatDateTime } from "@/lib/dates";

/** Both texts side by side; the person decides. Nothing is overwritten without a choice. */
export function ConflictDialog({ def, conflict, onResolve }: { def: SectionDef; conflict: Conflict; onResolve: (choice: "mine" | "theirs") => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { words } = useFigures();
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  const who = conflict.theirs.updatedBy ? `${conflict.theirs.updatedBy}` : "其他人或其他窗口";
  const when = formatDateTime(conflict.theirs.updatedAt, "datetime-seconds");
  return (
    <dialog ref={ref} aria-labelledby="conflict-title" className="m-auto w-[min(1100px,95vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40" onCancel={(e) => e.preventDefault()}>
      <div className="space-y-4 p-6">
        <h2 id="conflict-title" className="text-lg font-semibold text-slate-900">
          “{def.title}”已被{who}修改
        </h2>
        <p className="text-sm text-slate-600">
          您编辑期间，{who}{when ? `于 ${when} ` : ""}保存了这一部分。为避免覆盖任何人的内容，请比较两个版本后选择保留哪一个；
          如需合并，可先从左侧复制您的文字。
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <section aria-label="我的版本">
            <h3 className="mb-1 text-sm font-medium text-slate-700">我的版本（未保存）</h3>
            <pre className="max-h-[50vh] overflow-auto whitespace-pre-wrap rounded-md border border-amber-200 bg-amber-50 p-3 font-sans text-sm leading-6">
              {contentAsText(def, conflict.mine, words)}
            </pre>
          </section>
          <section aria-label="已保存的版本">
            <h3 className="mb-1 text-sm font-medium text-slate-700">已保存的版本（第 {conflict.theirs.version} 版）</h3>
            <pre className="max-h-[50vh] overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 font-sans text-sm leading-6">
              {contentAsText(def, conflict.theirs.content, words)}
            </pre>
          </section>
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => { ref.current?.close(); onResolve("theirs"); }}>
            采用已保存的版本
          </Button>
          <Button type="button" onClick={() => { ref.current?.close(); onResolve("mine"); }}>
            保留我的版本
          </Button>
        </div>
      </div>
    </dialog>
  );
}
