import "server-only";
// Read models for the start pages: always through the scope builders.
import type { Db } from "@/lib/db/connect";
import { reachesPath, type Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import { notFound } from "@/lib/errors";

/** The counties a reviewer reaches, each with its city and its number of active accounts. */
export async function listCountiesInScope(db: Db, actor: Actor, q?: string) {
  requirePermission(actor, "review:dashboard");
  const name = q?.trim().slice(0, 20);
  const counties = await db.region.findMany({
    where: { AND: [countiesInScope(actor), name ? { name: { contains: name } } : {}] },
    orderBy: { path: "asc" },
    include: {
      parent: { select: { code: true, name: true } },
      _count: { select: { users: { where: { disabled: false } } } },
    },
  });
  return counties.map((c) => ({
    code: c.code,
    name: c.name,
    city: c.parent ? { code: c.parent.code, name: c.parent.name } : null,
    activeUsers: c._count.users,
  }));
}

/** A county user's own county, its parent chain and its team. */
export async function getCountyOverview(db: Db, actor: Actor) {
  requirePermission(actor, "county:view");
  const county = await db.region.findUnique({
    where: { code: actor.region.code },
    include: {
      parent: { include: { parent: true } },
      users: { where: { disabled: false }, orderBy: { username: "asc" }, select: { id: true, name: true, username: true, role: true } },
    },
  });
  if (!county || !reachesPath(actor, county.path)) throw notFound("本县信息");
  return county;
}
