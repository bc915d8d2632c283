import "server-only";
// Where an actor may act: its own region and every region below it. A county user reaches only its county; a
// city reviewer every county of its city; a province role the whole province. Every scoped read builds its
// `where` here, so the rule is reviewed in one place (the same rule as reachesPath, lib/auth/actor.ts).
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";

/** Regions in the actor's reach (its own and all descendants). */
export function regionsInScope(actor: Actor): Prisma.RegionWhereInput {
  return { path: { startsWith: actor.region.path } };
}

/** Counties in the actor's reach. */
export function countiesInScope(actor: Actor): Prisma.RegionWhereInput {
  return { level: "county", path: { startsWith: actor.region.path } };
}

/** Users whose region is in the actor's reach. */
export function usersInScope(actor: Actor): Prisma.UserWhereInput {
  return { region: regionsInScope(actor) };
}
