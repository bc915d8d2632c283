import "server-only";
// The region tree: list, create, rename/move, delete — always inside the actor's reach.
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getRegionAccess, requirePermission } from "@/lib/auth/server/guards";
import { regionsInScope } from "@/lib/auth/server/scope";
import { audit } from "@/lib/audit/server";
import { conflict, invalid } from "@/lib/errors";
import { REGION_LEVELS, REGION_LEVEL_KEYS, regionPath, type RegionLevel } from "@/lib/regions/levels";
import type { TCreateRegion, TUpdateRegion } from "@/lib/regions/schemas";

/** The level a child of `parentLevel` has, or null when that level has no children (counties). */
export function childLevel(parentLevel: string): RegionLevel | null {
  return REGION_LEVEL_KEYS.find((level) => REGION_LEVELS[level].parent === parentLevel) ?? null;
}

export async function listRegions(db: Db, actor: Actor) {
  requirePermission(actor, "region:manage");
  return db.region.findMany({
    where: regionsInScope(actor),
    orderBy: { path: "asc" },
    include: { _count: { select: { users: true, children: true } } },
  });
}

export async function createRegion(db: Db, actor: Actor, input: TCreateRegion) {
  const parent = await getRegionAccess(db, actor, input.parentCode, "region:manage");
  const level = childLevel(parent.level);
  if (!level) throw invalid("县级区划下不能再添加下级区划", { parentCode: ["请选择省或市作为上级"] });
  if (await db.region.findUnique({ where: { code: input.code } })) {
    throw invalid(`代码 ${input.code} 已被使用`, { code: [`代码 ${input.code} 已被使用`] });
  }
  return db.$transaction(async (tx) => {
    const region = await tx.region.create({
      data: { code: input.code, name: input.name, level, parentCode: parent.code, path: regionPath(parent.path, input.code) },
    });
    await audit(tx, actor.userId, "region.create", { type: "region", id: region.code }, { name: region.name });
    return region;
  });
}

export async function updateRegion(db: Db, actor: Actor, input: TUpdateRegion) {
  const region = await getRegionAccess(db, actor, input.code, "region:manage");
  if (region.code === actor.region.code && input.parentCode !== region.parentCode) {
    throw invalid("不能移动您自己所属的行政区划");
  }
  const parent = await getRegionAccess(db, actor, input.parentCode, "region:manage");
  if (childLevel(parent.level) !== region.level) {
    const wanted = REGION_LEVELS[region.level as RegionLevel]?.parent;
    throw invalid("上级区划的级别不符", { parentCode: [`${region.name}的上级应为${wanted ? REGION_LEVELS[wanted].label : "（无）"}级区划`] });
  }
  const newPath = regionPath(parent.path, region.code);
  return db.$transaction(async (tx) => {
    const updated = await tx.region.update({
      where: { code: region.code },
      data: { name: input.name, parentCode: parent.code, path: newPath },
    });
    if (newPath !== region.path) {
      // Moving a city moves its counties: rewrite the path prefix of every descendant.
      const descendants = await tx.region.findMany({
        where: { path: { startsWith: region.path }, NOT: { code: region.code } },
      });
      for (const d of descendants) {
        await tx.region.update({ where: { code: d.code }, data: { path: newPath + d.path.slice(region.path.length) } });
      }
    }
    await audit(tx, actor.userId, "region.update", { type: "region", id: region.code }, {
      from: { name: region.name, parentCode: region.parentCode },
      to: { name: input.name, parentCode: parent.code },
    });
    return updated;
  });
}

export async function deleteRegion(db: Db, actor: Actor, code: string) {
  const region = await getRegionAccess(db, actor, code, "region:manage");
  if (region.code === actor.region.code) throw invalid("不能删除您自己所属的行政区划");
  const [children, users] = await Promise.all([
    db.region.count({ where: { parentCode: code } }),
    db.user.count({ where: { regionCode: code } }),
  ]);
  if (children > 0) throw conflict(`${region.name}下还有 ${children} 个下级区划，不能删除`);
  if (users > 0) throw conflict(`${region.name}下还有 ${users} 个用户账号，不能删除`);
  await db.$transaction(async (tx) => {
    await tx.region.delete({ where: { code } });
    await audit(tx, actor.userId, "region.delete", { type: "region", id: code }, { name: region.name });
  });
}
