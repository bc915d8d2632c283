"use client";
import type { Finding } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";
import { EXPLAIN_LABELS } from "@/lib/report/explanations";

/** The badge of a finding: 必须处理 / 说明未被接受 block; 已说明 / 说明已接受 are answered blockers; 请核对 / 已忽略 are
 *  prose warnings. */
function badge(f: Finding): { text: string; tone: string } {
  if (f.severity === "error") return f.explain?.state === "rejected" ? { text: EXPLAIN_LABELS.rejected, tone: "bg-red-100 text-red-800" } : { text: "必须处理", tone: "bg-red-50 text-red-700" };
  if (f.severity === "explained") return f.explain?.state === "accepted" ? { text: EXPLAIN_LABELS.accepted, tone: "bg-emerald-50 text-emerald-700" } : { text: EXPLAIN_LABELS.explained, tone: "bg-amber-100 text-amber-800" };
  if (f.severity === "dismissed") return { text: "已忽略", tone: "bg-slate-100 text-slate-600" };
  return { text: "请核对", tone: "bg-amber-50 text-amber-700" };
}

/** 提交前检查: every finding with a link that opens its section and focuses the field. */
/** `titles`: headings of findings about things outside the scheme's sections (the 上年整改事项 checklist). */
export function PrecheckPanel({ findings, sections, onGo, titles = {} }: { findings: Finding[]; sections: SectionDef[]; onGo: (f: Finding) => void; titles?: Record<string, string> }) {
  const title = new Map([...Object.entries(titles), ...sections.map((s): [string, string] => [s.key, s.heading])]);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.sectionKey, [...(groups.get(f.sectionKey) ?? []), f]);
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  const errors = count("error");
  return (
    <article aria-labelledby="precheck-title" className="space-y-4">
      <header className="border-b border-slate-100 pb-4">
        <h2 id="precheck-title" className="text-lg font-semibold text-slate-900">
          提交前检查
        </h2>
        <p className="mt-1 text-sm text-slate-500">
          检查必填部分、数据是否齐全和一致、未达标指标是否列为问题、每个问题是否有措施及牵头单位和完成时限。核对不一致或未达标而数据确实如此的，可作出情况说明，不必修改数据。
        </p>
      </header>
      {findings.length === 0 ? (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800" role="status">
          全部检查通过，可以提交审核。
        </p>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-amber-800" role="status">
            {errors ? `还有 ${errors} 项必须处理后才能提交` : "没有必须处理的问题，以下内容请核对"}
            {count("explained") ? `；${count("explained")} 项已作情况说明` : ""}
            {count("warning") ? `（另有 ${count("warning")} 处文字与数据可能不一致，请核对）` : ""}
            {count("dismissed") ? `；已忽略 ${count("dismissed")} 处提示` : ""}：
          </p>
          {[...groups.entries()].map(([key, list]) => (
            <section key={key}>
              <h3 className="mb-1 text-sm font-medium text-slate-700">{title.get(key) ?? key}</h3>
              <ul className="space-y-1">
                {list.map((f, i) => {
                  const b = badge(f);
                  return (
                    <li key={i} className="flex items-baseline gap-2">
                      <span className={`shrink-0 rounded px-1 text-xs ${b.tone}`}>{b.text}</span>
                      <span className="min-w-0">
                        <button type="button" className={`text-left text-sm hover:underline ${f.severity === "dismissed" ? "text-slate-500" : "text-brand-700"}`} onClick={() => onGo(f)}>
                          {f.message}
                        </button>
                        {f.explain?.text ? <span className="block text-xs text-slate-600">情况说明：{f.explain.text}</span> : null}
                        {f.explain?.review?.decision === "rejected" ? <span className="block text-xs text-red-700">督导意见（{f.explain.review.by}）：{f.explain.review.comment}</span> : null}
                        {f.severity === "dismissed" && f.dismiss?.reason ? <span className="block text-xs text-slate-500">忽略理由：{f.dismiss.reason}</span> : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </article>
  );
}
