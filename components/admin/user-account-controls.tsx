"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { resetPasswordAction, setUserDisabledAction } from "@/app/(app)/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-errors";
import { ZResetPassword } from "@/lib/users/schemas";

export function DisableToggle({ id, disabled, self }: { id: string; disabled: boolean; self: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (!disabled && !window.confirm("停用后该用户将立即退出并无法登录，确定停用吗？")) return;
    setBusy(true);
    const result = await callAction(() => setUserDisabledAction({ id, disabled: !disabled }));
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.error);
  }
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="text-sm text-slate-600">{disabled ? "该账号已停用，不能登录。" : "该账号正常使用中。"}</p>
      <Button type="button" variant={disabled ? "secondary" : "danger"} busy={busy} disabled={self} onClick={toggle}>
        {disabled ? "启用账号" : "停用账号"}
      </Button>
      {self ? <p className="text-xs text-slate-500">不能停用自己的账号。</p> : null}
    </div>
  );
}

export function ResetPasswordForm({ id }: { id: string }) {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<{ id: string; password: string }>({ resolver: zodResolver(ZResetPassword), defaultValues: { id, password: "" } });
  const { register, handleSubmit, formState, reset } = form;
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await callAction(() => resetPasswordAction(values));
    if (result.ok) {
      reset({ id, password: "" });
      setMessage({ tone: "success", text: "密码已重置，该用户需用新密码重新登录" });
    } else {
      const text = applyActionErrors(form, result);
      if (text) setMessage({ tone: "error", text });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="重置密码">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="reset-password" label="新密码" error={formState.errors.password?.message} hint="至少 8 位，须同时包含字母和数字">
        <input id="reset-password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={!!formState.errors.password} {...register("password")} />
      </Field>
      <Button type="submit" variant="secondary" busy={formState.isSubmitting}>
        重置密码
      </Button>
    </form>
  );
}
