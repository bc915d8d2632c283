"use client";
// Formulas are picked, never typed: an operation from a list and its operands from the scheme's own inputs, so a
// formula cannot name a figure that does not exist or contain code (decision 030).
import { FORMULA_OP_LABELS, TARGET_OP_LABELS } from "@/lib/template/choices";
import { inputClass } from "@/components/ui/field";

export type FigureOption = { key: string; label: string };
type Formula = Record<string, unknown> & { op?: string };
type Target = Record<string, unknown> & { op?: string };

/** Operations a 督导室 builds in the editor; `schools` formulas (counting a per-school table) are kept as they are. */
const OPERANDS = {
  ratio: [["num", "分子"], ["den", "分母"]],
  percent: [["num", "分子"], ["den", "分母"]],
  permille: [["num", "分子"], ["den", "分母"]],
  growth: [["current", "本期"], ["previous", "上期"]],
  difference: [["a", "被减数"], ["b", "减数"]],
  value: [["of", "数据项"]],
  yesno: [["of", "是/否数据项"]],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;
type BuiltOp = keyof typeof OPERANDS | "sum" | "average";
const TERMS_OPS = new Set<string>(["sum", "average"]);

const selectClass = `${inputClass} py-1.5`;

export function FormulaBuilder({ id, value, options, errors, disabled, onChange }: { id: string; value: Formula; options: FigureOption[]; errors: string[]; disabled: boolean; onChange: (f: Formula) => void }) {
  const op = value.op ?? "";
  const choose = (next: BuiltOp) => {
    if (next === "sum" || next === "average") onChange({ op: next, terms: (value.terms as string[] | undefined) ?? [] });
    else onChange(Object.fromEntries([["op", next], ...OPERANDS[next].map(([k]) => [k, ""])]));
  };
  const operand = (field: string, label: string) => (
    <label key={field} className="text-xs text-slate-600">
      {label}
      <select id={`${id}-${field}`} aria-label={label} disabled={disabled} className={selectClass} value={String(value[field] ?? "")} onChange={(e) => onChange({ ...value, [field]: e.target.value })}>
        <option value="">请选择数据项</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}（{o.key}）
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="space-y-2" data-testid={`${id}-formula`}>
      <label className="block text-xs text-slate-600">
        计算方法
        <select id={`${id}-op`} aria-label="计算方法" disabled={disabled || op === "schools"} className={selectClass} value={op} onChange={(e) => choose(e.target.value as BuiltOp)}>
          <option value="">请选择</option>
          {(["ratio", "percent", "permille", "growth", "sum", "average", "difference", "value", "yesno"] as const).map((k) => (
            <option key={k} value={k}>
              {FORMULA_OP_LABELS[k]}
            </option>
          ))}
          {op === "schools" ? <option value="schools">{FORMULA_OP_LABELS.schools}</option> : null}
        </select>
      </label>
      {op in OPERANDS ? <div className="grid grid-cols-2 gap-2">{OPERANDS[op as keyof typeof OPERANDS].map(([f, l]) => operand(f, l))}</div> : null}
      {TERMS_OPS.has(op) ? (
        <fieldset className="text-xs text-slate-600">
          <legend>{op === "sum" ? "求和的各项" : "求平均值的各项"}</legend>
          <div className="flex flex-wrap gap-x-4">
            {options.map((o) => {
              const terms = (value.terms as string[] | undefined) ?? [];
              return (
                <label key={o.key} className="inline-flex items-center gap-1">
                  <input type="checkbox" disabled={disabled} checked={terms.includes(o.key)} onChange={(e) => onChange({ op, terms: e.target.checked ? [...terms, o.key] : terms.filter((t) => t !== o.key) })} />
                  {o.label}
                </label>
              );
            })}
          </div>
        </fieldset>
      ) : null}
      {op === "schools" ? <p className="text-xs text-slate-500">由逐校表统计的学校数（在逐校表中设置）</p> : null}
      {errors.map((m) => (
        <p key={m} role="alert" className="text-xs text-red-700">
          {m}
        </p>
      ))}
    </div>
  );
}

const num = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));
const shown = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? String(v) : "");

export function TargetEditor({ id, value, errors, disabled, onChange }: { id: string; value: Target | undefined; errors: string[]; disabled: boolean; onChange: (t: Target | undefined) => void }) {
  const op = value?.op ?? "";
  const field = (name: string, label: string) => (
    <label className="text-xs text-slate-600">
      {label}
      <input
        id={`${id}-${name}`}
        aria-label={label}
        inputMode="decimal"
        disabled={disabled}
        className={`${inputClass} py-1.5`}
        aria-invalid={errors.length > 0 || undefined}
        defaultValue={shown(value?.[name])}
        onChange={(e) => onChange({ ...value, [name]: num(e.target.value) })}
      />
    </label>
  );
  return (
    <div className="space-y-2" data-testid={`${id}-target`}>
      <label className="block text-xs text-slate-600">
        目标
        <select
          id={`${id}-target-op`}
          aria-label="目标"
          disabled={disabled}
          className={selectClass}
          value={op}
          onChange={(e) => {
            const next = e.target.value;
            onChange(next === "" ? undefined : next === "yes" ? { op: "yes" } : next === "between" ? { op: "between", min: undefined, max: undefined } : { op: next, value: value?.value });
          }}
        >
          <option value="">无目标</option>
          {Object.entries(TARGET_OP_LABELS).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {op === ">=" || op === "<=" || op === "=" ? field("value", "目标值") : null}
      {op === "between" ? (
        <div className="grid grid-cols-2 gap-2">
          {field("min", "下限")}
          {field("max", "上限")}
        </div>
      ) : null}
      {errors.map((m) => (
        <p key={m} role="alert" className="text-xs text-red-700">
          {m}
        </p>
      ))}
    </div>
  );
}
