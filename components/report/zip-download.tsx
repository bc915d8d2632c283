"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Downloads every report of the region for a year as one .zip, showing progress while the server streams it. */
export function ZipDownload({ year, count }: { year: number; count: number }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setError(null);
    setProgress(0);
    try {
      const res = await fetch(`/api/exports/reports?year=${year}`);
      if (!res.ok || !res.body) {
        setError((await res.json().catch(() => ({}))).error ?? "下载失败");
        setProgress(null);
        return;
      }
      const estimated = Number(res.headers.get("X-Estimated-Bytes") ?? 0);
      const reader = res.body.getReader();
      const chunks: BlobPart[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        if (estimated) setProgress(Math.min(99, Math.round((received / estimated) * 100)));
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get("Content-Disposition") ?? "")?.[1];
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      a.download = name ? decodeURIComponent(name) : `${year}-自评报告.zip`;
      a.click();
      URL.revokeObjectURL(a.href);
      setProgress(100);
    } catch {
      setError("网络中断，下载未完成，请重试");
      setProgress(null);
    }
  }

  const busy = progress !== null && progress < 100;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Button type="button" variant="secondary" busy={busy} disabled={count === 0} onClick={download}>
        {busy ? "正在打包…" : `下载 ${year} 年全部报告（${count} 份，.zip）`}
      </Button>
      {progress !== null ? (
        <span className="flex items-center gap-2" role="status" aria-live="polite">
          <progress max={100} value={progress} className="h-2 w-40" aria-label="打包进度" />
          <span className="tabular-nums text-slate-600">{progress === 100 ? "已完成" : `${progress}%`}</span>
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
