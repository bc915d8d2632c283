import type { Metadata } from "next";
import { CreateRegionForm, ImportRegionsForm } from "@/components/admin/region-forms";
import { RegionTree } from "@/components/admin/region-tree";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { listRegions } from "@/lib/regions/server/service";

export const metadata: Metadata = { title: "行政区划" };

export default async function RegionsPage() {
  const actor = await requireActor();
  const regions = await listRegions(getDb(), actor);
  const depthOf = (path: string) => path.split("/").length - 3 - (actor.region.path.split("/").length - 3);
  const rows = regions.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode,
    depth: depthOf(r.path),
    users: r._count.users,
    children: r._count.children,
    own: r.code === actor.region.code,
  }));
  const parents = regions.filter((r) => r.level !== "county").map((r) => ({ code: r.code, name: r.name, level: r.level }));
  return (
    <>
      <PageHeader title="行政区划" description={`${actor.region.name}及其下级区划（${regions.length} 个）`} />
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <RegionTree rows={rows} parents={parents} />
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Card title="添加区划">
            <CreateRegionForm parents={parents} />
          </Card>
          <Card title="从 CSV 导入">
            <ImportRegionsForm />
          </Card>
        </div>
      </div>
    </>
  );
}
