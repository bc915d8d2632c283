"use client";
// The scheme editor (decision 030): the whole definition is one react-hook-form form whose field names are the
// scheme's own paths; on every change the universal validator (lib/template/validate-scheme) runs on it and each
// error is shown at its field. Items keep their 序号 in list order. No JSON is shown or typed anywhere.
import { useMemo, useState } from "react";
import { FormProvider, useFieldArray, useForm, useWatch } from "react-hook-form";
import { saveDraftAction } from "@/app/(app)/admin/schemes/drafts/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page";
import { callAction } from "@/components/ui/form-errors";
import { validateScheme } from "@/lib/template/validate-scheme";
import { errorsByField } from "@/components/admin/scheme-editor/errors";
import { CriterionCard } from "@/components/admin/scheme-editor/criterion-card";
import { TextField } from "@/components/admin/scheme-editor/fields";
import { ItemPreview, WordOutline } from "@/components/admin/scheme-editor/item-preview";
import { PublishPanel } from "@/components/admin/scheme-editor/publish-panel";
import { XlsxPanel } from "@/components/admin/scheme-editor/xlsx-panel";
import { SortableItem, SortableList } from "@/components/admin/scheme-editor/sortable";
import { PartsEditor } from "@/components/admin/scheme-editor/parts-editor";
import { GroupsEditor } from "@/components/admin/scheme-editor/groups-editor";
import { ScoringEditor } from "@/components/admin/scheme-editor/scoring-editor";
import { VetoesEditor } from "@/components/admin/scheme-editor/vetoes-editor";
import { TablesEditor } from "@/components/admin/scheme-editor/table-editor";

type Definition = Record<string, unknown> & { criteria?: Record<string, unknown>[] };

type Figure = { key?: string; label?: string };

/** What a formula may name: every input and indicator of the 基本情况 part and of the items, inputs first. */
function figureOptions(scheme: Definition) {
  const holders = [...((scheme.parts as Record<string, unknown>[] | undefined) ?? []), ...(scheme.criteria ?? [])];
  const list = (name: "inputs" | "indicators", suffix: string) =>
    holders.flatMap((h) => ((h[name] as Figure[] | undefined) ?? []).filter((f) => f?.key).map((f) => ({ key: f.key!, label: `${f.label || f.key}${suffix}` })));
  return [...list("inputs", ""), ...list("indicators", "（指标）")];
}

/** 序号 follows the order of the list, so reordering never leaves two items with one number. */
function normalised(values: Definition): Definition {
  const criteria = (values.criteria ?? []).map((c, i) => ({ ...c, ordinal: i + 1 }));
  // A field emptied in the form is absent from the scheme (as it is once saved), not a key holding nothing.
  return JSON.parse(JSON.stringify({ ...values, criteria })) as Definition;
}

