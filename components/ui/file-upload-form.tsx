"use client";
// One file, one action: the administrator's uploads (region CSV, scheme JSON). The browser refuses an empty or
// oversized file before sending it (the same limit and words as the server); the action's answer is shown below.
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { callAction } from "@/components/ui/form-errors";
import type { ActionResult, RowError } from "@/lib/errors";
import { chooseFile } from "@/lib/validation";

type Props<T> = {
  /** The form's accessible name. */
  label: string;
  description: ReactNode;
  picker: { accept: string; label: string; buttonText: string };
  submitText: string;
  /** "CSV 文件": for "请选择 CSV 文件". */
  what: string;
  maxBytes: number;
  /** "CSV 不能超过 1 MB": for "文件过大：…". */
  limit: string;
  upload: (data: FormData) => Promise<ActionResult<T>>;
  success: (data: T) => ReactNode;
  /** A refusal with row errors lists them in a two-column table: where (the first column) and what. */
  rowErrors: { label: string; where: string; whereClass: string; split: (row: RowError) => [where: ReactNode, what: string] };
};

export function FileUploadForm<T>({ label, description, picker, submitText, what, maxBytes, limit, upload, success, rowErrors }: Props<T>) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setResult({ ok: false, code: "INVALID_INPUT", error: chooseFile(what) });
    if (file.size > maxBytes) return setResult({ ok: false, code: "PAYLOAD_TOO_LARGE", error: `文件过大：${limit}` });
    setBusy(true);
    const r = await callAction(() => upload(data));
    setBusy(false);
    setResult(r);
    if (r.ok) {
      form.reset();
      router.refresh();
    }
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={label}>
      <p className="text-sm text-slate-600">{description}</p>
      <div className="flex flex-wrap items-center gap-2">
        <FilePicker name="file" accept={picker.accept} label={picker.label} buttonText={picker.buttonText} />
        <Button type="submit" variant="secondary" busy={busy}>
          {submitText}
        </Button>
      </div>
      {result?.ok ? <Alert tone="success">{success(result.data)}</Alert> : null}
      {result && !result.ok ? (
        <div className="space-y-2">
          <Alert tone="error">{result.error}</Alert>
          {result.rows?.length ? (
            <table className="w-full table-fixed text-left text-sm" aria-label={rowErrors.label}>
              <thead className="text-slate-500">
                <tr>
                  <th className={`${rowErrors.whereClass} py-1 font-normal`}>{rowErrors.where}</th>
                  <th className="py-1 font-normal">问题</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row, i) => {
                  const [where, message] = rowErrors.split(row);
                  return (
                    <tr key={i} className="border-t border-slate-100 align-top">
                      <td className="break-all py-1.5 pr-2">{where}</td>
                      <td className="py-1.5 text-red-700">{message}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
