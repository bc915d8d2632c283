"use client";
// The editor's plain fields. The name is the scheme path, so the validator's error for it shows under it.
import { type ReactNode } from "react";
import { Controller, useFormContext } from "react-hook-form";
import { inputClass } from "@/components/ui/field";
import { Folded } from "@/components/ui/folded";
import { errorAt, errorsUnder, type ErrorsByField } from "@/components/admin/scheme-editor/errors";

/** An optional text left empty is absent, not "" (which the scheme would reject as empty). */
const textOrUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const numberOrUndefined = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

export function TextField({ name, label, errors, readOnly, className = "", numeric = false, multiline = false, optional = false }: { name: string; label: string; errors: ErrorsByField; readOnly: boolean; className?: string; numeric?: boolean; multiline?: boolean; optional?: boolean }) {
  const { register } = useFormContext();
  const error = errorAt(errors, name);
  const props = { id: name, "aria-label": label, "aria-invalid": error ? true : undefined, readOnly, className: `${inputClass} py-1.5`, ...register(name, numeric ? { setValueAs: numberOrUndefined } : optional ? { setValueAs: textOrUndefined } : {}) };
  return (
    <label className={`block text-xs text-slate-600 ${className}`}>
      {label}
      {multiline ? <textarea rows={2} {...props} /> : <input inputMode={numeric ? "decimal" : undefined} {...props} />}
      <FieldError message={error} />
    </label>
  );
}


/** A choice from a list. Controlled from the form's value, so a select whose options follow other fields (the
 *  table's columns, the scoring's grades) never shows, or writes back, a value other than the stored one. */
export function SelectField({ name, label, options, errors, readOnly, className = "", empty, onChange }: { name: string; label: string; options: Readonly<Record<string, string>>; errors: ErrorsByField; readOnly: boolean; className?: string; empty?: string; onChange?: (value: string) => void }) {
  const { control } = useFormContext();
  const error = errorAt(errors, name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const value = field.value === undefined || field.value === null ? "" : String(field.value);
        return (
          <label className={`block text-xs text-slate-600 ${className}`}>
            {label}
            <select
              id={name}
              aria-label={label}
              aria-invalid={error ? true : undefined}
              disabled={readOnly}
              className={`${inputClass} py-1.5`}
              value={value}
              onBlur={field.onBlur}
              onChange={(e) => {
                field.onChange(e.target.value === "" ? undefined : e.target.value);
                onChange?.(e.target.value);
              }}
            >
              {empty !== undefined || !(value in options) ? <option value="">{empty ?? "请选择"}</option> : null}
              {value !== "" && !(value in options) ? <option value={value}>{value}</option> : null}
              {Object.entries(options).map(([key, text]) => (
                <option key={key} value={key}>
                  {text}
                </option>
              ))}
            </select>
            <FieldError message={error} />
          </label>
        );
      }}
    />
  );
}

/** A part of the scheme the editor folds away until it is needed; it opens by itself while it holds errors. A folded
 *  section renders nothing inside, so a keystroke elsewhere does not re-render its fields (its values stay in the form). */
export function Section({ title, count, errorCount, description, children }: { title: string; count?: number; errorCount: number; description?: ReactNode; children: ReactNode }) {
  return (
    <Folded
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      aria-label={title}
      forceOpen={errorCount > 0}
      summaryClassName="flex cursor-pointer items-center gap-2 px-5 py-3 text-base font-semibold text-slate-900"
      summary={
        <>
          {title}
          {count !== undefined ? <span className="text-sm font-normal text-slate-500">（{count} 项）</span> : null}
          {errorCount > 0 ? <span className="rounded bg-red-50 px-1.5 text-xs font-normal text-red-700">{errorCount} 处错误</span> : null}
        </>
      }
    >
      <div className="space-y-3 border-t border-slate-100 px-5 py-4">
        {description ? <p className="text-xs text-slate-500">{description}</p> : null}
        {children}
      </div>
    </Folded>
  );
}

/** A field's message under it. */
export function FieldError({ message }: { message: string | undefined }) {
  return message ? (
    <span role="alert" className="mt-0.5 block text-xs text-red-700">
      {message}
    </span>
  ) : null;
}

/** The validator's messages under `at` that no field of the form shows (a duplicate key, a cross-reference). */
export function RemainingErrors({ errors, at, shown, className = "" }: { errors: ErrorsByField; at: string; shown: readonly string[]; className?: string }) {
  const messages = errorsUnder(errors, at, shown.map((f) => `${at}.${f}`));
  return messages.length ? (
    <div className={className}>
      {messages.map((m, j) => (
        <p key={j} role="alert" className="text-xs text-red-700">
          {m}
        </p>
      ))}
    </div>
  ) : null;
}

/** The first of prefix1, prefix2, … that no item uses yet: a new row's key, which the person may rename. */
export function freshKey(taken: readonly (string | undefined)[], prefix: string): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
