"use client";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConflictDialog } from "@/components/report/conflict-dialog";
import { RemoteDialog } from "@/components/report/remote-dialog";
import { SaveStatus } from "@/components/report/save-status";
import type { useAutosave } from "@/components/report/use-autosave";
import type { LiveSection } from "@/components/report/use-section-form";
import type { RemoteHead } from "@/components/report/use-section-watch";
import type { SectionDef } from "@/lib/report/sections";
import { formatDateTime } from "@/lib/dates";

/** The page of one section: heading as printed, the writer's guidance, save state (only where it can be edited),
 *  the notices about a restored draft and about someone else's save, and the conflict dialog. */
export function SectionFrame({
  def,
  autosave,
  live,
  readOnly,
  children,
}: {
  def: SectionDef;
  autosave: ReturnType<typeof useAutosave>;
  live: LiveSection;
  readOnly: boolean;
  children: ReactNode;
}) {
  const [viewing, setViewing] = useState<RemoteHead | null>(null);
  const remote = live.remote;
  return (
    <article aria-labelledby="section-heading" className="space-y-5">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 pb-4">
        <div>
          {def.groupHeading ? <p className="text-xs text-slate-500">{def.groupHeading}</p> : def.partHeading && def.partHeading !== def.heading ? <p className="text-xs text-slate-500">{def.partHeading}</p> : null}
          <h2 id="section-heading" className="text-lg font-semibold text-slate-900">
            {def.heading}
          </h2>
        </div>
        {readOnly ? null : <SaveStatus state={autosave.state} message={autosave.message} savedAt={autosave.savedAt} />}
      </header>
      {live.restoredAt && !readOnly ? (
        <div role="status" aria-label="已恢复本机草稿" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          <span>已恢复本机保存的、上次未来得及保存到服务器的内容（{formatDateTime(live.restoredAt, "time")}），正在自动保存。</span>
          <Button type="button" variant="ghost" className="px-2 text-sky-900" onClick={live.dismissRestored}>
            知道了
          </Button>
        </div>
      ) : null}
      {remote && !readOnly ? (
        <div role="status" aria-label="他人修改了本部分" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900">
          <span>
            <strong>{remote.updatedBy ?? "其他人或其他窗口"}</strong> {remote.updatedAt ? formatDateTime(remote.updatedAt, "time") : ""} 修改了本部分（第 {remote.version} 版）。
            {autosave.state === "saved" ? "合并后显示对方的版本。" : "您的未保存修改会与对方的版本逐项合并，同一处都改过时由您选择。"}
          </span>
          <span className="flex gap-1">
            <Button type="button" variant="secondary" onClick={async () => setViewing(await live.view())}>
              查看
            </Button>
            <Button type="button" onClick={() => void live.merge()}>
              合并
            </Button>
          </span>
        </div>
      ) : null}
      {def.guidance ? (
        <details className="rounded-md bg-brand-50 px-4 py-2 text-sm text-brand-800" open={!readOnly}>
          <summary className="cursor-pointer select-none font-medium">填写说明</summary>
          <p className="mt-1 leading-6">{def.guidance}</p>
        </details>
      ) : null}
      {children}
      {autosave.conflict ? <ConflictDialog def={def} conflict={autosave.conflict} onResolve={autosave.resolve} /> : null}
      {viewing?.content ? (
        <RemoteDialog
          def={def}
          remote={viewing}
          onClose={() => setViewing(null)}
          onMerge={() => {
            setViewing(null);
            void live.merge();
          }}
        />
      ) : null}
    </article>
  );
}
