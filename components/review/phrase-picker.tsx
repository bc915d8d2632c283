"use client";
import { useId, useState } from "react";
import Link from "next/link";
import { addPhraseAction, listPhrasesAction } from "@/app/(app)/phrases/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-errors";
import type { PhraseView } from "@/lib/review/comments";
import { ZCommentBody } from "@/lib/review/comments";

/** Under a reviewer's comment box: pick a saved phrase (常用意见) to fill the body, or save what is typed as one.
 *  The library is fetched the first time it is opened, not with every form. Phrases are plain text. */
export function PhrasePicker({ currentBody, onPick }: { currentBody: () => string; onPick: (phrase: PhraseView) => void }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [phrases, setPhrases] = useState<PhraseView[] | null>(null);
  const [filter, setFilter] = useState("");
  const [note, setNote] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  async function load() {
    const result = await callAction(() => listPhrasesAction({}));
    if (result.ok) setPhrases(result.data.phrases);
    else setNote({ tone: "error", text: result.error });
  }
  async function toggle() {
    setNote(null);
    if (!open && phrases === null) void load();
    setOpen(!open);
  }
  async function save() {
    setNote(null);
    const parsed = ZCommentBody.safeParse(currentBody());
    if (!parsed.success) return setNote({ tone: "error", text: parsed.error.issues[0]?.message ?? "请填写评论内容" });
    setSaving(true);
    const result = await callAction(() => addPhraseAction({ body: parsed.data }));
    setSaving(false);
    if (!result.ok) return setNote({ tone: "error", text: result.error });
    setPhrases(result.data.phrases);
    setNote({ tone: "ok", text: "已保存为常用意见" });
  }
  const q = filter.trim();
  const shown = (phrases ?? []).filter((p) => !q || p.body.includes(q));
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Button type="button" variant="secondary" className="px-2 py-1 text-xs" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
          常用意见 {open ? "▴" : "▾"}
        </Button>
        <Button type="button" variant="ghost" className="px-2 py-1 text-xs" busy={saving} onClick={save}>
          保存为常用意见
        </Button>
        {note ? (
          <span role={note.tone === "error" ? "alert" : "status"} className={note.tone === "error" ? "text-red-700" : "text-emerald-700"}>
            {note.text}
          </span>
        ) : null}
      </div>
      {open ? (
        <div id={panelId} role="region" aria-label="常用意见" className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2">
          {phrases === null ? (
            <p className="text-xs text-slate-500">正在加载…</p>
          ) : phrases.length === 0 ? (
            <p className="text-xs text-slate-500">尚无常用意见。写好评论后点“保存为常用意见”，下次即可直接选用。</p>
          ) : (
            <>
              {phrases.length > 6 ? (
                <input type="search" aria-label="筛选常用意见" placeholder="筛选" value={filter} onChange={(e) => setFilter(e.target.value)} className={`${inputClass} py-1 text-xs`} />
              ) : null}
              <ul className="max-h-56 space-y-1 overflow-y-auto" aria-label="选择常用意见">
                {shown.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      onClick={() => {
                        onPick(p);
                        setOpen(false);
                      }}
                      className="block w-full rounded border border-transparent bg-white px-2 py-1.5 text-left text-xs text-slate-800 hover:border-brand-100 hover:bg-brand-50"
                    >
                      <span className="line-clamp-2 whitespace-pre-wrap break-words">{p.body}</span>
                      <span className="text-[11px] text-slate-400">已用 {p.useCount} 次</span>
                    </button>
                  </li>
                ))}
                {shown.length === 0 ? <li className="px-2 py-1 text-xs text-slate-500">没有包含“{q}”的常用意见。</li> : null}
              </ul>
            </>
          )}
          <Link href="/phrases" className="inline-block text-xs text-brand-600 hover:underline">
            管理常用意见 →
          </Link>
        </div>
      ) : null}
    </div>
  );
}
