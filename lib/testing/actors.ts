// Actors for tests, loaded from the demo data set the way the session loader does it.
import type { Db } from "@/lib/db/connect";
import { toActor, type Actor } from "@/lib/auth/actor";

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, include: { region: true } });
  const actor = toActor(user);
  if (!actor) throw new Error(`${username} is not an active actor`);
  return actor;
}
