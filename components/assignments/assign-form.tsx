"use client";
// The lead's form: one criterion (or one of its figures) to an office, its 配合单位, named contributors, a due date.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignAction } from "@/app/(app)/reports/[reportId]/assignments/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

export type ItemOption = { key: string; heading: string; figures: { key: string; label: string }[] };
export type ContributorOption = { id: string; name: string; office: string | null };

export function AssignForm({ reportId, items, contributors }: { reportId: string; items: ItemOption[]; contributors: ContributorOption[] }) {
  const router = useRouter();
  const [sectionKey, setSectionKey] = useState(items[0]?.key ?? "");
  const [figureKey, setFigureKey] = useState("");
  const [office, setOffice] = useState("");
  const [partners, setPartners] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const item = items.find((i) => i.key === sectionKey);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await assignAction({ reportId, sectionKey, figureKey: figureKey || null, office, partners, contributorIds: chosen, dueDate, note });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.error });
      return;
    }
    setErrors({});
    setMessage({ tone: "success", text: `已分配：${item?.heading ?? ""} → ${office}` });
    // The next item starts from an empty form, so one office's note and due date are not copied to another.
    setFigureKey("");
    setOffice("");
    setPartners("");
    setChosen([]);
    setDueDate("");
    setNote("");
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="分配填报任务">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="as-item" label="评价项目" error={errors.sectionKey?.[0]}>
          <select id="as-item" className={inputClass} value={sectionKey} onChange={(e) => (setSectionKey(e.target.value), setFigureKey(""))}>
            {items.map((i) => (
              <option key={i.key} value={i.key}>
                {i.heading}
              </option>
            ))}
          </select>
        </Field>
        <Field id="as-figure" label="范围" hint="可只分配其中一项数据" error={errors.figureKey?.[0]}>
          <select id="as-figure" className={inputClass} value={figureKey} onChange={(e) => setFigureKey(e.target.value)}>
            <option value="">整个项目</option>
            {item?.figures.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="as-office" label="主责单位" error={errors.office?.[0]}>
          <input id="as-office" className={inputClass} value={office} onChange={(e) => setOffice(e.target.value)} placeholder="如 县财政局" />
        </Field>
        <Field id="as-partners" label="配合单位" hint="多个单位用顿号分隔" error={errors.partners?.[0]}>
          <input id="as-partners" className={inputClass} value={partners} onChange={(e) => setPartners(e.target.value)} />
        </Field>
        <Field id="as-due" label="截止日期" error={errors.dueDate?.[0]}>
          <input id="as-due" type="date" className={inputClass} value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
        <Field id="as-note" label="说明" error={errors.note?.[0]}>
          <input id="as-note" className={inputClass} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">填报人</legend>
        {contributors.length === 0 ? <p className="text-xs text-slate-500">本县还没有部门填报人，可在下方创建。</p> : null}
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {contributors.map((c) => (
            <label key={c.id} className="inline-flex items-center gap-1.5">
              <input type="checkbox" checked={chosen.includes(c.id)} onChange={(e) => setChosen((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))} />
              {c.name}
              {c.office ? <span className="text-xs text-slate-500">（{c.office}）</span> : null}
            </label>
          ))}
        </div>
        {errors.contributorIds ? <p className="text-xs text-red-700" role="alert">{errors.contributorIds[0]}</p> : null}
      </fieldset>
      <Button type="submit" busy={busy}>
        分配
      </Button>
    </form>
  );
}
