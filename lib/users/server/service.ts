import "server-only";
// Account administration. Every write checks the admin's reach over both the account and its (new) region,
// runs in one transaction with its audit row, and ends the account's sessions when access is reduced.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/server/password";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { getRegionAccess, getUserAccess, requirePermission } from "@/lib/auth/server/guards";
import { ROLES, roleRegionLevels, type Role } from "@/lib/auth/roles";
import { usersInScope } from "@/lib/auth/server/scope";
import { audit } from "@/lib/audit/server";
import { invalid } from "@/lib/errors";
import { REGION_LEVELS, type RegionLevel } from "@/lib/regions/levels";
import type { TCreateUser, TUpdateUser } from "@/lib/users/schemas";

export const userEmail = (username: string) => `${username.toLowerCase()}@users.invalid`;

export type UserFilter = { q?: string; role?: string; regionCode?: string; status?: "active" | "disabled" };

export async function listUsers(db: Db, actor: Actor, filter: UserFilter = {}) {
  requirePermission(actor, "user:manage");
  const q = filter.q?.trim().slice(0, 40);
  return db.user.findMany({
    where: {
      AND: [
        usersInScope(actor),
        q ? { OR: [{ username: { contains: q.toLowerCase() } }, { name: { contains: q } }] } : {},
        filter.role ? { role: filter.role } : {},
        filter.regionCode ? { regionCode: filter.regionCode } : {},
        filter.status ? { disabled: filter.status === "disabled" } : {},
      ],
    },
    include: { region: true },
    orderBy: [{ region: { path: "asc" } }, { username: "asc" }],
    take: 500,
  });
}

async function regionForRole(db: Db, actor: Actor, regionCode: string, role: Role) {
  const region = await getRegionAccess(db, actor, regionCode, "user:manage");
  const wanted = roleRegionLevels(role);
  if (!wanted.includes(region.level as RegionLevel)) {
    const message = `${ROLES[role].label}须属于${wanted.map((l) => REGION_LEVELS[l].label).join("或")}级区划`;
    throw invalid(message, { regionCode: [message] });
  }
  return region;
}

export async function createUser(db: Db, actor: Actor, input: TCreateUser) {
  const region = await regionForRole(db, actor, input.regionCode, input.role);
  const username = input.username.toLowerCase();
  if (await db.user.findUnique({ where: { username } })) {
    throw invalid(`用户名 ${username} 已被使用`, { username: [`用户名 ${username} 已被使用`] });
  }
  const hash = await hashPassword(input.password);
  const id = randomUUID();
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        id,
        username,
        displayUsername: input.username,
        name: input.name,
        email: userEmail(username),
        role: input.role,
        regionCode: region.code,
      },
    });
    await tx.account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash },
    });
    await audit(tx, actor.userId, "user.create", { type: "user", id }, { username, role: input.role, regionCode: region.code });
    return user;
  });
}

export async function updateUser(db: Db, actor: Actor, input: TUpdateUser) {
  const user = await getUserAccess(db, actor, input.id);
  if (user.id === actor.userId && (input.role !== user.role || input.regionCode !== user.regionCode)) {
    throw invalid("不能修改自己的角色或所属区划，请由其他管理员操作");
  }
  await regionForRole(db, actor, input.regionCode, input.role);
  const reach = input.role !== user.role || input.regionCode !== user.regionCode;
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { name: input.name, role: input.role, regionCode: input.regionCode },
    });
    // A changed role or region changes what the person may see: make them sign in again.
    if (reach) await tx.session.deleteMany({ where: { userId: user.id } });
    await audit(tx, actor.userId, "user.update", { type: "user", id: user.id }, {
      from: { name: user.name, role: user.role, regionCode: user.regionCode },
      to: { name: input.name, role: input.role, regionCode: input.regionCode },
    });
    return updated;
  });
}

export async function setUserDisabled(db: Db, actor: Actor, id: string, disabled: boolean) {
  const user = await getUserAccess(db, actor, id);
  if (user.id === actor.userId) throw invalid("不能停用自己的账号");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { disabled } });
    if (disabled) await tx.session.deleteMany({ where: { userId: id } });
    await audit(tx, actor.userId, disabled ? "user.disable" : "user.enable", { type: "user", id });
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string) {
  const user = await getUserAccess(db, actor, id);
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({
      where: { userId: user.id, providerId: "credential" },
      data: { password: hash },
    });
    if (updated.count === 0) {
      await tx.account.create({
        data: { id: randomUUID(), accountId: user.id, providerId: "credential", userId: user.id, password: hash },
      });
    }
    await tx.session.deleteMany({ where: { userId: user.id } });
    await audit(tx, actor.userId, "user.reset-password", { type: "user", id: user.id });
  });
}
