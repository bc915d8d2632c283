"use client";
// The editable grid of a per-school table: identity columns, the raw figures, then each school's derived indicators
// (green met, amber at least the floor, red below it) and its verdict — recomputed on every keystroke.
import { useState } from "react";
import type { FieldArrayWithId, UseFieldArrayReturn, UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { TSchoolTableContent } from "@/lib/report/content";
import type { SchoolResult, SchoolTableResult } from "@/lib/schools";
import type { TSchoolTable } from "@/lib/template/school-table";

const PAGE = 100;
const cell = "block rounded border border-slate-300 bg-white px-1.5 py-1 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";
const INDICATOR = { met: "text-emerald-700", floor: "text-amber-700", below: "font-medium text-red-700", missing: "text-slate-400", exempt: "text-slate-500" } as const;
const STATUS: Record<SchoolResult["status"], { text: string; className: string }> = {
  pass: { text: "达标", className: "text-emerald-700" },
  fail: { text: "未达标", className: "font-medium text-red-700" },
  excluded: { text: "不计", className: "text-slate-500" },
  incomplete: { text: "待补全", className: "text-amber-700" },
};

/** "", "1,234" and " 5.2 " as the stored number; anything else stays NaN so the schema marks the cell. */
const toNumber = (v: unknown): number | null => {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  const text = String(v).trim().replace(/[,，]/g, "");
  return text === "" ? null : Number(text);
};

type Props = {
  table: TSchoolTable;
  form: UseFormReturn<TSchoolTableContent>;
  rows: UseFieldArrayReturn<TSchoolTableContent, "rows", "_key">;
  result: SchoolTableResult | undefined;
  readOnly: boolean;
};

export function SchoolTableRows({ table, form, rows, result, readOnly }: Props) {
  const [shown, setShown] = useState(PAGE);
  const { register, setValue, getValues, formState } = form;
  const errors = formState.errors.rows;
  const visible = rows.fields.slice(0, shown);
  const counted = table.indicators.filter((d) => d.role === "counted").length;

  const onType = (i: number, type: string) => {
    const stages = table.schoolTypes.find((t) => t.key === type)?.stages ?? [];
    if (!stages.includes(getValues(`rows.${i}.stage`))) setValue(`rows.${i}.stage`, stages[0] ?? "", { shouldDirty: true, shouldValidate: true });
  };

  return (
    <div className="space-y-2">
      <div className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200">
        <table aria-label={table.title} className="border-collapse text-sm">
          <thead className="sticky top-0 z-10 bg-slate-50 text-xs text-slate-600">
            <tr>
              <th className="sticky left-0 z-20 whitespace-nowrap bg-slate-50 px-2 py-1.5 text-left">序号</th>
              <th className="min-w-44 whitespace-nowrap px-2 py-1.5 text-left">{table.nameLabel}</th>
              <th className="min-w-28 whitespace-nowrap px-2 py-1.5 text-left">{table.typeLabel}</th>
              <th className="min-w-20 whitespace-nowrap px-2 py-1.5 text-left">{table.stageLabel}</th>
              {table.attributes.map((a) => (
                <th key={a.key} title={a.hint} className="min-w-20 whitespace-nowrap px-2 py-1.5 text-left">
                  {a.label}
                </th>
              ))}
              {table.columns.map((c) => (
                <th key={c.key} title={c.hint} className="min-w-24 px-2 py-1.5 text-right font-normal">
                  {c.label}
                  {c.unit ? `（${c.unit}）` : ""}
                </th>
              ))}
              {table.indicators.map((d) => (
                <th key={d.key} className="min-w-24 bg-slate-100 px-2 py-1.5 text-right font-normal">
                  {d.label}
                  {d.unit ? `（${d.unit}）` : ""}
                </th>
              ))}
              <th className="whitespace-nowrap bg-slate-100 px-2 py-1.5 text-left">判定</th>
              {!readOnly ? <th className="px-2 py-1.5" /> : null}
            </tr>
          </thead>
          <tbody>
            {visible.map((field: FieldArrayWithId<TSchoolTableContent, "rows", "_key">, i) => {
              const school = result?.schools[i];
              const e = errors?.[i];
              const status = school ? STATUS[school.status] : null;
              const type = form.watch(`rows.${i}.type`);
              const stages = table.schoolTypes.find((t) => t.key === type)?.stages ?? table.stages.map((s) => s.key);
              return (
                <tr key={field._key} data-testid="school-row" className="border-t border-slate-100 align-top">
                  <td className="sticky left-0 bg-white px-2 py-1 text-slate-500 tabular-nums">{i + 1}</td>
                  <td className="px-1 py-1">
                    <input aria-label={`第 ${i + 1} 行${table.nameLabel}`} className={`${cell} w-44`} readOnly={readOnly} aria-invalid={!!e?.name} {...register(`rows.${i}.name`)} />
                  </td>
                  <td className="px-1 py-1">
                    <select
                      aria-label={`第 ${i + 1} 行${table.typeLabel}`}
                      className={`${cell} w-28`}
                      disabled={readOnly}
                      aria-invalid={!!e?.type}
                      {...register(`rows.${i}.type`, { onChange: (ev) => onType(i, ev.target.value) })}
                    >
                      {table.schoolTypes.map((t) => (
                        <option key={t.key} value={t.key}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-1 py-1">
                    <select aria-label={`第 ${i + 1} 行${table.stageLabel}`} className={`${cell} w-20`} disabled={readOnly} aria-invalid={!!e?.stage} {...register(`rows.${i}.stage`)}>
                      {table.stages
                        .filter((s) => stages.includes(s.key))
                        .map((s) => (
                          <option key={s.key} value={s.key}>
                            {s.label}
                          </option>
                        ))}
                    </select>
                  </td>
                  {table.attributes.map((a) => (
                    <td key={a.key} className="px-1 py-1">
                      {a.kind === "flag" ? (
                        <input type="checkbox" aria-label={`第 ${i + 1} 行${a.label}`} className="mt-1.5" disabled={readOnly} {...register(`rows.${i}.attrs.${a.key}`)} />
                      ) : (
                        <select
                          aria-label={`第 ${i + 1} 行${a.label}`}
                          className={`${cell} w-24`}
                          disabled={readOnly}
                          {...register(`rows.${i}.attrs.${a.key}`, { setValueAs: (v) => (v === "" ? undefined : v) })}
                        >
                          <option value="">—</option>
                          {a.options.map((o) => (
                            <option key={o.key} value={o.key}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                  ))}
                  {table.columns.map((c) => {
                    const message = e?.values?.[c.key]?.message;
                    return (
                      <td key={c.key} className="px-1 py-1">
                        <input
                          aria-label={`第 ${i + 1} 行${c.label}`}
                          inputMode={c.kind === "integer" ? "numeric" : "decimal"}
                          title={message}
                          className={`${cell} w-24 text-right tabular-nums`}
                          readOnly={readOnly}
                          aria-invalid={!!message}
                          {...register(`rows.${i}.values.${c.key}`, { setValueAs: toNumber })}
                        />
                      </td>
                    );
                  })}
                  {table.indicators.map((d, k) => {
                    const r = school?.indicators[k];
                    return (
                      <td key={d.key} title={r?.reason} className={`bg-slate-50/60 px-2 py-1.5 text-right tabular-nums ${r ? INDICATOR[r.status] : ""}`}>
                        {r && r.value !== null ? r.display.replace(d.unit, "") : "—"}
                      </td>
                    );
                  })}
                  <td title={school?.reason} className={`whitespace-nowrap bg-slate-50/60 px-2 py-1.5 ${status?.className ?? ""}`}>
                    {status ? `${status.text}${school?.status === "pass" || school?.status === "fail" ? `（${school.metCount}/${counted}）` : ""}` : "—"}
                  </td>
                  {!readOnly ? (
                    <td className="px-1 py-1">
                      <Button type="button" variant="ghost" className="px-2 py-1 text-red-700" aria-label={`删除第 ${i + 1} 行`} onClick={() => rows.remove(i)}>
                        删除
                      </Button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
        {!rows.fields.length ? <p className="px-3 py-6 text-center text-sm text-slate-500">尚无学校数据：请导入表格，或逐行添加。</p> : null}
      </div>
      {rows.fields.length > shown ? (
        <Button type="button" variant="secondary" onClick={() => setShown((n) => n + PAGE * 5)}>
          显示更多（共 {rows.fields.length} 行，已显示 {shown} 行）
        </Button>
      ) : null}
    </div>
  );
}
