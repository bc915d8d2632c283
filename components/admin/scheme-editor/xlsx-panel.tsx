"use client";
// The Excel round trip on the draft page (decision 032): download the draft as a 细则 workbook, upload an edited one.
// Errors are listed row by row (工作表 X 第 N 行 Y 列：…) and nothing is saved; a saved upload lists its changes
// against the draft before, and the editor's form takes the saved definition.
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TSchemeChange } from "@/lib/template/scheme-diff";

type SheetError = { sheet: string; row: number | null; column: string | null; message: string };
const KIND = { added: "新增", removed: "删除", changed: "修改" } as const;

function where(e: SheetError): string {
  const at = [e.sheet && `工作表 ${e.sheet}`, e.row !== null && `第 ${e.row} 行`, e.column && `${e.column} 列`].filter(Boolean).join(" ");
  return at ? `${at}：${e.message}` : e.message;
}

type Props = {
  draftId: string;
  version: number;
  readOnly: boolean;
  valid: boolean;
  dirty: boolean;
  onUploaded: (definition: Record<string, unknown>, version: number) => void;
};

export function XlsxPanel({ draftId, version, readOnly, valid, dirty, onUploaded }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<SheetError[]>([]);
  const [changes, setChanges] = useState<TSchemeChange[] | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setRows([]);
    setChanges(null);
    const form = new FormData();
    form.set("file", file);
    form.set("baseVersion", String(version));
    try {
      const res = await fetch(`/api/scheme-drafts/${encodeURIComponent(draftId)}/xlsx`, { method: "POST", body: form });
      const body = (await res.json().catch(() => ({}))) as { error?: string; sheetErrors?: SheetError[]; changes?: TSchemeChange[]; definition?: Record<string, unknown>; version?: number };
      if (!res.ok) {
        setError(body.error ?? "上传失败，请稍后重试");
        setRows(body.sheetErrors ?? []);
        return;
      }
      setChanges(body.changes ?? []);
      if (body.definition && body.version) onUploaded(body.definition, body.version);
    } catch {
      setError("网络连接中断，草稿未作修改，请稍后重试");
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <div className="space-y-3 text-sm" aria-label="Excel 细则">
      {valid ? null : <p className="text-slate-600">方案当前有错误：改正并保存后才能下载或上传 Excel 细则。</p>}
      {valid && dirty && !readOnly ? <p className="text-slate-600">有未保存的修改：保存草稿后再下载或上传 Excel 细则。</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <a hidden={!valid || dirty} href={`/api/scheme-drafts/${encodeURIComponent(draftId)}/xlsx`} download className="text-brand-600 hover:underline">
          下载 Excel 细则
        </a>
        {readOnly || !valid || dirty ? null : (
          <>
            <input ref={input} type="file" accept=".xlsx" className="sr-only" id="scheme-xlsx" onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} />
            <Button type="button" variant="secondary" busy={busy} onClick={() => input.current?.click()}>
              上传 Excel 细则
            </Button>
            <p className="w-full text-xs text-slate-500">上传会按表格替换草稿中的评价项目、数据与指标和表格标题；表格中没有的设置保持不变。任何一行有误都不会修改草稿。</p>
          </>
        )}
      </div>
      {error ? (
        <Alert tone="error">
          <p>{error}</p>
          {rows.length ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5" aria-label="出错的行">
              {rows.map((r, i) => (
                <li key={i}>{where(r)}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {changes ? (
        <Alert tone="success">
          <p>{changes.length ? `已上传并保存草稿，与上传前相比有 ${changes.length} 处变更：` : "已上传，与草稿相比没有任何变更。"}</p>
          {changes.length ? (
            <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto" aria-label="上传的变更">
              {changes.map((c, i) => (
                <li key={i}>
                  <span className="mr-1 font-medium">{KIND[c.kind]}{c.what}</span>
                  {c.where}
                  {c.detail ? <span className="text-slate-600"> · {c.detail}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
