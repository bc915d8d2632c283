"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { loginAction } from "@/app/(auth)/login/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-errors";
import { ZLogin, type TLogin } from "@/lib/users/schemas";

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TLogin>({ resolver: zodResolver(ZLogin), defaultValues: { username: "", password: "" } });
  const { register, handleSubmit, formState } = form;

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await callAction(() => loginAction(values));
    if (result.ok) {
      router.replace(result.data.startPage);
      router.refresh();
      return;
    }
    form.resetField("password");
    setError(applyActionErrors(form, result));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="登录">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field id="username" label="用户名" error={formState.errors.username?.message}>
        <input
          id="username"
          autoComplete="username"
          autoFocus
          className={inputClass}
          aria-invalid={!!formState.errors.username}
          {...register("username")}
        />
      </Field>
      <Field id="password" label="密码" error={formState.errors.password?.message}>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          className={inputClass}
          aria-invalid={!!formState.errors.password}
          {...register("password")}
        />
      </Field>
      <Button type="submit" className="w-full" busy={formState.isSubmitting}>
        {formState.isSubmitting ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
