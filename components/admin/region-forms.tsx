"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createRegionAction, deleteRegionAction, importRegionsAction, updateRegionAction } from "@/app/(app)/admin/regions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FileUploadForm } from "@/components/ui/file-upload-form";
import { Field, inputClass } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-errors";
import { CSV_MAX_BYTES, ZCreateRegion, type TCreateRegion } from "@/lib/regions/schemas";

export type ParentOption = { code: string; name: string; level: string };

function RegionFields({
  form,
  parents,
  idPrefix,
  codeReadOnly,
}: {
  form: ReturnType<typeof useForm<TCreateRegion>>;
  parents: ParentOption[];
  idPrefix: string;
  codeReadOnly?: boolean;
}) {
  const { register, formState } = form;
  const err = formState.errors;
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Field id={`${idPrefix}-parent`} label="上级区划" error={err.parentCode?.message}>
        <select id={`${idPrefix}-parent`} className={inputClass} aria-invalid={!!err.parentCode} {...register("parentCode")}>
          <option value="">请选择</option>
          {parents.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}（{p.code}）
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${idPrefix}-code`} label="行政区划代码" error={err.code?.message}>
        <input id={`${idPrefix}-code`} inputMode="numeric" maxLength={6} readOnly={codeReadOnly} className={inputClass} aria-invalid={!!err.code} {...register("code")} />
      </Field>
      <Field id={`${idPrefix}-name`} label="名称" error={err.name?.message}>
        <input id={`${idPrefix}-name`} className={inputClass} aria-invalid={!!err.name} {...register("name")} />
      </Field>
    </div>
  );
}

export function CreateRegionForm({ parents }: { parents: ParentOption[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<TCreateRegion>({ resolver: zodResolver(ZCreateRegion), defaultValues: { code: "", name: "", parentCode: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await callAction(() => createRegionAction(values));
    if (result.ok) {
      form.reset({ code: "", name: "", parentCode: values.parentCode });
      setMessage({ tone: "success", text: `已添加 ${values.name}` });
      router.refresh();
    } else {
      const text = applyActionErrors(form, result);
      if (text) setMessage({ tone: "error", text });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="添加行政区划">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <RegionFields form={form} parents={parents} idPrefix="new" />
      <Button type="submit" busy={form.formState.isSubmitting}>
        添加
      </Button>
    </form>
  );
}

export function EditRegionForm({
  region,
  parents,
  onDone,
}: {
  region: { code: string; name: string; parentCode: string };
  parents: ParentOption[];
  onDone: () => void;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TCreateRegion>({ resolver: zodResolver(ZCreateRegion), defaultValues: region });
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await callAction(() => updateRegionAction(values));
    if (result.ok) {
      router.refresh();
      onDone();
    } else setError(applyActionErrors(form, result));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md bg-slate-50 p-3" aria-label={`编辑${region.name}`}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <RegionFields form={form} parents={parents.filter((p) => p.code !== region.code)} idPrefix={`edit-${region.code}`} codeReadOnly />
      <div className="flex gap-2">
        <Button type="submit" busy={form.formState.isSubmitting}>
          保存
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          取消
        </Button>
      </div>
    </form>
  );
}

export function DeleteRegionButton({ code, name }: { code: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function remove() {
    if (!window.confirm(`确定删除“${name}”吗？`)) return;
    setBusy(true);
    const result = await callAction(() => deleteRegionAction({ code }));
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.error);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="ghost" className="px-2 py-1 text-red-700" busy={busy} onClick={remove}>
        删除
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function ImportRegionsForm() {
  return (
    <FileUploadForm
      label="从 CSV 导入行政区划"
      description={
        <>
          每行一个区划：<code className="rounded bg-slate-100 px-1">代码,名称,上级代码</code>，可带表头。例如{" "}
          <code className="rounded bg-slate-100 px-1">140824,稷山县,140800</code>。支持 UTF-8 或 Excel 另存的 GBK 编码；有错误时整批不导入。
        </>
      }
      picker={{ accept: ".csv,text/csv", label: "CSV 文件", buttonText: "选择 CSV 文件" }}
      submitText="导入"
      what="CSV 文件"
      maxBytes={CSV_MAX_BYTES}
      limit="CSV 不能超过 1 MB"
      upload={importRegionsAction}
      success={(d) => `导入完成：新增 ${d.created} 个，更名 ${d.renamed} 个，未变化 ${d.unchanged} 个。`}
      rowErrors={{ label: "导入错误", where: "行号", whereClass: "w-20", split: (r) => [`第 ${r.line} 行`, r.message] }}
    />
  );
}
