"use client";
// An item's 自评得分 and 评分依据. The box keeps what the clerk types; only a score within 满分 and on the scheme's
// step reaches the form (and so the autosave) — a score above 满分 is refused here with the reason, and the server
// refuses it again. Below: the item's group subtotal and the report's total, live, from the editor's score sheet.
import { useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { inputClass } from "@/components/ui/field";
import { GrowingTextarea } from "@/components/report/growing-textarea";
import { fieldId } from "@/lib/report/precheck";
import { scoreProblem } from "@/lib/report/score-rules";
import { scoreText, type ScoreSheet } from "@/lib/report/scores";
import type { SectionDef } from "@/lib/report/sections";
import type { TNarrativeContent } from "@/lib/report/content";

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E]/g;

export function ScoreField({ form, def, readOnly, sheet }: { form: UseFormReturn<TNarrativeContent>; def: SectionDef; readOnly: boolean; sheet: ScoreSheet | null | undefined }) {
  const id = (f: string) => fieldId(def.key, f);
  const stored = useWatch({ control: form.control, name: "score" });
  const [text, setText] = useState(stored === null || stored === undefined ? "" : String(stored));
  // A score held as text (restored from a local draft) shows its error at once.
  const [error, setError] = useState<string | null>(() => (typeof stored === "string" ? "得分有误，请改正" : null));
  // The score changed from elsewhere (a restored draft, the other version): the box shows it unless its own text
  // already means it.
  const [shownScore, setShownScore] = useState(stored);
  if (stored !== shownScore) {
    setShownScore(stored);
    const own = text.trim() === "" ? null : Number(text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim());
    const meansScore = typeof stored === "string" ? stored === text : own === (stored ?? null);
    if (!meansScore) {
      setText(stored === null || stored === undefined ? "" : String(stored));
      setError(typeof stored === "string" ? "得分有误，请改正" : null);
    }
  }
  const serverError = form.formState.errors.score?.message;
  const shown = error ?? serverError;
  const max = def.score?.max ?? def.criterion?.maxScore;
  const item = sheet?.items.find((i) => i.code === def.criterion?.code);

  const onText = (raw: string) => {
    setText(raw);
    const clean = raw.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
    if (!clean) {
      setError(null);
      form.setValue("score", null, { shouldDirty: true });
      return;
    }
    const value = Number(clean);
    const problem = !/^\d+(\.\d+)?$/.test(clean) ? "请输入数字" : max !== undefined ? scoreProblem(value, max, def.score?.step) : null;
    setError(problem);
    // A refused score goes to the form as its text, which the section's schema refuses: nothing is saved, and the
    // last valid score ("2" on the way to "2.5") does not pass for it (the same rule as a figure, figure-fields.tsx).
    form.setValue("score", problem ? (raw as unknown as number) : value, { shouldDirty: true });
  };

  return (
    <section aria-labelledby={id("score-title")} className="space-y-3 rounded-lg border border-slate-200 p-4" data-testid="score-field">
      <h3 id={id("score-title")} className="text-sm font-semibold text-slate-800">
        自评得分{max !== undefined ? <span className="font-normal text-slate-500">（满分 {max} 分{def.score?.step ? `，按 ${def.score.step} 分计` : ""}）</span> : null}
      </h3>
      {def.score?.rule ? (
        <p className="text-sm text-slate-700" data-testid="rule-score">
          <span className="text-lg font-semibold tabular-nums text-slate-900">{item?.score ? `${scoreText(item.score)} 分` : "—"}</span>
          <span className="ml-2 text-slate-500">{item?.note ?? "按方案规则由指标自动计分"}</span>
        </p>
      ) : (
        <div className="flex flex-wrap items-start gap-6">
          <div className="space-y-1">
            <label htmlFor={id("score")} className="block text-sm text-slate-700">
              得分
            </label>
            <input
              id={id("score")}
              inputMode="decimal"
              autoComplete="off"
              readOnly={readOnly}
              value={text}
              aria-invalid={!!shown}
              aria-describedby={shown ? `${id("score")}-error` : undefined}
              className={`${inputClass} w-28 text-right tabular-nums`}
              onChange={(e) => onText(e.target.value.slice(0, 12))}
            />
            {shown ? (
              <p id={`${id("score")}-error`} role="alert" className="text-xs text-red-700">
                {shown}
              </p>
            ) : null}
          </div>
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor={id("scoreBasis")} className="block text-sm text-slate-700">
              评分依据<span className="text-slate-400">（扣分时必填）</span>
            </label>
            <GrowingTextarea id={id("scoreBasis")} rows={2} readOnly={readOnly} className={`${inputClass} leading-6`} {...form.register("scoreBasis")} />
          </div>
        </div>
      )}
      {sheet ? <ScoreTotals sheet={sheet} groupCode={item?.groupCode} /> : null}
    </section>
  );
}

/** "本组小计 1.8 / 3 分 · 总分 2.7 / 3 分 · 等次 优秀", recomputed as scores are typed anywhere in the report. */
export function ScoreTotals({ sheet, groupCode }: { sheet: ScoreSheet; groupCode?: string }) {
  const group = groupCode ? sheet.groups.find((g) => g.code === groupCode) : undefined;
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="score-totals">
      {group ? (
        <span>
          本组小计 <b className="tabular-nums text-slate-900" data-testid="group-sum">{scoreText(group.sum)}</b>
          {group.max !== null ? ` / ${group.max}` : ""} 分
        </span>
      ) : null}
      <span>
        总分 <b className="tabular-nums text-slate-900" data-testid="score-total">{scoreText(sheet.total)}</b> / {sheet.max} 分
      </span>
      <span>
        等次{" "}
        <b className="text-slate-900" data-testid="score-grade">
          {sheet.grade?.label ?? (sheet.open ? `待评（还有 ${sheet.open} 项未评分）` : "待定")}
        </b>
      </span>
    </p>
  );
}
