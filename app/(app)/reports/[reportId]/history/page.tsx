import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreButton } from "@/components/report/restore-button";
import { Card, PageHeader } from "@/components/ui/page";
import { hasPermission } from "@/lib/auth/roles";
import { listProvenance } from "@/lib/assignments/server/provenance";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { contentAsText } from "@/lib/report/as-text";
import { evaluateReport } from "@/lib/report/evaluate";
import { figureWords } from "@/lib/report/figure-words";
import { loadSections } from "@/lib/report/server/repository";
import { emptyContent } from "@/lib/report/content";
import { getReportAccess } from "@/lib/auth/server/guards";
import { getRevisionWithCurrent, listRevisions } from "@/lib/report/server/history";
import { sectionsOf } from "@/lib/report/sections";
import { isEditableStatus } from "@/lib/report/status";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "历史版本" };

function Lines({ text, other, tone }: { text: string; other: string; tone: "old" | "new" }) {
  const others = new Set(other.split("\n"));
  return (
    <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-3 font-sans text-sm leading-6">
      {text.split("\n").map((line, i) => (
        <span key={i} className={`block ${!others.has(line) && line.trim() ? (tone === "old" ? "bg-red-50 text-red-900" : "bg-emerald-50 text-emerald-900") : ""}`}>
          {line || "\u00a0"}
        </span>
      ))}
    </pre>
  );
}

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ reportId: string }>; searchParams: Promise<{ rev?: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const { rev } = await searchParams;
  const db = getDb();
  const report = await getReportAccess(db, actor, reportId.slice(0, 64), "report:read").catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const [revisions, provenance] = await Promise.all([listRevisions(db, actor, report.id), listProvenance(db, actor, report.id)]);
  const sections = sectionsOf(report.schemeDef);
  const heading = new Map(sections.map((s) => [s.key, s.heading]));
  const selected = rev && /^\d+$/.test(rev) ? await getRevisionWithCurrent(db, actor, report.id, Number(rev)).catch(() => null) : null;
  const def = selected ? sections.find((s) => s.key === selected.revision.sectionKey) : undefined;
  const canRestore = hasPermission(actor.role, "report:edit") && isEditableStatus(report.status);
  // Figures in the prose print as values: the selected version's with its own section's figures, the current one's
  // with today's (the other sections as they are now).
  const { contents } = selected ? await loadSections(db, report.schemeDef, report.id) : { contents: {} };
  const wordsNow = figureWords(report.schemeDef, evaluateReport(report.schemeDef, contents));
  const wordsThen = selected ? figureWords(report.schemeDef, evaluateReport(report.schemeDef, { ...contents, [selected.revision.sectionKey]: selected.revision.content })) : wordsNow;
  return (
    <>
      <PageHeader
        title="历史版本"
        description={
          <Link href={`/reports/${report.id}`} className="text-brand-600 hover:underline">
            ← 返回 {report.county.name} {report.year} 年自评报告
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Card>
          <ol className="space-y-1 text-sm" aria-label="保存记录">
            {revisions.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/reports/${report.id}/history?rev=${r.id}`}
                  aria-current={selected?.revision.id === r.id ? "page" : undefined}
                  className={`block rounded-md px-2 py-1.5 ${selected?.revision.id === r.id ? "bg-brand-50 text-brand-800" : "hover:bg-slate-100"}`}
                >
                  <span className="block truncate">{heading.get(r.sectionKey) ?? r.sectionKey}</span>
                  <span className="text-xs text-slate-500">
                    第 {r.version} 版 · {r.author?.name ?? "—"} · {formatDateTime(r.createdAt, "short-seconds")}
                    {r.note ? ` · ${r.note}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </Card>
        {selected && def ? (
          <div className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 className="text-base font-semibold text-slate-900">{def.heading}</h2>
              {canRestore && selected.current?.version !== selected.revision.version ? (
                <RestoreButton reportId={report.id} revisionId={selected.revision.id} version={selected.revision.version} sectionKey={def.key} />
              ) : null}
            </div>
            <div className="grid gap-4 md:grid-cols-2">
              {(() => {
                const old = contentAsText(def, selected.revision.content, wordsThen);
                const now = contentAsText(def, selected.current?.content ?? emptyContent[def.kind](), wordsNow);
                return (
                  <>
                    <section aria-label="所选版本">
                      <h3 className="mb-1 text-sm text-slate-600">第 {selected.revision.version} 版（{selected.revision.author?.name ?? "—"}，{formatDateTime(selected.revision.createdAt, "short-seconds")}）</h3>
                      <Lines text={old} other={now} tone="old" />
                    </section>
                    <section aria-label="当前版本">
                      <h3 className="mb-1 text-sm text-slate-600">当前（第 {selected.current?.version ?? 0} 版）</h3>
                      <Lines text={now} other={old} tone="new" />
                    </section>
                  </>
                );
              })()}
            </div>
          </div>
        ) : (
          <Card>
            <p className="text-sm text-slate-500">每次保存都会留下一个版本。从左侧选择一个版本，与当前内容并排比较，必要时恢复。</p>
          </Card>
        )}
      </div>
      <Card title="数据与段落的填写来源" className="mt-6">
        <p className="mb-3 text-xs text-slate-500">每项数据、每段文字最后由哪个单位的谁修改（只在系统中查看，Word 文件不打印）。</p>
        {provenance.length === 0 ? (
          <p className="text-sm text-slate-500">还没有记录。</p>
        ) : (
          <div className="max-h-[32rem] overflow-y-auto">
            <table className="w-full text-left text-sm" aria-label="填写来源">
              <thead className="sticky top-0 bg-white text-xs text-slate-500">
                <tr>
                  <th className="py-1.5 pr-3 font-medium">部分</th>
                  <th className="py-1.5 pr-3 font-medium">数据 / 段落</th>
                  <th className="py-1.5 pr-3 font-medium">单位</th>
                  <th className="py-1.5 pr-3 font-medium">修改人</th>
                  <th className="py-1.5 font-medium">时间</th>
                </tr>
              </thead>
              <tbody>
                {provenance
                  .filter((p) => !def || p.sectionKey === def.key)
                  .map((p) => (
                    <tr key={`${p.sectionKey}/${p.field}`} className="border-t border-slate-100">
                      <td className="py-1.5 pr-3 text-slate-600">{p.heading}</td>
                      <td className="py-1.5 pr-3">{p.label}</td>
                      <td className="py-1.5 pr-3">{p.office}</td>
                      <td className="py-1.5 pr-3">{p.userName}</td>
                      <td className="py-1.5 text-xs text-slate-500">{formatDateTime(p.changedAt, "short-seconds")}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
