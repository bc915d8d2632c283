"use client";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useFigures } from "@/components/report/figure-context";
import type { RemoteHead } from "@/components/report/use-section-watch";
import { contentAsText } from "@/lib/report/as-text";
import type { SectionDef } from "@/lib/report/sections";
import { formatDateTime } from "@/lib/dates";

/** 查看: the version someone else saved, as it reads, before deciding to merge it in. */
export function RemoteDialog({ def, remote, onClose, onMerge }: { def: SectionDef; remote: RemoteHead; onClose: () => void; onMerge: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { words } = useFigures();
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby="remote-title" onCancel={onClose} className="m-auto w-[min(760px,95vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
      <div className="space-y-4 p-6">
        <h2 id="remote-title" className="text-lg font-semibold text-slate-900">
          {remote.updatedBy ?? "其他人"}保存的“{def.title}”（第 {remote.version} 版{remote.updatedAt ? `，${formatDateTime(remote.updatedAt, "datetime")}` : ""}）
        </h2>
        <pre className="max-h-[55vh] overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 font-sans text-sm leading-6">
          {remote.content ? contentAsText(def, remote.content, words) : ""}
        </pre>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => { ref.current?.close(); onClose(); }}>
            关闭
          </Button>
          <Button type="button" onClick={() => { ref.current?.close(); onMerge(); }}>
            合并
          </Button>
        </div>
      </div>
    </dialog>
  );
}
