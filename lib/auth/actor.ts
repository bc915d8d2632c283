// The signed-in person as the server sees them: role and region come from the database, never from the client.
import { isRole, type Role } from "@/lib/auth/roles";
import { isRegionLevel, type RegionLevel } from "@/lib/regions/levels";

export type ActorRegion = { code: string; name: string; level: RegionLevel; path: string };

export type Actor = {
  userId: string;
  username: string;
  name: string;
  role: Role;
  region: ActorRegion;
};

type UserWithRegion = {
  id: string;
  username: string;
  name: string;
  role: string;
  disabled: boolean;
  region: { code: string; name: string; level: string; path: string };
};

/** Null for a disabled account or unknown role/level: such a user acts as nobody. */
export function toActor(user: UserWithRegion): Actor | null {
  if (user.disabled || !isRole(user.role) || !isRegionLevel(user.region.level)) return null;
  const { code, name, level, path } = user.region;
  return {
    userId: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    region: { code, name, level: level as RegionLevel, path },
  };
}

/** Whether a region (by its path, "/140000/140800/140823/") is in the actor's reach: its own or one below it. */
export function reachesPath(actor: Actor, regionPath: string): boolean {
  return regionPath.startsWith(actor.region.path);
}
