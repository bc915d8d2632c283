"use client";
// The lead creates an account for someone outside the bureau: limited to this county and to the items assigned.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createContributorAction } from "@/app/(app)/reports/[reportId]/assignments/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

const FIELDS = [
  ["username", "用户名", "text"],
  ["name", "姓名", "text"],
  ["office", "所在单位", "text"],
  ["password", "初始密码", "password"],
] as const;

export function ContributorForm() {
  const router = useRouter();
  const [values, setValues] = useState({ username: "", name: "", office: "", password: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await createContributorAction(values);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.error });
      return;
    }
    setErrors({});
    setMessage({ tone: "success", text: `已创建部门填报人 ${values.name}（${values.username}）` });
    setValues({ username: "", name: "", office: "", password: "" });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="创建部门填报人">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 md:grid-cols-4">
        {FIELDS.map(([key, label, type]) => (
          <Field key={key} id={`ct-${key}`} label={label} error={errors[key]?.[0]}>
            <input id={`ct-${key}`} type={type} autoComplete="off" className={inputClass} value={values[key]} onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))} />
          </Field>
        ))}
      </div>
      <Button type="submit" variant="secondary" busy={busy}>
        创建填报人
      </Button>
    </form>
  );
}
