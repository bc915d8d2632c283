"use client";
import type { ReactNode } from "react";
import { ConflictDialog } from "@/components/report/conflict-dialog";
import { SaveStatus } from "@/components/report/save-status";
import type { useAutosave } from "@/components/report/use-autosave";
import type { SectionDef } from "@/lib/report/sections";

/** The page of one section: heading as printed, the writer's guidance, save state, and the conflict dialog. */
export function SectionFrame({ def, autosave, children }: { def: SectionDef; autosave: ReturnType<typeof useAutosave>; children: ReactNode }) {
  return (
    <article aria-labelledby="section-heading" className="space-y-5">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 pb-4">
        <div>
          {def.groupHeading ? <p className="text-xs text-slate-500">{def.groupHeading}</p> : def.partHeading && def.partHeading !== def.heading ? <p className="text-xs text-slate-500">{def.partHeading}</p> : null}
          <h2 id="section-heading" className="text-lg font-semibold text-slate-900">
            {def.heading}
          </h2>
        </div>
        <SaveStatus state={autosave.state} message={autosave.message} savedAt={autosave.savedAt} />
      </header>
      {def.guidance ? (
        <details className="rounded-md bg-brand-50 px-4 py-2 text-sm text-brand-800" open>
          <summary className="cursor-pointer select-none font-medium">填写说明</summary>
          <p className="mt-1 leading-6">{def.guidance}</p>
        </details>
      ) : null}
      {children}
      {autosave.conflict ? <ConflictDialog def={def} conflict={autosave.conflict} onResolve={autosave.resolve} /> : null}
    </article>
  );
}
