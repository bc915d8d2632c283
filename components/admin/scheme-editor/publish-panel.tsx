"use client";
// Publishing: the change list against the version the draft was copied from and the reports concerned, then publish.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { publishDraftAction, publishPreviewAction } from "@/app/(app)/admin/schemes/drafts/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/form-errors";
import type { TSchemeChange } from "@/lib/template/scheme-diff";

type Preview = { version: number; source: { title: string; version: number } | null; changes: TSchemeChange[]; runningOnSource: number; affected: number };
const KIND = { added: "新增", removed: "删除", changed: "修改" } as const;

export function PublishPanel({ draftId, version, dirty, valid }: { draftId: string; version: number; dirty: boolean; valid: boolean }) {
  const router = useRouter();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setError(null);
    const result = await callAction(() => publishPreviewAction({ id: draftId }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (!result.data.ok) return setError(`方案还有 ${result.data.errors.length} 处错误，改正后才能发布`);
    setPreview(result.data);
  };
  const publish = async () => {
    setBusy(true);
    const result = await callAction(() => publishDraftAction({ id: draftId, baseVersion: version }));
    setBusy(false);
    if (!result.ok) return setError(result.rows?.map((r) => r.message).join("；") || result.error);
    router.push(`/admin/schemes?published=${encodeURIComponent(`${result.data.title}（第 ${result.data.version} 版）`)}`);
  };
  return (
    <div className="space-y-3" aria-label="发布">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="button" variant="secondary" busy={busy} disabled={dirty || !valid} onClick={check}>
        查看变更并发布
      </Button>
      {dirty ? <p className="text-xs text-slate-500">请先保存草稿</p> : null}
      {preview ? (
        <div className="space-y-2 text-sm">
          <p>
            将发布为第 {preview.version} 版{preview.source ? `；与《${preview.source.title}》第 ${preview.source.version} 版相比有 ${preview.changes.length} 处变更` : ""}。
          </p>
          <ul className="max-h-64 space-y-1 overflow-y-auto" aria-label="变更列表">
            {preview.changes.map((c, i) => (
              <li key={i} className="rounded bg-slate-50 px-2 py-1">
                <span className="mr-1 font-medium">{KIND[c.kind]}{c.what}</span>
                {c.where}
                {c.detail ? <span className="text-slate-500"> · {c.detail}</span> : null}
              </li>
            ))}
          </ul>
          <p className="text-slate-600">
            受影响的进行中报告：{preview.affected} 份。使用原版本的进行中报告 {preview.runningOnSource} 份仍按原版本打开，县里复制到新版本前不受影响。
          </p>
          <Button type="button" busy={busy} onClick={publish}>
            确认发布
          </Button>
        </div>
      ) : null}
    </div>
  );
}
