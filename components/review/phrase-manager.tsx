"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { addPhraseAction, deletePhraseAction, updatePhraseAction } from "@/app/(app)/phrases/actions";
import { Alert } from "@/components/ui/alert";
import { Button, FormActions } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-errors";
import type { ActionResult } from "@/lib/errors";
import type { PhraseView } from "@/lib/review/comments";
import { COMMENT_MAX } from "@/lib/review/comments";
import { ZPhraseBody } from "@/lib/review/comments";

type Values = z.input<typeof ZPhraseBody>;
type Parsed = z.output<typeof ZPhraseBody>;

/** A phrase's text box, for adding and for editing. */
function PhraseForm({
  id,
  label,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<ActionResult<unknown>>;
  onCancel?: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(ZPhraseBody), defaultValues: { body: initial } });
  const bodyError = form.formState.errors.body?.message;
  const submit = form.handleSubmit(async ({ body }) => {
    setError(null);
    const result = await onSubmit(body);
    if (result.ok) form.reset({ body: onCancel ? body : "" });
    else setError(applyActionErrors(form, result));
  });
  return (
    <form onSubmit={submit} noValidate aria-label={label} className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        maxLength={COMMENT_MAX * 2}
        placeholder="例如：请补充数据来源（统计年报或事业统计），并注明统计口径。"
        aria-invalid={!!bodyError}
        className={`${inputClass} resize-y`}
        {...form.register("body")}
      />
      {bodyError ? (
        <p role="alert" className="text-xs text-red-700">
          {bodyError}
        </p>
      ) : null}
      <FormActions submitLabel={submitLabel} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}

function PhraseRow({ phrase }: { phrase: PhraseView }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  async function remove() {
    if (!window.confirm("确定删除这条常用意见？已发表的评论不受影响。")) return;
    setDeleting(true);
    const result = await callAction(() => deletePhraseAction({ id: phrase.id }));
    setDeleting(false);
    if (result.ok) router.refresh();
    else setError(result.error);
  }
  return (
    <li className="space-y-2 rounded-md border border-slate-200 bg-white p-3" aria-label="常用意见">
      {editing ? (
        <PhraseForm
          id={`phrase-${phrase.id}`}
          label="修改常用意见"
          initial={phrase.body}
          submitLabel="保存"
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            const result = await callAction(() => updatePhraseAction({ id: phrase.id, body }));
            if (result.ok) {
              setEditing(false);
              router.refresh();
            }
            return result;
          }}
        />
      ) : (
        <>
          <p className="whitespace-pre-wrap break-words text-sm leading-6 text-slate-800">{phrase.body}</p>
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className="mr-auto text-slate-500">已用 {phrase.useCount} 次</span>
            <Link href={`/phrases/apply?phrase=${phrase.id}`} className="rounded-md px-2 py-1 text-brand-600 hover:bg-brand-50">
              发给多个县区
            </Link>
            <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setEditing(true)}>
              修改
            </Button>
            <Button type="button" variant="danger" className="px-2 py-1 text-xs" busy={deleting} onClick={remove}>
              删除
            </Button>
          </div>
        </>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </li>
  );
}

export function PhraseManager({ phrases }: { phrases: PhraseView[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  return (
    <div className="space-y-4">
      <section aria-labelledby="new-phrase" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="new-phrase" className="mb-2 text-sm font-semibold text-slate-800">
          新增常用意见
        </h2>
        {saved ? <Alert tone="success">已保存</Alert> : null}
        <PhraseForm
          id="new-phrase-body"
          label="新增常用意见"
          initial=""
          submitLabel="保存"
          onSubmit={async (body) => {
            setSaved(false);
            const result = await callAction(() => addPhraseAction({ body }));
            if (result.ok) {
              setSaved(true);
              router.refresh();
            }
            return result;
          }}
        />
      </section>
      {phrases.length ? (
        <ul aria-label="我的常用意见" className="space-y-2">
          {phrases.map((p) => (
            <PhraseRow key={`${p.id}-${p.updatedAt}`} phrase={p} />
          ))}
        </ul>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-500">尚无常用意见。</p>
      )}
    </div>
  );
}
