"use client";
// Last year's Word report into this one (decision 026): the file is split by its headings on the server, each piece
// is shown beside the section it is proposed for, and the county moves or skips pieces before anything is written.
// The confirm sends the kept pieces with their chosen section; the server appends them after what the sections hold.
import { Button } from "@/components/ui/button";
import { callWordRoute, ImportOutcome, useWordImport, WordUpload } from "@/components/report/word-upload";
import type { TRichText } from "@/lib/report/rich-text";

/** What the route's POST answers (lib/word/server/import-report.ts, WordImportPreview). */
type WordImportPreview = {
  pieces: { heading: string; text: string; blocks: TRichText; suggested: string | null; tables: number }[];
  targets: { key: string; heading: string; partHeading: string; hasText: boolean }[];
};

type Target = WordImportPreview["targets"][number];
const EXCERPT = 160;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);

/** The section options grouped under their part, 「不导入」 first. */
export function SectionOptions({ targets }: { targets: { key: string; heading: string; partHeading?: string; hasText?: boolean }[] }) {
  const groups: { part: string; items: typeof targets }[] = [];
  for (const t of targets) {
    const part = t.partHeading && t.partHeading !== t.heading ? t.partHeading : "";
    const last = groups.at(-1);
    if (last && last.part === part) last.items.push(t);
    else groups.push({ part, items: [t] });
  }
  const option = (t: (typeof targets)[number]) => (
    <option key={t.key} value={t.key}>
      {t.heading}
      {t.hasText ? "（已有内容，追加在后）" : ""}
    </option>
  );
  return (
    <>
      <option value="">不导入</option>
      {groups.map((g, i) =>
        g.part ? (
          <optgroup key={`${g.part}-${i}`} label={g.part}>
            {g.items.map(option)}
          </optgroup>
        ) : (
          g.items.map(option)
        ),
      )}
    </>
  );
}

export function WordImport({ reportId }: { reportId: string }) {
  const url = `/api/reports/${reportId}/word-import`;
  const w = useWordImport<WordImportPreview>();
  const { preview, choice } = w;
  const headingOf = (key: string) => preview?.data.targets.find((t: Target) => t.key === key)?.heading ?? key;
  const kept = preview ? preview.data.pieces.map((p, i) => ({ sectionKey: choice[i], blocks: p.blocks })).filter((p) => p.sectionKey) : [];
  const confirm = () =>
    w.confirm(kept.length, "没有选择要导入的内容：请至少为一段文字选择报告部分", async () => {
      const { sections } = await callWordRoute<{ sections: { key: string }[] }>(url, "PUT", { pieces: kept });
      return `已导入：${sections.length} 个部分写入了文字（${sections.map((s) => headingOf(s.key)).join("、")}）`;
    });

  return (
    <div className="space-y-4">
      <WordUpload<WordImportPreview>
        key={w.uploads}
        url={url}
        label="上传上一年度的 Word 报告"
        hint="支持 .docx（.doc、.wps 需服务器装有 LibreOffice），不超过 20 MB。上传后先预览，确认前不会写入报告。"
        onPreview={(data, fileName) => w.previewed(data, fileName, data.pieces.map((p) => p.suggested))}
      />
      <ImportOutcome outcome={w.outcome} reportId={reportId} />
      {preview ? (
        <section aria-label="导入预览" className="space-y-3">
          <p className="text-sm text-slate-600">
            “{preview.fileName}”拆分为 {preview.data.pieces.length} 段。请核对每段要放入的报告部分，可改为其他部分或选择「不导入」；导入的文字追加在该部分现有内容之后。
          </p>
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {preview.data.pieces.map((p, i) => {
              const title = p.heading || "（标题前的文字）";
              return (
                <li key={i} className="grid gap-3 p-3 md:grid-cols-[minmax(0,1fr)_18rem]" aria-label={title}>
                  <div className="min-w-0">
                    <p className="text-sm font-medium text-slate-900">{title}</p>
                    <p className="mt-1 whitespace-pre-line break-words text-xs leading-relaxed text-slate-600">{excerpt(p.text)}</p>
                    {p.tables ? <p className="mt-1 text-xs text-amber-700">含 {p.tables} 个表格，已转为文字</p> : null}
                  </div>
                  <label className="block text-xs text-slate-500">
                    放入
                    <select
                      aria-label={`“${title}”放入`}
                      value={choice[i] ?? ""}
                      onChange={(e) => w.choose(i, e.target.value)}
                      className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
                    >
                      <SectionOptions targets={preview.data.targets} />
                    </select>
                  </label>
                </li>
              );
            })}
          </ol>
          <div className="flex items-center gap-3">
            <Button type="button" busy={w.busy} onClick={confirm}>
              导入所选内容
            </Button>
            <span className="text-xs text-slate-500">将导入 {kept.length} 段</span>
          </div>
        </section>
      ) : null}
    </div>
  );
}
