// One guard per resource: load it, check permission and reach on the server, fail closed with 404 so that
// other counties' data is not even confirmed to exist.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/roles";
import { reachesPath } from "@/lib/auth/server/scope";
import { forbidden, notFound } from "@/lib/errors";

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) throw forbidden();
}

export async function getRegionAccess(db: Db, actor: Actor, code: string, permission: Permission) {
  requirePermission(actor, permission);
  const region = await db.region.findUnique({ where: { code } });
  if (!region || !reachesPath(actor, region.path)) throw notFound("行政区划");
  return region;
}

export async function getUserAccess(db: Db, actor: Actor, userId: string) {
  requirePermission(actor, "user:manage");
  const user = await db.user.findUnique({ where: { id: userId }, include: { region: true } });
  if (!user || !reachesPath(actor, user.region.path)) throw notFound("用户");
  return user;
}
