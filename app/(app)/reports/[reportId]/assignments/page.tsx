import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignForm, type ItemOption } from "@/components/assignments/assign-form";
import { BoardTable } from "@/components/assignments/board-table";
import { ContributorForm } from "@/components/assignments/contributor-form";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/dates";
import { loadBoard } from "@/lib/assignments/server/service";
import { sectionsOf } from "@/lib/report/sections";

export const metadata: Metadata = { title: "分工与进度" };

export default async function AssignmentsPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requireActor();
  const { reportId } = await params;
  const board = await loadBoard(getDb(), actor, reportId.slice(0, 64)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const { report, rows, history, contributors } = board;
  const items: ItemOption[] = sectionsOf(report.schemeDef)
    .filter((s) => s.kind === "narrative" && s.partKind === "criteria")
    .map((s) => ({ key: s.key, heading: s.heading, figures: [...s.inputs, ...s.indicators].map((f) => ({ key: f.key, label: f.label })) }));
  return (
    <div className="space-y-6">
      <PageHeader
        title="分工与进度"
        description={
          <>
            <Link href={`/reports/${report.id}`} className="hover:underline">
              {report.county.name} {report.year} 年自评报告
            </Link>
            ：把评价项目分给各部门填写，跟踪进度，确认或退回。
          </>
        }
        actions={
          <a href={`/api/reports/${report.id}/assignments/export`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
            导出 Excel
          </a>
        }
      />
      <Card title="填报进度">
        <BoardTable rows={rows} />
      </Card>
      <Card title="分配填报任务">
        <AssignForm reportId={report.id} items={items} contributors={contributors.filter((c) => !c.disabled).map((c) => ({ id: c.id, name: c.name, office: c.office }))} />
      </Card>
      <Card title="部门填报人">
        <p className="mb-3 text-sm text-slate-500">为教育局以外的人员创建账号：只能看到并填写分配给本人的项目。</p>
        <ContributorForm />
        {contributors.length ? (
          <ul className="mt-4 text-sm text-slate-700">
            {contributors.map((c) => (
              <li key={c.id}>
                {c.name}（{c.username}）{c.office ? ` · ${c.office}` : ""}
                {c.disabled ? " · 已停用" : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      {history.length ? (
        <Card title="分配记录（已重新分配）">
          <ul className="space-y-1 text-sm text-slate-600">
            {history.map((h) => (
              <li key={h.id}>
                {h.heading} → {h.office}（{h.contributors.map((c) => c.name).join("、") || "未指定填报人"}），{formatDateTime(h.supersededAt)} 重新分配
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
