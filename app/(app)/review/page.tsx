import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { regionLevelLabel } from "@/lib/regions/levels";
import { requireActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listCountiesInScope } from "@/lib/regions/queries";

export const metadata: Metadata = { title: "辖区概览" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requireActor();
  const { q } = await searchParams;
  const query = typeof q === "string" ? q : "";
  const counties = await listCountiesInScope(getDb(), actor, query);
  const byCity = new Map<string, { name: string; counties: typeof counties }>();
  for (const c of counties) {
    const key = c.city?.code ?? "-";
    if (!byCity.has(key)) byCity.set(key, { name: c.city?.name ?? "（无上级）", counties: [] });
    byCity.get(key)!.counties.push(c);
  }
  return (
    <>
      <PageHeader
        title={`${actor.region.name}辖区概览`}
        description={`您以${regionLevelLabel(actor.region.level)}级督导身份审核辖区内 ${counties.length} 个县（市、区）的自评报告。`}
      />
      <form className="mb-4 flex max-w-md gap-2" role="search">
        <label htmlFor="q" className="sr-only">
          按县名筛选
        </label>
        <input id="q" name="q" defaultValue={query} placeholder="按县（市、区）名称筛选" className={inputClass} />
        <Button type="submit" variant="secondary">
          筛选
        </Button>
      </form>
      {counties.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-500">{query ? `没有名称包含“${query}”的县（市、区）。` : "辖区内尚无县级区划。"}</p>
        </Card>
      ) : (
        <div className="space-y-4">
          {[...byCity.entries()].map(([code, city]) => (
            <Card key={code} title={`${city.name}（${city.counties.length} 个县区）`}>
              <table className="w-full text-left text-sm" aria-label={`${city.name}所辖县区`}>
                <thead className="text-slate-500">
                  <tr>
                    <th className="py-1 font-normal">县（市、区）</th>
                    <th className="py-1 font-normal">行政区划代码</th>
                    <th className="py-1 font-normal">在用账号</th>
                  </tr>
                </thead>
                <tbody>
                  {city.counties.map((c) => (
                    <tr key={c.code} className="border-t border-slate-100">
                      <td className="py-2">{c.name}</td>
                      <td className="py-2 text-slate-600">{c.code}</td>
                      <td className="py-2">{c.activeUsers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
