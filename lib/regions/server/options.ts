import "server-only";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { regionsInScope } from "@/lib/auth/server/scope";

/** Regions in reach as select options, parents before children. */
export async function regionOptions(db: Db, actor: Actor) {
  const regions = await db.region.findMany({ where: regionsInScope(actor), orderBy: { path: "asc" } });
  return regions.map((r) => ({ code: r.code, name: r.name, level: r.level, depth: r.path.split("/").length - 3 }));
}
