"use client";
import { useMemo, useState, type FormEvent } from "react";
import Link from "next/link";
import { applyCommentAction } from "@/app/(app)/phrases/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { callAction } from "@/components/ui/form-errors";
import type { ApplyOptions, ApplyResult } from "@/lib/review/comments";
import type { PhraseView } from "@/lib/review/comments";
import { COMMENT_MAX } from "@/lib/review/comments";
import { ZApplyComment } from "@/lib/review/comments";

/** One comment (typed, or taken from the library) on one section of several counties' reports. Counties without
 *  a report for the scheme may be ticked: the server skips them and says how many. */
export function ApplyCommentForm({ options, phrases, initial }: { options: ApplyOptions; phrases: PhraseView[]; initial: { phraseId?: string; sectionKey?: string } }) {
  // Default: the scheme of the section asked for, else the one most counties in reach already write under.
  const reports = (code: string) => options.counties.filter((c) => c.schemeCodes.includes(code)).length;
  const first =
    options.schemes.find((s) => s.sections.some((x) => x.key === initial.sectionKey)) ?? [...options.schemes].sort((a, b) => reports(b.code) - reports(a.code))[0];
  const [schemeCode, setSchemeCode] = useState(first?.code ?? "");
  const scheme = options.schemes.find((s) => s.code === schemeCode);
  const [sectionKey, setSectionKey] = useState(initial.sectionKey && scheme?.sections.some((s) => s.key === initial.sectionKey) ? initial.sectionKey : "");
  const picked = phrases.find((p) => p.id === initial.phraseId);
  const [phraseId, setPhraseId] = useState<string | undefined>(picked?.id);
  const [body, setBody] = useState(picked?.body ?? "");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<(ApplyResult & { sectionKey: string }) | null>(null);
  const [busy, setBusy] = useState(false);

  const cities = useMemo(() => {
    const map = new Map<string, ApplyOptions["counties"]>();
    for (const c of options.counties) map.set(c.cityName, [...(map.get(c.cityName) ?? []), c]);
    return [...map.entries()];
  }, [options.counties]);
  const hasReport = (c: ApplyOptions["counties"][number]) => c.schemeCodes.includes(schemeCode);
  const withReport = options.counties.filter(hasReport).length;
  const toggle = (codes: string[], on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      for (const code of codes) if (on) next.add(code);
      else next.delete(code);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setResult(null);
    const input = { schemeCode, sectionKey, body, phraseId, countyCodes: [...chosen] };
    const parsed = ZApplyComment.safeParse(input);
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) out[String(issue.path[0] ?? "_")] ??= issue.message;
      return setErrors(out);
    }
    setErrors({});
    setBusy(true);
    const res = await callAction(() => applyCommentAction(input));
    setBusy(false);
    if (!res.ok) return setFailure(res.error);
    setResult({ ...res.data, sectionKey });
    setChosen(new Set());
  }

  return (
    <form onSubmit={submit} noValidate aria-label="一条意见发给多个县区" className="space-y-5">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {result ? (
        <div className="space-y-2">
          <Alert tone={result.commented.length ? "success" : "info"}>{result.message}</Alert>
          {result.commented.length ? (
            <p className="text-xs text-slate-600">
              已发表：
              {result.commented.map((c, i) => (
                <span key={c.code}>
                  {i ? "、" : ""}
                  <Link href={`/reports/${c.reportId}?s=${encodeURIComponent(result.sectionKey)}`} className="text-brand-600 hover:underline">
                    {c.name}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
          {result.noReport.length ? <p className="text-xs text-slate-500">尚未创建报告：{result.noReport.map((c) => c.name).join("、")}</p> : null}
          {result.noSection.length ? <p className="text-xs text-slate-500">方案版本中无此部分：{result.noSection.map((c) => c.name).join("、")}</p> : null}
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="apply-scheme" label="评价方案" error={errors.schemeCode}>
          <select
            id="apply-scheme"
            className={inputClass}
            value={schemeCode}
            onChange={(e) => {
              setSchemeCode(e.target.value);
              setSectionKey("");
            }}
          >
            {options.schemes.map((s) => (
              <option key={s.code} value={s.code}>
                {s.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id="apply-section" label="报告部分" error={errors.sectionKey}>
          <select id="apply-section" className={inputClass} value={sectionKey} aria-invalid={!!errors.sectionKey} onChange={(e) => setSectionKey(e.target.value)}>
            <option value="">请选择</option>
            {scheme?.sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.heading}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="space-y-2">
        {phrases.length ? (
          <Field id="apply-phrase" label="从常用意见选择">
            <select
              id="apply-phrase"
              className={inputClass}
              value={phraseId ?? ""}
              onChange={(e) => {
                const p = phrases.find((x) => x.id === e.target.value);
                setPhraseId(p?.id);
                if (p) setBody(p.body);
              }}
            >
              <option value="">（不使用，直接填写）</option>
              {phrases.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.body.length > 60 ? `${p.body.slice(0, 60)}…` : p.body}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field id="apply-body" label="评论内容" error={errors.body}>
          <textarea id="apply-body" rows={4} className={`${inputClass} resize-y`} value={body} aria-invalid={!!errors.body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <p className="text-right text-xs tabular-nums text-slate-400">
          {body.trim().length}/{COMMENT_MAX}
        </p>
      </div>

      <fieldset className="space-y-3" aria-describedby={errors.countyCodes ? "apply-counties-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">县区（已选 {chosen.size} 个；{withReport} 个已创建该方案的报告）</legend>
        <div className="flex flex-wrap gap-2 text-xs">
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => toggle(options.counties.map((c) => c.code), true)}>
            全选
          </Button>
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setChosen(new Set(options.counties.filter(hasReport).map((c) => c.code)))}>
            只选已创建报告的
          </Button>
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setChosen(new Set())}>
            清空
          </Button>
        </div>
        {errors.countyCodes ? (
          <p id="apply-counties-error" role="alert" className="text-xs text-red-700">
            {errors.countyCodes}
          </p>
        ) : null}
        <div className="max-h-[24rem] space-y-3 overflow-y-auto rounded-md border border-slate-200 bg-white p-3">
          {cities.map(([city, counties]) => (
            <div key={city} role="group" aria-label={city || "县区"}>
              <label className="mb-1 flex items-center gap-2 text-xs font-medium text-slate-600">
                <input
                  type="checkbox"
                  checked={counties.every((c) => chosen.has(c.code))}
                  onChange={(e) => toggle(counties.map((c) => c.code), e.target.checked)}
                />
                {city}（{counties.length}）
              </label>
              <div className="grid gap-x-4 gap-y-1 pl-5 sm:grid-cols-3">
                {counties.map((c) => (
                  <label key={c.code} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={chosen.has(c.code)} onChange={(e) => toggle([c.code], e.target.checked)} />
                    <span className={hasReport(c) ? "text-slate-800" : "text-slate-400"}>
                      {c.name}
                      {hasReport(c) ? "" : "（未创建报告）"}
                    </span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </div>
      </fieldset>

      <Button type="submit" busy={busy}>
        发给所选 {chosen.size} 个县区
      </Button>
    </form>
  );
}
