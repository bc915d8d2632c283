import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HandInButton } from "@/components/assignments/hand-in-button";
import { ReportEditor } from "@/components/report/report-editor";
import { Badge } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { loadContributorView } from "@/lib/assignments/server/contributor-view";
import { emptyContent, type TNarrativeContent } from "@/lib/report/content";
import { richToPlain } from "@/lib/report/rich-text";
import { sectionsOf } from "@/lib/report/sections";
import { shanghaiDay, CONTRIBUTOR_EDITABLE } from "@/lib/assignments/status";
import { isEditableStatus } from "@/lib/report/status";

export const metadata: Metadata = { title: "填写分配的项目" };

/** A contributor's editor: their items editable, every other item read-only and empty (its content is not sent). */
export default async function ItemsPage({ params, searchParams }: { params: Promise<{ reportId: string }>; searchParams: Promise<{ s?: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const { s } = await searchParams;
  const view = await loadContributorView(getDb(), actor, reportId.slice(0, 64)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const { report } = view;
  const sections = sectionsOf(report.schemeDef);
  const initial = Object.fromEntries(sections.map((d) => [d.key, { version: view.versions[d.key] ?? 0, content: view.contents[d.key] ?? emptyContent[d.kind]() }]));
  const open = isEditableStatus(report.status);
  return (
    <div className="-mx-4 -my-6 bg-slate-100/60 px-4 py-6">
      <p className="text-xs text-slate-500">
        <Link href="/tasks" className="hover:underline">
          我的填报任务
        </Link>{" "}
        / {report.county.name}
      </p>
      <h1 className="mb-3 text-lg font-semibold text-slate-900">
        {report.county.name} {report.year} 年自评报告 · 分配给我的项目
      </h1>
      <div className="mb-4 space-y-3">
        {view.items.map((item) => {
          const last = view.lastYear?.contents[item.sectionKey] as TNarrativeContent | undefined;
          const lastText = last ? richToPlain(last.narrative, () => "〔数据〕").trim() : "";
          return (
            <section key={item.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={`任务：${item.heading}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="space-y-1 text-sm">
                  <h2 className="font-semibold text-slate-900">
                    {item.heading} <Badge tone={item.status === "returned" ? "red" : item.status === "confirmed" || item.status === "handed_in" ? "green" : "blue"}>{item.statusLabel}</Badge>
                  </h2>
                  <p className="text-slate-600">
                    主责单位：{item.office}
                    {item.partners ? `；配合单位：${item.partners}` : ""}
                    {item.dueDate ? (
                      <span className={item.overdue ? "font-medium text-red-700" : ""}>；截止日期：{shanghaiDay(new Date(item.dueDate))}{item.overdue ? "（已逾期）" : ""}</span>
                    ) : null}
                  </p>
                  {item.note ? <p className="text-slate-600">说明：{item.note}</p> : null}
                  {item.status === "returned" && item.returnNote ? <p className="text-red-700">退回意见：{item.returnNote}</p> : null}
                </div>
                {open && CONTRIBUTOR_EDITABLE.includes(item.status) ? <HandInButton assignmentId={item.id} /> : null}
              </div>
              {lastText ? (
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer text-brand-700">{view.lastYear!.year} 年报告中的这一项</summary>
                  <p className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 text-slate-700">{lastText}</p>
                </details>
              ) : null}
            </section>
          );
        })}
      </div>
      <ReportEditor
        reportId={report.id}
        scheme={report.schemeDef}
        readOnly={!open}
        editableKeys={view.editableKeys}
        initial={initial}
        initialSection={s ?? view.keys[0]}
        comments={[]}
        canComment={false}
        evidence={[]}
      />
    </div>
  );
}
