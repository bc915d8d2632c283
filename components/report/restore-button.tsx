"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { restoreRevisionAction } from "@/app/(app)/reports/actions";
import { draftKey } from "@/components/report/autosave-machine";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/form-errors";

export function RestoreButton({ reportId, revisionId, version, sectionKey }: { reportId: string; revisionId: number; version: number; sectionKey: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function restore() {
    if (!window.confirm(`用第 ${version} 版替换当前内容？当前内容仍会保留在历史版本中。`)) return;
    setBusy(true);
    const r = await callAction(() => restoreRevisionAction({ reportId, revisionId }));
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (!r.data.restored) return setError(r.data.message);
    // The editor must not restore an older local draft over the restored text.
    window.localStorage.removeItem(draftKey(reportId, sectionKey));
    router.push(`/reports/${reportId}?s=${encodeURIComponent(sectionKey)}`);
  }
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="button" busy={busy} onClick={restore}>
        恢复此版本
      </Button>
    </div>
  );
}
