"use client";
// One 评价重点 in the editor: its text and score, sub-points, the inputs the county fills and the indicators
// computed from them. Field names are the scheme's own paths, so the validator's errors land on them.
import { type ReactNode } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Folded } from "@/components/ui/folded";
import { inputClass } from "@/components/ui/field";
import { errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";
import { TextField } from "@/components/admin/scheme-editor/fields";
import type { FigureOption } from "@/components/admin/scheme-editor/formula-builder";
import { FigureLists } from "@/components/admin/scheme-editor/figure-lists";

type Props = { index: number; count: number; errors: ErrorsByField; figures: FigureOption[]; readOnly: boolean; handle?: ReactNode; onMove: (to: number) => void; onRemove: () => void; onPreview: () => void };

export function CriterionCard({ index, count, errors, figures, readOnly, handle, onMove, onRemove, onPreview }: Props) {
  const at = `criteria.${index}`;
  const { control, watch } = useFormContext();
  const subpoints = useFieldArray({ control, name: `${at}.subpoints` });
  const title = watch(`${at}.title`) as string;
  const own = errorsUnder(errors, at, []);
  // Opens by itself when it holds errors or is new (no title yet), and then stays as the person leaves it.
  return (
    <Folded className="rounded-lg border border-slate-200 bg-white" data-testid={`criterion-${index}`} initiallyOpen={own.length > 0 || !title} summaryClassName="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm" summary={
      <>
        {handle}
        <span className="font-medium text-slate-900">
          {index + 1}. {title || "（未命名评价重点）"}
        </span>
        {own.length > 0 ? <span className="rounded bg-red-50 px-1.5 text-xs text-red-700">{own.length} 处错误</span> : null}
        <span className="ml-auto flex gap-1">
          <Button type="button" variant="ghost" className="px-2 py-0.5" onClick={onPreview}>
            预览
          </Button>
          {!readOnly ? (
            <>
              <Button type="button" variant="ghost" className="px-2 py-0.5" aria-label={`上移第 ${index + 1} 项`} disabled={index === 0} onClick={() => onMove(index - 1)}>
                ↑
              </Button>
              <Button type="button" variant="ghost" className="px-2 py-0.5" aria-label={`下移第 ${index + 1} 项`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
                ↓
              </Button>
              <Button type="button" variant="ghost" className="px-2 py-0.5 text-red-700" onClick={onRemove}>
                删除
              </Button>
            </>
          ) : null}
        </span>
      </>
    }>
        <div className="space-y-4 border-t border-slate-100 p-3">
          <div className="grid grid-cols-6 gap-2">
            <TextField name={`${at}.title`} label="评价内容" errors={errors} readOnly={readOnly} className="col-span-3" />
            <TextField name={`${at}.code`} label="代号" errors={errors} readOnly={readOnly} />
            <TextField name={`${at}.maxScore`} label="分值" numeric errors={errors} readOnly={readOnly} />
            {/* 序号 is the item's place in the list (the saved scheme is numbered the same way), never typed. */}
            <label className="block text-xs text-slate-600">
              序号
              <input aria-label="序号" readOnly value={index + 1} className={`${inputClass} py-1.5 text-slate-500`} />
            </label>
            <TextField name={`${at}.guidance`} label="评价要点" multiline errors={errors} readOnly={readOnly} className="col-span-6" />
          </div>

          <section aria-label="细项">
            <h4 className="text-xs font-semibold text-slate-700">细项</h4>
            {subpoints.fields.map((f, i) => (
              <div key={f.id} className="grid grid-cols-6 items-end gap-2">
                <TextField name={`${at}.subpoints.${i}.code`} label="代号" errors={errors} readOnly={readOnly} />
                <TextField name={`${at}.subpoints.${i}.title`} label="细项内容" errors={errors} readOnly={readOnly} className="col-span-3" />
                <TextField name={`${at}.subpoints.${i}.maxScore`} label="细项分值" numeric errors={errors} readOnly={readOnly} />
                {!readOnly ? <Button type="button" variant="ghost" onClick={() => subpoints.remove(i)}>删除细项</Button> : null}
              </div>
            ))}
            {!readOnly ? <Button type="button" variant="secondary" className="mt-1 py-1" onClick={() => subpoints.append({ code: "", title: "" })}>添加细项</Button> : null}
          </section>

          <FigureLists at={at} testKey={String(index)} errors={errors} figures={figures} readOnly={readOnly} />
        </div>
    </Folded>
  );
}
