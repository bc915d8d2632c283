"use client";
// The whole score sheet as the county fills it: every item with 满分 and 自评得分 (links to the item), subtotals per
// group, the total after veto effects, the grade, and the scheme's graded results. The same sheet the Word file
// prints as 自评得分表.
import type { ResultView } from "@/lib/report/results";
import { scoreText, type ScoreSheet } from "@/lib/report/scores";
import type { TScheme } from "@/lib/template/schema";
import { groupLabel } from "@/lib/template/numbering";

export function ScoreSheetPanel({ scheme, sheet, results, onGo }: { scheme: TScheme; sheet: ScoreSheet | null; results: ResultView[]; onGo: (sectionKey: string) => void }) {
  if (!sheet && !results.length) return null;
  const grades = new Map((scheme.scoring?.grades ?? []).map((g) => [g.key, g.label]));
  const rows = (items: ScoreSheet["items"]) =>
    items.map((i) => (
      <tr key={i.code} className="border-b border-slate-100">
        <td className="px-2 py-1.5">
          <button type="button" className="text-left text-brand-700 hover:underline" onClick={() => onGo(i.sectionKey)}>
            {i.heading}
          </button>
        </td>
        <td className="px-2 py-1.5 text-right tabular-nums">{scoreText(i.max)}</td>
        <td className={`px-2 py-1.5 text-right tabular-nums ${i.score ? "text-slate-900" : "text-amber-700"}`}>{i.score ? scoreText(i.score) : "未评分"}</td>
        <td className="px-2 py-1.5 text-xs text-slate-600">{[i.note, i.basis].filter(Boolean).join("；")}</td>
      </tr>
    ));
  return (
    <section aria-labelledby="score-sheet-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="score-sheet">
      <h3 id="score-sheet-title" className="text-sm font-semibold text-slate-800">
        自评得分汇总
      </h3>
      {sheet ? (
        <>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm" aria-label="自评得分表">
              <thead>
                <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
                  <th className="px-2 py-1.5">评价内容</th>
                  <th className="px-2 py-1.5 text-right">分值</th>
                  <th className="px-2 py-1.5 text-right">自评得分</th>
                  <th className="px-2 py-1.5">评分依据</th>
                </tr>
              </thead>
              <tbody>
                {scheme.numbering === "grouped" && sheet.groups.length
                  ? sheet.groups.flatMap((g, gi) => [
                      ...rows(sheet.items.filter((i) => i.groupCode === g.code)),
                      <tr key={`sub-${g.code}`} className="border-b border-slate-200 bg-slate-50/70 font-medium" data-testid={`subtotal-${g.code}`}>
                        <td className="px-2 py-1.5">
                          {groupLabel(gi)}
                          {g.title} 小计
                        </td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{g.max ?? "—"}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{scoreText(g.sum)}</td>
                        <td className="px-2 py-1.5 text-xs font-normal text-slate-500">{g.complete ? "" : "尚有未评分的项目"}</td>
                      </tr>,
                    ])
                  : rows(sheet.items)}
                <tr className="bg-brand-50 font-semibold">
                  <td className="px-2 py-1.5">合计</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{scoreText(sheet.max)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums" data-testid="sheet-total">
                    {scoreText(sheet.total)}
                  </td>
                  <td className="px-2 py-1.5 text-xs font-normal text-slate-600">{sheet.effects.some((e) => e.effect === "zeroScore") ? `一票否决：总分计为 0 分（各项合计 ${scoreText(sheet.sum)} 分）` : ""}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="text-sm text-slate-700" data-testid="sheet-sentence">
            {sheet.sentence}
          </p>
          {sheet.effects.map((e) => (
            <p key={e.key} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
              “{e.question}”回答为“是”：{e.effect === "zeroScore" ? "总分计为 0 分" : e.effect === "capGrade" ? `等次最高为${grades.get(e.grade ?? "")}` : `等次定为${grades.get(e.grade ?? "")}`}
            </p>
          ))}
        </>
      ) : null}
      {results.length ? (
        <ul className="space-y-1 text-sm" aria-label="评价结果">
          {results.map((r) => (
            <li key={r.key} data-testid={`result-${r.key}`}>
              {r.title}：<b>{r.decided ? r.label : `待定（最高可达“${r.best}”）`}</b>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