export function SchemeEditor({ draftId, version, definition, readOnly }: { draftId: string; version: number; definition: Definition; readOnly: boolean }) {
  const form = useForm<Definition>({ defaultValues: definition });
  const criteria = useFieldArray({ control: form.control, name: "criteria" as never });
  const values = useWatch({ control: form.control }) as Definition;
  const current = useMemo(() => normalised(values), [values]);
  const validation = useMemo(() => validateScheme(current), [current]);
  const errors = useMemo(() => errorsByField(validation.ok ? [] : validation.errors), [validation]);
  const figures = useMemo(() => figureOptions(current), [current]);
  const itemTotal = useMemo(() => (current.criteria ?? []).reduce((sum, c) => sum + (typeof c.maxScore === "number" ? c.maxScore : 0), 0), [current]);
  const [baseVersion, setBaseVersion] = useState(version);
  const [savedAt, setSavedAt] = useState<Definition>(definition);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const dirty = JSON.stringify(normalised(savedAt)) !== JSON.stringify(current);

  const save = async () => {
    setBusy(true);
    const result = await callAction(() => saveDraftAction({ id: draftId, baseVersion, definition: current }));
    setBusy(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.error });
    setBaseVersion(result.data.version);
    setSavedAt(current);
    setMessage({ tone: "success", text: validation.ok ? "草稿已保存" : `草稿已保存；还有 ${validation.errors.length} 处错误，改正后才能发布` });
  };

  /** An Excel upload saved a new definition: the form shows it, as saved, at its new version. */
  const uploaded = (definition: Definition, version: number) => {
    form.reset(definition);
    setSavedAt(definition);
    setBaseVersion(version);
    setMessage(null);
  };

  const addItem = () => {
    const n = (current.criteria?.length ?? 0) + 1;
    criteria.append({ code: `item_${n}`, ordinal: n, title: "", guidance: "", inputs: [], indicators: [], subpoints: [] } as never);
  };

  const itemLabel = (i: number) => `第 ${i + 1} 项评价重点「${String(current.criteria?.[i]?.title || "未命名")}」`;
  const previewed = preview && validation.ok ? validation.scheme : null;
  return (
    <FormProvider {...form}>
      <div className="grid gap-4 lg:grid-cols-3">
        <form className="space-y-4 lg:col-span-2" aria-label="评价方案" onSubmit={(e) => e.preventDefault()}>
          <Card title="方案">
            <div className="grid grid-cols-4 gap-2">
              <TextField name="title" label="方案名称" errors={errors} readOnly={readOnly} className="col-span-4" />
              <TextField name="code" label="方案代号" errors={errors} readOnly={readOnly} />
              <TextField name="year" label="年度" numeric errors={errors} readOnly={readOnly} />
              <TextField name="province" label="省份" errors={errors} readOnly={readOnly} />
              <TextField name="notice.docNumber" label="通知文号" errors={errors} readOnly={readOnly} />
              <TextField name="notice.title" label="通知标题" errors={errors} readOnly={readOnly} className="col-span-4" />
            </div>
          </Card>
          <Card title="Excel 细则">
            <XlsxPanel draftId={draftId} version={baseVersion} readOnly={readOnly} valid={validation.ok} dirty={dirty} onUploaded={uploaded} />
          </Card>
          <PartsEditor errors={errors} figures={figures} readOnly={readOnly} />
          <Card title={`评价重点（${criteria.fields.length} 项）`}>
            <SortableList ids={criteria.fields.map((f) => f.id)} label={itemLabel} onMove={(from, to) => criteria.move(from, to)}>
              <div className="space-y-2">
                {criteria.fields.map((f, i) => (
                  <SortableItem key={f.id} id={f.id} label={itemLabel(i)} disabled={readOnly}>
                    {(handle) => (
                      <CriterionCard
                        index={i}
                        count={criteria.fields.length}
                        errors={errors}
                        figures={figures}
                        readOnly={readOnly}
                        handle={handle}
                        onMove={(to) => criteria.move(i, to)}
                        onRemove={() => criteria.remove(i)}
                        onPreview={() => setPreview(String(current.criteria?.[i]?.code ?? ""))}
                      />
                    )}
                  </SortableItem>
                ))}
              </div>
            </SortableList>
            {!readOnly ? (
              <Button type="button" variant="secondary" className="mt-3" onClick={addItem}>
                添加评价重点
              </Button>
            ) : null}
          </Card>
          <GroupsEditor errors={errors} criteria={(current.criteria ?? []) as { code?: string; title?: string }[]} readOnly={readOnly} />
          <ScoringEditor errors={errors} itemTotal={itemTotal} readOnly={readOnly} />
          <VetoesEditor errors={errors} readOnly={readOnly} />
          <TablesEditor errors={errors} criteria={(current.criteria ?? []) as { code?: string; title?: string; table?: string }[]} readOnly={readOnly} />
        </form>
        <aside className="space-y-4">
          <Card title="保存与发布">
            <div className="space-y-3">
              <p className="text-sm" data-testid="validation-summary">
                {validation.ok ? "检查通过，没有错误" : `还有 ${validation.errors.length} 处错误`}
              </p>
              {!validation.ok ? (
                <ul className="max-h-40 space-y-1 overflow-y-auto text-xs text-red-700" aria-label="全部错误">
                  {validation.errors.slice(0, 50).map((e, i) => <li key={i}>{e.message}</li>)}
                </ul>
              ) : null}
              {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
              {!readOnly ? (
                <>
                  <Button type="button" busy={busy} disabled={!dirty} onClick={save}>
                    保存草稿
                  </Button>
                  <PublishPanel draftId={draftId} version={baseVersion} dirty={dirty} valid={validation.ok} />
                </>
              ) : null}
            </div>
          </Card>
          <Card title="县级填报预览">
            {previewed && preview ? <ItemPreview key={preview} scheme={previewed} code={preview} /> : <p className="text-sm text-slate-500">{validation.ok ? "在评价重点上点“预览”" : "方案有错误，改正后才能预览"}</p>}
          </Card>
          <Card title="Word 提纲">{validation.ok ? <WordOutline scheme={validation.scheme} /> : <p className="text-sm text-slate-500">方案有错误，改正后才能显示提纲</p>}</Card>
        </aside>
      </div>
    </FormProvider>
  );
}
