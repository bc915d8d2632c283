"use client";
// The PDF download: LibreOffice on the server renders the same file as the Word download; the 签章页/版本页 adds a
// last page with the version, the submission and the Word file's SHA-256. Without LibreOffice the button says why.
import { useState } from "react";

export function PdfDownload({ reportId, available }: { reportId: string; available: boolean }) {
  const [versionPage, setVersionPage] = useState(true);
  if (!available) {
    return (
      <span className="flex items-center gap-2">
        <button type="button" disabled className="cursor-not-allowed rounded-md border border-slate-300 px-3 py-1.5 text-slate-400" aria-describedby="pdf-unavailable">
          下载 PDF
        </button>
        <span id="pdf-unavailable" className="max-w-56 text-xs text-slate-500">
          服务器未安装 LibreOffice，暂不能生成 PDF；可下载 Word 后另存为 PDF。
        </span>
      </span>
    );
  }
  return (
    <span className="flex items-center gap-2">
      <label className="flex items-center gap-1 text-xs text-slate-600">
        <input type="checkbox" checked={versionPage} onChange={(e) => setVersionPage(e.target.checked)} />
        附签章页（版本页）
      </label>
      <a
        href={`/api/reports/${reportId}/pdf${versionPage ? "?versionPage=1" : ""}`}
        className="rounded-md border border-brand-600 px-3 py-1.5 text-brand-700 hover:bg-brand-50"
      >
        下载 PDF
      </a>
    </span>
  );
}
