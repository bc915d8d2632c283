import type { Metadata } from "next";
import { SchemeUploadForm } from "@/components/admin/scheme-upload-form";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { regionsInScope } from "@/lib/auth/server/scope";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { listSchemes, SCHEME_MAX_BYTES } from "@/lib/schemes/server/service";
import { formatDateTime } from "@/lib/dates";
import { ActionsHeader } from "@/components/ui/table";
import { SchemeCopyButton } from "@/components/admin/scheme-copy-button";
import { Alert } from "@/components/ui/alert";
import { hasPermission } from "@/lib/auth/roles";
import { listDrafts } from "@/lib/schemes/server/drafts";
import Link from "next/link";

export const metadata: Metadata = { title: "评价方案" };


export default async function SchemesPage({ searchParams }: { searchParams: Promise<{ published?: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const { published } = await searchParams;
  const { all } = await listSchemes(db);
  const drafts = hasPermission(actor.role, "scheme:manage") ? (await listDrafts(db, actor)).filter((d) => !d.publishedSchemeId) : [];
  // Schemes are shared by every region, but reports belong to counties: count only the reports in the admin's reach.
  const usage = await db.report.groupBy({ by: ["schemeId"], where: { county: regionsInScope(actor) }, _count: { _all: true } });
  const reports = new Map(usage.map((u) => [u.schemeId, u._count._all]));
  return (
    <>
      <PageHeader title="评价方案" description={`已保存 ${all.length} 个方案版本；报告数只统计${actor.region.name}范围内的报告`} />
      {published ? <Alert tone="success">已发布评价方案「{published.slice(0, 200)}」，县里此后新建的报告可选用它。</Alert> : null}
      {drafts.length > 0 ? (
        <Card title="草稿" className="mb-6">
          <ul className="divide-y divide-slate-100 text-sm" aria-label="评价方案草稿">
            {drafts.map((d) => (
              <li key={d.id} className="flex items-center justify-between py-2">
                <span>
                  {d.header.title} <span className="text-xs text-slate-500">{d.regionName} · 修改于 {formatDateTime(d.updatedAt)}</span>
                </span>
                <Link href={`/admin/schemes/drafts/${d.id}`} className="text-brand-600 hover:underline">
                  编辑
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="overflow-x-auto lg:col-span-3">
          <table className="w-full text-left text-sm" aria-label="评价方案列表">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-2 font-normal">方案</th>
                <th className="py-1 pr-2 font-normal">年度</th>
                <th className="py-1 pr-2 font-normal">来源</th>
                <th className="py-1 pr-2 font-normal">保存时间</th>
                <th className="py-1 pr-2 text-right font-normal">报告数</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {all.map((s) => (
                <tr key={s.id} className="border-t border-slate-100 align-top">
                  <td className="py-2 pr-2">
                    <div>{s.title}</div>
                    <div className="font-mono text-xs text-slate-500">
                      {s.code} · 第 {s.version} 版
                    </div>
                  </td>
                  <td className="py-2 pr-2">{s.year}</td>
                  <td className="py-2 pr-2">{s.builtin ? <Badge tone="blue">内置</Badge> : <Badge>上传</Badge>}</td>
                  <td className="whitespace-nowrap py-2 pr-2 text-slate-600">{formatDateTime(s.createdAt)}</td>
                  <td className="py-2 pr-2 text-right tabular-nums">{reports.get(s.id) ?? 0}</td>
                  <td className="py-2 text-right">
                    <a href={`/api/schemes/${s.id}`} download className="text-brand-600 hover:underline">
                      下载
                    </a>
                    <a href={`/api/schemes/${s.id}/xlsx`} download className="ml-2 text-brand-600 hover:underline">
                      Excel 细则
                    </a>
                    {hasPermission(actor.role, "scheme:manage") ? (
                      <div>
                        <SchemeCopyButton schemeId={s.id} title={s.title} />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        {hasPermission(actor.role, "region:manage") ? (
          <Card title="上传评价方案" className="lg:col-span-2">
            <SchemeUploadForm maxBytes={SCHEME_MAX_BYTES} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
