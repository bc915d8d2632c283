"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { changePasswordAction } from "@/app/(app)/account/password/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-errors";
import { ZChangePassword, type TChangePassword } from "@/lib/users/schemas";

const FIELDS = [
  { name: "currentPassword", label: "当前密码", autoComplete: "current-password" },
  { name: "newPassword", label: "新密码", autoComplete: "new-password", hint: "至少 8 位，须同时包含字母和数字" },
  { name: "confirmPassword", label: "确认新密码", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<TChangePassword>({
    resolver: zodResolver(ZChangePassword),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { register, handleSubmit, formState, reset } = form;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await callAction(() => changePasswordAction(values));
    if (result.ok) {
      reset();
      setMessage({ tone: "success", text: "密码已修改" });
    } else {
      const text = applyActionErrors(form, result);
      if (text) setMessage({ tone: "error", text });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {FIELDS.map((f) => (
        <Field key={f.name} id={f.name} label={f.label} hint={"hint" in f ? f.hint : undefined} error={formState.errors[f.name]?.message}>
          <input
            id={f.name}
            type="password"
            autoComplete={f.autoComplete}
            className={inputClass}
            aria-invalid={!!formState.errors[f.name]}
            {...register(f.name)}
          />
        </Field>
      ))}
      <Button type="submit" busy={formState.isSubmitting}>
        保存新密码
      </Button>
    </form>
  );
}
