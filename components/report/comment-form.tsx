"use client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { countPhraseUseAction } from "@/app/(app)/phrases/actions";
import { PhrasePicker } from "@/components/review/phrase-picker";
import { usePhraseAccess } from "@/components/review/phrase-access";
import { Alert } from "@/components/ui/alert";
import { FormActions } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-errors";
import type { ActionResult } from "@/lib/errors";
import type { CommentAnchor } from "@/lib/review/comments";
import { COMMENT_MAX, ZCommentForm } from "@/lib/review/comments";

type Values = z.input<typeof ZCommentForm>;
type Parsed = z.output<typeof ZCommentForm>;

/** The body of a new comment or a reply, with the field it is about when `anchors` are given. Plain text only.
 *  Reviewers also get their comment library (常用意见): a picked phrase fills the body and counts as used once the
 *  comment is posted. */
export function CommentForm({
  id,
  label,
  submitLabel,
  anchors,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  submitLabel: string;
  /** The section's fields; omitted for replies. */
  anchors?: CommentAnchor[];
  onSubmit: (values: Parsed) => Promise<ActionResult<unknown>>;
  onCancel?: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const phrasesEnabled = usePhraseAccess();
  const [phraseId, setPhraseId] = useState<string | null>(null);
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(ZCommentForm), defaultValues: { anchor: "", body: "" } });
  const { register, handleSubmit, formState, reset, control } = form;
  const length = (useWatch({ control, name: "body" }) ?? "").trim().length;
  const submit = handleSubmit(async (values) => {
    setError(null);
    const result = await onSubmit(values);
    if (result.ok) {
      reset({ anchor: values.anchor, body: "" });
      // Best effort: the comment is posted whether or not the count goes up.
      if (phraseId) void callAction(() => countPhraseUseAction({ id: phraseId }));
      setPhraseId(null);
    }
    else if (result.fieldErrors?.body) form.setError("body", { message: result.fieldErrors.body[0] });
    else setError(result.error);
  });
  const groups = [...new Set(anchors?.map((a) => a.group))];
  const bodyError = formState.errors.body?.message;
  return (
    <form onSubmit={submit} noValidate aria-label={label} className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {anchors ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-anchor`} className="block text-xs text-slate-600">
            针对
          </label>
          <select id={`${id}-anchor`} className={`${inputClass} py-1.5`} {...register("anchor")}>
            <option value="">整个部分</option>
            {groups.map((g) => (
              <optgroup key={g} label={g}>
                {anchors
                  .filter((a) => a.group === g)
                  .map((a) => (
                    <option key={a.anchor} value={a.anchor}>
                      {a.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
      ) : null}
      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className={anchors ? "block text-xs text-slate-600" : "sr-only"}>
          {anchors ? "评论内容" : "回复内容"}
        </label>
        <textarea
          id={`${id}-body`}
          rows={3}
          aria-invalid={!!bodyError}
          aria-describedby={`${id}-count${bodyError ? ` ${id}-error` : ""}`}
          className={`${inputClass} resize-y py-1.5`}
          {...register("body")}
        />
        <div className="flex items-start justify-between gap-2 text-xs">
          {bodyError ? (
            <p id={`${id}-error`} role="alert" className="text-red-700">
              {bodyError}
            </p>
          ) : (
            <span />
          )}
          <span id={`${id}-count`} className={`shrink-0 tabular-nums ${length > COMMENT_MAX ? "text-red-700" : "text-slate-400"}`}>
            {length}/{COMMENT_MAX}
          </span>
        </div>
      </div>
      {phrasesEnabled ? (
        <PhrasePicker
          currentBody={() => form.getValues("body")}
          onPick={(p) => {
            form.setValue("body", p.body, { shouldDirty: true, shouldValidate: formState.isSubmitted });
            setPhraseId(p.id);
            form.setFocus("body");
          }}
        />
      ) : null}
      <FormActions submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
