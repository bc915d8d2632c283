"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { createReportAction } from "@/app/(app)/reports/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-errors";

type Option = { id: string; label: string; year: number };

export function CreateReportForm({ schemes, previous }: { schemes: Option[]; previous: Option[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ schemeId: string; copyFromId: string }>({ defaultValues: { schemeId: schemes[0]?.id ?? "", copyFromId: "" } });
  const schemeId = useWatch({ control: form.control, name: "schemeId" });
  const year = schemes.find((s) => s.id === schemeId)?.year ?? 0;
  const earlier = previous.filter((p) => p.year < year);
  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    const r = await callAction(() => createReportAction({ schemeId: v.schemeId, copyFromId: v.copyFromId || null }));
    if (r.ok) router.push(`/reports/${r.data.id}`);
    else setError(r.error);
  });
  if (!schemes.length) return <p className="text-sm text-slate-500">本县已为所有评价方案建立了报告。</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="新建报告">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field id="schemeId" label="评价方案">
        <select id="schemeId" className={inputClass} {...form.register("schemeId")}>
          {schemes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      {earlier.length ? (
        <Field id="copyFromId" label="从上一年报告复制" hint="带入基本情况数据、上年问题和措施（标为“上年遗留”），以及上年工作打算（逐条说明落实情况）。">
          <select id="copyFromId" className={inputClass} {...form.register("copyFromId")}>
            <option value="">不复制，从空白开始</option>
            {earlier.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Button type="submit" busy={form.formState.isSubmitting}>
        创建报告
      </Button>
    </form>
  );
}
