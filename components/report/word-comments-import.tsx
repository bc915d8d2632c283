"use client";
// A reviewer's annotated Word/WPS file into this report's threads (decision 026): the server reads the comments and
// proposes a section for each (the one whose text the comment covers); the reviewer checks them, places the ones
// that matched nothing, and confirms. Threads are created only on the confirm, all in one transaction.
import { Button } from "@/components/ui/button";
import { SectionOptions } from "@/components/report/word-import";
import { callWordRoute, ImportOutcome, useWordImport, WordUpload } from "@/components/report/word-upload";

/** What the route's POST answers (lib/word/server/import-comments.ts, CommentImportPreview). */
type Preview = {
  comments: { body: string; replies: string[]; author: string; date: string | null; covered: string; suggested: string | null; matchedBy: "text" | "heading" | null }[];
  targets: { key: string; heading: string }[];
};
type Item = Preview["comments"][number];

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

export function WordCommentsImport({ reportId }: { reportId: string }) {
  const url = `/api/reports/${reportId}/word-comments`;
  const w = useWordImport<Preview>();
  const { preview, choice } = w;
  const kept = preview ? preview.data.comments.map((c, i) => ({ sectionKey: choice[i], body: c.body, replies: c.replies })).filter((t) => t.sectionKey) : [];
  const confirm = () =>
    w.confirm(kept.length, "没有选择要导入的批注：请至少为一条批注选择报告部分", async () => {
      const r = await callWordRoute<{ threads: number; replies: number }>(url, "PUT", { threads: kept });
      return `已导入 ${r.threads} 条批注${r.replies ? `（含 ${r.replies} 条回复）` : ""}，已通知县级填报人员`;
    });

  const row = (c: Item, i: number) => {
    const name = `批注 ${i + 1}`;
    return (
      <li key={i} aria-label={name} className="grid gap-3 p-3 md:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-1">
          {c.covered ? (
            <p className="text-xs text-slate-500">
              批注的文字：<span className="bg-amber-100 text-slate-800">{c.covered}</span>
            </p>
          ) : null}
          <p className="whitespace-pre-line break-words text-sm text-slate-900">{c.body}</p>
          {c.replies.length ? (
            <ul aria-label="回复" className="ml-3 space-y-1 border-l-2 border-slate-200 pl-3">
              {c.replies.map((r, j) => (
                <li key={j} className="whitespace-pre-line break-words text-xs text-slate-700">
                  {r}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <label className="block text-xs text-slate-500">
          放在
          <select
            aria-label={`${name}放在`}
            value={choice[i] ?? ""}
            onChange={(e) => w.choose(i, e.target.value)}
            className={selectClass}
          >
            <SectionOptions targets={preview!.data.targets} />
          </select>
        </label>
      </li>
    );
  };

  const indexed = preview ? preview.data.comments.map((c, i) => ({ c, i })) : [];
  const matched = indexed.filter(({ c }) => c.suggested);
  const unmatched = indexed.filter(({ c }) => !c.suggested);

  return (
    <div className="space-y-4">
      <WordUpload<Preview>
        key={w.uploads}
        url={url}
        label="上传加了批注的 Word 文件"
        hint="在 Word 或 WPS 中加了批注的 .docx（本系统导出的或县里自己的文件），不超过 20 MB。上传后先预览，确认前不会创建评论。"
        onPreview={(data, fileName) => w.previewed(data, fileName, data.comments.map((c) => c.suggested))}
      />
      <ImportOutcome outcome={w.outcome} reportId={reportId} />
      {preview ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            “{preview.fileName}”中有 {preview.data.comments.length} 条批注：{matched.length} 条已找到所在部分，{unmatched.length} 条需要您选择放在哪一部分（或「不导入」）。
          </p>
          {unmatched.length ? (
            <section aria-label="未匹配的批注" className="space-y-2">
              <h2 className="text-sm font-semibold text-amber-800">未找到所在部分的批注</h2>
              <ol className="divide-y divide-amber-200 rounded-lg border border-amber-300 bg-amber-50/50">{unmatched.map(({ c, i }) => row(c, i))}</ol>
            </section>
          ) : null}
          {matched.length ? (
            <section aria-label="已匹配的批注" className="space-y-2">
              <h2 className="text-sm font-semibold text-slate-800">已找到所在部分的批注</h2>
              <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">{matched.map(({ c, i }) => row(c, i))}</ol>
            </section>
          ) : null}
          <div className="flex items-center gap-3">
            <Button type="button" busy={w.busy} onClick={confirm}>
              导入所选批注
            </Button>
            <span className="text-xs text-slate-500">将导入 {kept.length} 条</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}
