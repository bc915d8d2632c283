"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createUserAction, updateUserAction } from "@/app/(app)/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-errors";
import { ROLES, ROLE_KEYS, roleRegionLevels } from "@/lib/auth/roles";
import { ZCreateUser, ZUpdateUser, type TCreateUser } from "@/lib/users/schemas";

export type RegionOption = { code: string; name: string; level: string; depth: number };

type Props =
  | { mode: "create"; regions: RegionOption[] }
  | { mode: "edit"; regions: RegionOption[]; user: { id: string; username: string; name: string; role: string; regionCode: string } };

export function UserForm(props: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const editing = props.mode === "edit";
  const form = useForm<TCreateUser>({
    // The edit form has no username/password: validate with the update schema plus the id.
    resolver: zodResolver(editing ? ZUpdateUser.extend({ username: ZCreateUser.shape.username.optional(), password: ZCreateUser.shape.password.optional() }) : ZCreateUser) as never,
    defaultValues: editing
      ? { username: props.user.username, name: props.user.name, role: props.user.role as TCreateUser["role"], regionCode: props.user.regionCode, password: "" }
      : { username: "", name: "", role: "county_editor", regionCode: "", password: "" },
  });
  const { register, handleSubmit, formState, control } = form;
  const role = useWatch({ control, name: "role" });
  const levels: readonly string[] = role && role in ROLES ? roleRegionLevels(role) : [];
  const options = props.regions.filter((r) => levels.includes(r.level));

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    const result = await callAction(() =>
      editing
        ? updateUserAction({ id: props.user.id, name: values.name, role: values.role, regionCode: values.regionCode })
        : createUserAction(values),
    );
    if (!result.ok) {
      setError(applyActionErrors(form, result));
      return;
    }
    if (editing) {
      setSaved(true);
      router.refresh();
    } else {
      router.push(`/admin/users/${result.data.id}?created=1`);
    }
  });

  const err = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={editing ? "编辑用户" : "新建用户"}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved ? <Alert tone="success">已保存</Alert> : null}
      <Field id="username" label="用户名" error={err.username?.message} hint="登录用，英文字母、数字、下划线或点，3–32 位">
        <input id="username" className={inputClass} readOnly={editing} aria-readonly={editing} aria-invalid={!!err.username} {...register("username")} />
      </Field>
      <Field id="name" label="姓名" error={err.name?.message}>
        <input id="name" className={inputClass} aria-invalid={!!err.name} {...register("name")} />
      </Field>
      <Field id="role" label="角色" error={err.role?.message}>
        <select id="role" className={inputClass} aria-invalid={!!err.role} {...register("role", { onChange: () => form.setValue("regionCode", "") })}>
          {ROLE_KEYS.map((r) => (
            <option key={r} value={r}>
              {ROLES[r].label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="regionCode" label="所属区划" error={err.regionCode?.message} hint="县级角色选择县，市级督导选择市，省级角色选择省">
        <select id="regionCode" className={inputClass} aria-invalid={!!err.regionCode} {...register("regionCode")}>
          <option value="">请选择</option>
          {options.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}（{r.code}）
            </option>
          ))}
        </select>
      </Field>
      {editing ? null : (
        <Field id="password" label="初始密码" error={err.password?.message} hint="至少 8 位，须同时包含字母和数字；请线下告知本人并提醒其修改">
          <input id="password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={!!err.password} {...register("password")} />
        </Field>
      )}
      <Button type="submit" busy={formState.isSubmitting}>
        {editing ? "保存修改" : "创建用户"}
      </Button>
    </form>
  );
}
