import type { Metadata } from "next";
import Link from "next/link";
import { Card, Badge, PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { myTasks } from "@/lib/assignments/server/service";
import { shanghaiDay } from "@/lib/assignments/status";

export const metadata: Metadata = { title: "我的填报任务" };

export default async function TasksPage() {
  const actor = await requireActor();
  const tasks = await myTasks(getDb(), actor);
  return (
    <div>
      <PageHeader title="我的填报任务" description="县里分配给您填写的评价项目。填好后点“已提交本部门”，由县教育局确认。" />
      <Card>
        {tasks.length === 0 ? (
          <p className="text-sm text-slate-500">目前没有分配给您的项目。</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tasks.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <Link href={`/reports/${t.reportId}/items?s=${encodeURIComponent(t.sectionKey)}`} className="font-medium text-brand-700 hover:underline">
                    {t.heading}
                  </Link>
                  <div className="text-xs text-slate-500">
                    {t.reportTitle} · {t.office}
                  </div>
                </div>
                <div className="flex items-center gap-3">
                  {t.dueDate ? <span className={t.overdue ? "font-medium text-red-700" : "text-slate-600"}>截止 {shanghaiDay(new Date(t.dueDate))}{t.overdue ? "（已逾期）" : ""}</span> : null}
                  <Badge tone={t.status === "returned" ? "red" : "slate"}>{t.statusLabel}</Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
