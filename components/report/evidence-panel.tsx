"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type EvidenceItem = { id: string; criterionCode: string; fileName: string; size: number; uploadedBy: string | null; createdAt: string };

const MAX_BYTES = 20 * 1024 * 1024;
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 佐证材料 of one criterion: list, download, upload (PDF, Word, Excel, images), delete. */
export function EvidencePanel({ reportId, criterionCode, items, readOnly }: { reportId: string; criterionCode: string; items: EvidenceItem[]; readOnly: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const mine = items.filter((e) => e.criterionCode === criterionCode);

  async function upload(file: File) {
    setMessage(null);
    if (file.size > MAX_BYTES) {
      setMessage({ tone: "error", text: `“${file.name}”过大（${size(file.size)}）：单个佐证材料不能超过 20 MB` });
      return;
    }
    setBusy(true);
    const body = new FormData();
    body.set("file", file);
    body.set("criterionCode", criterionCode);
    try {
      const res = await fetch(`/api/reports/${reportId}/evidence`, { method: "POST", body });
      const data = await res.json().catch(() => ({}));
      if (res.ok) {
        setMessage({ tone: "success", text: `已上传“${data.fileName}”` });
        router.refresh();
      } else setMessage({ tone: "error", text: data.error ?? "上传失败" });
    } catch {
      setMessage({ tone: "error", text: "网络中断，上传失败，请重试" });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  async function remove(id: string, name: string) {
    if (!window.confirm(`确定删除“${name}”吗？`)) return;
    const res = await fetch(`/api/evidence/${id}`, { method: "DELETE" });
    if (res.ok) router.refresh();
    else setMessage({ tone: "error", text: (await res.json().catch(() => ({}))).error ?? "删除失败" });
  }

  return (
    <section aria-labelledby={`evidence-${criterionCode}`} className="rounded-lg border border-slate-200 p-4">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 id={`evidence-${criterionCode}`} className="text-sm font-semibold text-slate-800">
          佐证材料（{mine.length}）
        </h3>
        {!readOnly ? (
          <label className={`cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-within:outline focus-within:outline-2 focus-within:outline-brand-600 ${busy ? "opacity-60" : ""}`}>
            {busy ? "上传中…" : "上传文件"}
            <input
              ref={input}
              type="file"
              aria-label="上传佐证材料"
              className="sr-only"
              disabled={busy}
              accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void upload(f);
              }}
            />
          </label>
        ) : null}
      </div>
      <p className="mb-2 text-xs text-slate-500">可上传 PDF、Word、Excel 或图片，单个不超过 20 MB。</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {mine.length ? (
        <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="已上传的佐证材料">
          {mine.map((e) => (
            <li key={e.id} className="flex items-center justify-between gap-2 py-1.5">
              <a href={`/api/evidence/${e.id}`} className="truncate text-brand-600 hover:underline">
                {e.fileName}
              </a>
              <span className="flex shrink-0 items-center gap-3 text-xs text-slate-500">
                {size(e.size)} · {e.uploadedBy ?? "—"}
                {!readOnly ? (
                  <Button type="button" variant="ghost" className="px-1.5 py-0.5 text-xs text-red-700" onClick={() => void remove(e.id, e.fileName)}>
                    删除
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
