import type { Metadata } from "next";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { roleLabel } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { getCountyOverview } from "@/lib/regions/server/queries";

export const metadata: Metadata = { title: "本县工作台" };

export default async function CountyPage() {
  const actor = await requireActor();
  const county = await getCountyOverview(getDb(), actor);
  const chain = [county.parent?.parent?.name, county.parent?.name, county.name].filter(Boolean).join(" / ");
  return (
    <>
      <PageHeader title={`${county.name}工作台`} description={`${chain} · 行政区划代码 ${county.code}`} />
      <div className="grid gap-6 md:grid-cols-3">
        <Card title="我的角色" className="md:col-span-1">
          <p className="text-sm text-slate-700">{roleLabel(actor.role)}</p>
          <p className="mt-2 text-sm text-slate-500">
            {actor.role === "county_lead"
              ? "您负责审核本县自评报告，并在“提交前检查”通过后提交给市级督导。"
              : "您负责填写本县自评报告的各部分内容和数据，由本县审核员审核提交。"}
          </p>
        </Card>
        <Card title={`本县账号（${county.users.length}）`} className="md:col-span-2">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 font-normal">姓名</th>
                <th className="py-1 font-normal">用户名</th>
                <th className="py-1 font-normal">角色</th>
              </tr>
            </thead>
            <tbody>
              {county.users.map((u) => (
                <tr key={u.id} className="border-t border-slate-100">
                  <td className="py-2">
                    {u.name} {u.id === actor.userId ? <Badge tone="blue">我</Badge> : null}
                  </td>
                  <td className="py-2 text-slate-600">{u.username}</td>
                  <td className="py-2">{roleLabel(u.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3 text-xs text-slate-500">需要增加或停用账号，请联系系统管理员。</p>
        </Card>
      </div>
    </>
  );
}
