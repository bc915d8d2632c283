"use client";
// Import of a per-school table from .xlsx/.csv. The server checks every row and stores all or nothing; the row
// problems it answers with ("第 7 行「…」：不是数字") are listed here so the county can fix the sheet and try again.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import type { TSchoolTableContent } from "@/lib/report/content";

export type ImportedTable = { version: number; completeness: number; content: TSchoolTableContent; notice: string };
type Problem = { line: number | null; message: string };
type Outcome = { tone: "success"; text: string } | { tone: "error"; text: string; rows: Problem[] };

const MAX_BYTES = 5 * 1024 * 1024;

type Props = {
  reportId: string;
  tableKey: string;
  hasRows: boolean;
  /** The last import's success message: the form is remounted after an import, this panel with it. */
  notice: string | null;
  onImported: (t: ImportedTable) => void;
};

export function SchoolTableImport({ reportId, tableKey, hasRows, notice, onImported }: Props) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(notice ? { tone: "success", text: notice } : null);
  const base = `/api/reports/${reportId}/tables/${encodeURIComponent(tableKey)}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get("file");
    if (!(file instanceof File) || !file.name) return setOutcome({ tone: "error", text: "请先选择要导入的文件（.xlsx 或 .csv）", rows: [] });
    if (file.size > MAX_BYTES) return setOutcome({ tone: "error", text: "文件过大：不能超过 5 MB", rows: [] });
    if (hasRows && !window.confirm("导入会替换表中现有的全部学校数据，确定导入吗？")) return;
    setBusy(true);
    setOutcome(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const res = await fetch(`${base}/import`, { method: "POST", body });
      const data = await res.json().catch(() => ({}));
      if (res.ok) {
        const text = `已从“${file.name}”导入 ${data.content.rows.length} 行学校数据`;
        setOutcome({ tone: "success", text });
        form.reset();
        onImported({ version: data.version, completeness: data.completeness, content: data.content, notice: text });
      } else setOutcome({ tone: "error", text: data.error ?? "导入失败", rows: Array.isArray(data.rows) ? data.rows : [] });
    } catch {
      setOutcome({ tone: "error", text: "网络中断，导入失败，请重试", rows: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label="导入学校数据" className="space-y-3 rounded-lg border border-slate-200 p-4">
      <form onSubmit={submit} className="flex flex-wrap items-center gap-3">
        <FilePicker name="file" accept=".xlsx,.csv" label="选择要导入的表格文件" buttonText="选择文件" />
        <Button type="submit" busy={busy}>
          {busy ? "导入中…" : "导入"}
        </Button>
      </form>
      <p className="text-xs text-slate-500">
        支持 .xlsx 和 .csv，不超过 5 MB。导入会整表替换，任何一行有错都不会导入。
        <a className="ml-2 text-brand-600 hover:underline" href={`${base}/template`}>
          下载导入模板
        </a>
        {hasRows ? (
          <a className="ml-2 text-brand-600 hover:underline" href={`${base}/template?rows=1`}>
            导出当前数据
          </a>
        ) : null}
      </p>
      {outcome ? (
        <Alert tone={outcome.tone}>
          <p>{outcome.text}</p>
          {outcome.tone === "error" && outcome.rows.length ? (
            <ul aria-label="导入错误" className="mt-1 max-h-60 list-disc space-y-0.5 overflow-y-auto pl-5">
              {outcome.rows.map((r, i) => (
                <li key={i}>{r.message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
