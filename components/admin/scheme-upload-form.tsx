"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { uploadSchemeAction } from "@/app/(app)/admin/schemes/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { callAction } from "@/components/ui/form-errors";
import type { ActionResult, RowError } from "@/lib/errors";

type Uploaded = { code: string; version: number; title: string };

/** `maxBytes` comes from the server's limit, so the early browser check and the server never disagree. */
export function SchemeUploadForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<Uploaded> | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setResult({ ok: false, code: "INVALID_INPUT", error: "请选择评价方案 JSON 文件" });
      return;
    }
    if (file.size > maxBytes) {
      setResult({ ok: false, code: "PAYLOAD_TOO_LARGE", error: `文件过大：评价方案 JSON 不能超过 ${Math.round(maxBytes / 1024)} KB` });
      return;
    }
    setBusy(true);
    const r = await callAction(() => uploadSchemeAction(data));
    setBusy(false);
    setResult(r);
    if (r.ok) {
      form.reset();
      router.refresh();
    }
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="上传评价方案">
      <p className="text-sm text-slate-600">
        上传评价方案的 JSON 文件（不超过 {Math.round(maxBytes / 1024)} KB）。可先下载现有方案作为模板修改；已保存的方案不能修改，修改后的方案请提高
        <code className="rounded bg-slate-100 px-1">version</code> 后再上传。有错误时不会保存。
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <FilePicker name="file" accept=".json,application/json" label="评价方案 JSON 文件" buttonText="选择 JSON 文件" />
        <Button type="submit" variant="secondary" busy={busy}>
          上传
        </Button>
      </div>
      {result?.ok ? (
        <Alert tone="success">
          已保存评价方案「{result.data.title}」（{result.data.code} 第 {result.data.version} 版）。
        </Alert>
      ) : null}
      {result && !result.ok ? <UploadErrors error={result.error} rows={result.rows} /> : null}
    </form>
  );
}

/** Each row is "path：message"; the path is split off so the administrator can find the node in the file. */
function UploadErrors({ error, rows }: { error: string; rows?: RowError[] }) {
  return (
    <div className="space-y-2">
      <Alert tone="error">{error}</Alert>
      {rows?.length ? (
        <table className="w-full table-fixed text-left text-sm" aria-label="评价方案错误">
          <thead className="text-slate-500">
            <tr>
              <th className="w-2/5 py-1 font-normal">位置</th>
              <th className="py-1 font-normal">问题</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const at = r.message.indexOf("：");
              return (
                <tr key={r.line ?? `f${i}`} className="border-t border-slate-100 align-top">
                  <td className="break-all py-1.5 pr-2 font-mono text-xs">{at >= 0 ? r.message.slice(0, at) : ""}</td>
                  <td className="py-1.5 text-red-700">{at >= 0 ? r.message.slice(at + 1) : r.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
