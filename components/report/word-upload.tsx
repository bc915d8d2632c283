"use client";
// The upload step both Word imports share: one file to the route's POST, its JSON answer or the server's Chinese
// message. Nothing is written by this step (the route only previews); the screens confirm with a PUT.
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";

const MAX_BYTES = 20 * 1024 * 1024;
export const WORD_ACCEPT = ".docx,.doc,.wps";

/** Sends JSON or a form to a Word import route; answers the parsed body, or throws the server's message. */
export async function callWordRoute<T>(url: string, method: "POST" | "PUT", body: FormData | unknown): Promise<T> {
  let res: Response;
  try {
    res =
      body instanceof FormData
        ? await fetch(url, { method, body })
        : await fetch(url, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  } catch {
    throw new Error("网络中断，未能完成，请重试");
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(typeof data?.error === "string" ? data.error : `操作失败（${res.status}），请重试`);
  return data as T;
}

type Props<T> = { url: string; label: string; hint: string; onPreview: (preview: T, fileName: string) => void };

export function WordUpload<T>({ url, label, hint, onPreview }: Props<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setError("请先选择要上传的 Word 文件（.docx、.doc 或 .wps）");
    if (file.size > MAX_BYTES) return setError("文件过大：Word 文件不能超过 20 MB");
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      onPreview(await callWordRoute<T>(url, "POST", body), file.name);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={label} className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <FilePicker name="file" accept={WORD_ACCEPT} label="选择 Word 文件" buttonText="选择文件" />
        <Button type="submit" busy={busy}>
          {busy ? "读取中…" : "上传并预览"}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{hint}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </form>
  );
}

type Outcome = { tone: "success" | "error"; text: string };

/** The state both import screens share: the preview, the section chosen for each of its items, and the confirm. */
export function useWordImport<P>() {
  const [preview, setPreview] = useState<{ data: P; fileName: string } | null>(null);
  const [choice, setChoice] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Bumped after a confirm: the upload form is remounted empty, so the imported file is not offered again.
  const [uploads, setUploads] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return {
    preview,
    choice,
    busy,
    uploads,
    outcome,
    choose: (i: number, key: string) => setChoice((all) => all.map((v, j) => (j === i ? key : v))),
    /** A new preview, each item preset to the server's proposal ("" = 不导入). */
    previewed(data: P, fileName: string, suggested: (string | null)[]) {
      setPreview({ data, fileName });
      setChoice(suggested.map((s) => s ?? ""));
      setOutcome(null);
    },
    /** Runs the PUT (`put` answers the success message); nothing kept → `empty`, a refusal → the server's words. */
    async confirm(keptCount: number, empty: string, put: () => Promise<string>) {
      if (!keptCount) return setOutcome({ tone: "error", text: empty });
      setBusy(true);
      setOutcome(null);
      try {
        const text = await put();
        setOutcome({ tone: "success", text });
        setPreview(null);
        setUploads((n) => n + 1);
      } catch (e) {
        setOutcome({ tone: "error", text: (e as Error).message });
      } finally {
        setBusy(false);
      }
    },
  };
}

export function ImportOutcome({ outcome, reportId }: { outcome: Outcome | null; reportId: string }) {
  if (!outcome) return null;
  return (
    <Alert tone={outcome.tone}>
      <p>{outcome.text}</p>
      {outcome.tone === "success" ? (
        <Link href={`/reports/${reportId}`} className="mt-1 inline-block text-brand-700 underline">
          返回报告查看
        </Link>
      ) : null}
    </Alert>
  );
}
