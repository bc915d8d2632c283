"use client";
import type { Finding } from "@/lib/report/precheck";
import type { SectionDef } from "@/lib/report/sections";

/** 提交前检查: every finding with a link that opens its section and focuses the field. */
export function PrecheckPanel({ findings, sections, onGo }: { findings: Finding[]; sections: SectionDef[]; onGo: (f: Finding) => void }) {
  const title = new Map(sections.map((s) => [s.key, s.heading]));
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.sectionKey, [...(groups.get(f.sectionKey) ?? []), f]);
  return (
    <article aria-labelledby="precheck-title" className="space-y-4">
      <header className="border-b border-slate-100 pb-4">
        <h2 id="precheck-title" className="text-lg font-semibold text-slate-900">
          提交前检查
        </h2>
        <p className="mt-1 text-sm text-slate-500">
          检查必填部分、数据是否齐全和一致、未达标指标是否列为问题、每个问题是否有措施及牵头单位和完成时限。
        </p>
      </header>
      {findings.length === 0 ? (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800" role="status">
          全部检查通过，可以提交审核。
        </p>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-amber-800" role="status">
            {findings.some((f) => f.severity === "error")
              ? `还有 ${findings.filter((f) => f.severity === "error").length} 项必须处理后才能提交`
              : "没有必须处理的问题，以下内容请核对"}
            {findings.some((f) => f.severity === "warning") ? `（另有 ${findings.filter((f) => f.severity === "warning").length} 处文字与数据可能不一致，请核对）` : ""}：
          </p>
          {[...groups.entries()].map(([key, list]) => (
            <section key={key}>
              <h3 className="mb-1 text-sm font-medium text-slate-700">{title.get(key) ?? key}</h3>
              <ul className="space-y-1">
                {list.map((f, i) => (
                  <li key={i} className="flex items-baseline gap-2">
                    <span className={`shrink-0 rounded px-1 text-xs ${f.severity === "error" ? "bg-red-50 text-red-700" : "bg-amber-50 text-amber-700"}`}>
                      {f.severity === "error" ? "必须处理" : "请核对"}
                    </span>
                    <button type="button" className="text-left text-sm text-brand-700 hover:underline" onClick={() => onGo(f)}>
                      {f.message}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </article>
  );
}
