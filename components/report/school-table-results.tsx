"use client";
// The verdict of a per-school table as the county types: 差异系数 per 学段 × 指标 against the ceiling, the schools
// that pass or fail per 学段, and the overall result. Computed in the browser by lib/schools (the same functions the
// precheck and the Word annex use).
import type { SchoolTableResult } from "@/lib/schools";

const CV_STATUS = {
  met: { text: "达标", className: "text-emerald-700" },
  unmet: { text: "未达标", className: "font-medium text-red-700" },
  missing: { text: "无法计算", className: "text-amber-700" },
  none: { text: "—", className: "text-slate-400" },
} as const;

export function SchoolTableResults({ result }: { result: SchoolTableResult }) {
  const verdict =
    result.passed === true
      ? { text: "资源配置达标：各校指标和差异系数均符合要求", className: "border-emerald-200 bg-emerald-50 text-emerald-800" }
      : result.passed === false
        ? { text: "资源配置未达标", className: "border-red-200 bg-red-50 text-red-800" }
        : { text: "尚不能判定：数据不完整", className: "border-amber-200 bg-amber-50 text-amber-800" };
  return (
    <section aria-labelledby="school-table-results" className="space-y-3">
      <h3 id="school-table-results" className="text-sm font-semibold text-slate-800">
        计算结果
      </h3>
      <p data-testid="school-table-verdict" className={`rounded-md border px-3 py-2 text-sm ${verdict.className}`}>
        {verdict.text}
      </p>
      {result.issues.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-800" aria-label="数据问题">
          {result.issues.slice(0, 20).map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
          {result.issues.length > 20 ? <li>另有 {result.issues.length - 20} 处问题</li> : null}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-3 text-sm">
        {result.stages.map((s) => (
          <p key={s.stage} className="rounded-md bg-slate-50 px-3 py-2 text-slate-700">
            {s.label}：{s.schools} 所、学生 {s.pupils} 人；达标 <span className="text-emerald-700">{s.passed}</span> 所，未达标{" "}
            <span className={s.failed ? "font-medium text-red-700" : ""}>{s.failed}</span> 所
            {s.incomplete ? `，数据不全 ${s.incomplete} 所` : ""}
            {s.excluded ? `，不参与计算 ${s.excluded} 所` : ""}
          </p>
        ))}
      </div>
      {result.limits.length ? (
        <ul className="space-y-1 text-sm" aria-label="其他按校核查的要求">
          {result.limits.map((l) => (
            <li key={l.indicator} data-testid={`limit-${l.indicator}`} className={l.status === "unmet" ? "text-red-700" : l.status === "met" ? "text-emerald-700" : "text-amber-700"}>
              {l.label}：{l.status === "met" ? `${l.met} 所学校均符合要求` : l.status === "none" ? "尚无学校数据" : ""}
              {l.unmet.length ? `${l.unmet.length} 所未达到要求（${l.unmet.slice(0, 5).join("、")}${l.unmet.length > 5 ? " 等" : ""}）` : ""}
              {l.missing.length ? `${l.unmet.length ? "；" : ""}${l.missing.length} 所缺少数据` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="overflow-x-auto">
        <table aria-label="差异系数" className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
              <th className="px-2 py-1.5">学段</th>
              <th className="px-2 py-1.5">指标</th>
              <th className="px-2 py-1.5 text-right">全县值</th>
              <th className="px-2 py-1.5 text-right">差异系数</th>
              <th className="px-2 py-1.5 text-right">上限</th>
              <th className="px-2 py-1.5">结果</th>
            </tr>
          </thead>
          <tbody>
            {result.cvs.map((cv) => {
              const status = CV_STATUS[cv.status];
              return (
                <tr key={`${cv.stage}:${cv.indicator}`} className="border-b border-slate-100" title={cv.reason}>
                  <td className="whitespace-nowrap px-2 py-1.5">{cv.stageLabel}</td>
                  <td className="px-2 py-1.5">{cv.label}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{cv.meanDisplay ?? "—"}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{cv.display}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{cv.max.toFixed(2)}</td>
                  <td className={`whitespace-nowrap px-2 py-1.5 ${status.className}`}>{status.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
