"use client";
// The 督导反馈意见书 editor: 主要成效 and 存在问题 as text (one paragraph a line), 整改要求 as a list of items each
// with its own deadline (the rectification ledger makes one item of each), the overall 整改期限 and 成文日期.
// Checked with the server's schema (ZFeedbackDraft) before saving; a stale save comes back as a conflict.
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { saveFeedbackAction, sendFeedbackAction } from "@/app/(app)/reports/[reportId]/verification-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-errors";
import { ZFeedbackDraft, type FeedbackView, type TFeedbackDraft } from "@/lib/review/verification";

type Form = TFeedbackDraft;

export function FeedbackForm({ reportId, feedback, docxHref }: { reportId: string; feedback: FeedbackView; docxHref: string }) {
  const [version, setVersion] = useState(feedback.version);
  const [saved, setSaved] = useState(!feedback.prefilled);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const form = useForm<Form>({
    resolver: zodResolver(ZFeedbackDraft),
    defaultValues: {
      reportId,
      baseVersion: feedback.version,
      achievements: feedback.achievements,
      problems: feedback.problems,
      requirements: feedback.requirements,
      deadline: feedback.deadline,
      date: feedback.date,
    },
  });
  const requirements = useFieldArray({ control: form.control, name: "requirements" });
  const errors = form.formState.errors;
  const dirty = form.formState.isDirty;

  const save = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await callAction(() => saveFeedbackAction({ ...values, baseVersion: version }));
    if (!result.ok) return setMessage({ tone: "error", text: applyActionErrors(form, result) ?? result.error });
    setVersion(result.data.version);
    setSaved(true);
    form.reset({ ...values, baseVersion: result.data.version });
    setMessage({ tone: "success", text: "已保存草稿" });
  });

  async function send() {
    setSending(true);
    setMessage(null);
    const result = await callAction(() => sendFeedbackAction({ reportId }));
    setSending(false);
    setConfirming(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.error });
    // The page now shows the sent, read-only feedback.
    window.location.reload();
  }

  return (
    <form onSubmit={save} className="space-y-5" aria-label="督导反馈意见书">
      <Field id="fb-achievements" label="一、主要成效" error={errors.achievements?.message} hint="每行一段。">
        <textarea id="fb-achievements" rows={4} className={inputClass} {...form.register("achievements")} />
      </Field>
      <Field id="fb-problems" label="二、存在问题" error={errors.problems?.message} hint="已按标为问题的督导意见、未达标指标和核定有异议的项目预填，可修改；每行一条。">
        <textarea id="fb-problems" rows={7} className={inputClass} {...form.register("problems")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">三、整改要求（每条一项，各有完成时限；发送后进入整改台账）</legend>
        <ol className="space-y-2">
          {requirements.fields.map((f, i) => (
            <li key={f.id} className="flex flex-wrap items-start gap-2 rounded-md border border-slate-200 bg-slate-50/60 p-2">
              <span className="mt-2 w-8 shrink-0 text-right text-sm text-slate-500">{i + 1}.</span>
              <div className="min-w-64 flex-1">
                <textarea aria-label={`整改要求 ${i + 1}`} rows={3} className={inputClass} {...form.register(`requirements.${i}.text`)} aria-invalid={!!errors.requirements?.[i]?.text} />
                {errors.requirements?.[i]?.text ? <p role="alert" className="mt-1 text-xs text-red-700">{errors.requirements[i]?.text?.message}</p> : null}
              </div>
              <div>
                <input type="date" aria-label={`整改要求 ${i + 1} 完成时限`} className={`${inputClass} w-40`} {...form.register(`requirements.${i}.deadline`)} />
                {errors.requirements?.[i]?.deadline ? <p role="alert" className="mt-1 text-xs text-red-700">{errors.requirements[i]?.deadline?.message}</p> : null}
              </div>
              <Button type="button" variant="ghost" className="px-2 py-1.5 text-xs" onClick={() => requirements.remove(i)} aria-label={`删除整改要求 ${i + 1}`}>
                删除
              </Button>
            </li>
          ))}
        </ol>
        <Button type="button" variant="secondary" className="px-3 py-1.5 text-xs" onClick={() => requirements.append({ text: "", deadline: form.getValues("deadline") ?? "" })}>
          添加一条整改要求
        </Button>
        {errors.requirements?.message ? <p role="alert" className="text-xs text-red-700">{errors.requirements.message}</p> : null}
      </fieldset>
      <div className="flex flex-wrap gap-6">
        <Field id="fb-deadline" label="整改期限" error={errors.deadline?.message}>
          <input id="fb-deadline" type="date" className={`${inputClass} w-44`} {...form.register("deadline", { setValueAs: (v: string) => v || null })} />
        </Field>
        <Field id="fb-date" label="成文日期" error={errors.date?.message}>
          <input id="fb-date" type="date" className={`${inputClass} w-44`} {...form.register("date", { setValueAs: (v: string) => v || null })} />
        </Field>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" busy={form.formState.isSubmitting}>
          保存草稿
        </Button>
        <a href={docxHref} className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          下载 Word
        </a>
        {confirming ? (
          <span className="flex items-center gap-2 rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
            发送后不能再修改，县区将收到通知。确定发送？
            <Button type="button" busy={sending} className="px-3 py-1" onClick={send}>
              确定发送
            </Button>
            <Button type="button" variant="ghost" className="px-3 py-1" onClick={() => setConfirming(false)}>
              取消
            </Button>
          </span>
        ) : (
          <Button type="button" variant="secondary" disabled={!saved || dirty} title={!saved || dirty ? "请先保存草稿" : undefined} onClick={() => setConfirming(true)}>
            发送给县区
          </Button>
        )}
        {!saved || dirty ? <span className="text-xs text-slate-500">{saved ? "有未保存的修改" : "预填内容尚未保存"}；下载的 Word 为已保存的内容{saved ? "" : "（未保存时为预填内容）"}</span> : null}
      </div>
    </form>
  );
}
