import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { createAuth, type Auth } from "@/lib/auth/server/auth";
import { toActor, type Actor } from "@/lib/auth/actor";
import { lookupActor } from "@/lib/auth/server/session-lookup";
import { getDb } from "@/lib/db/client";
import { clientAddressOf } from "@/lib/server/client-address";
import { env } from "@/lib/server/env";
import { PEER_HEADER } from "@/lib/server/request-hooks";

const globalForAuth = globalThis as unknown as { __auth?: Auth };

export function getAuth(): Auth {
  globalForAuth.__auth ??= createAuth(getDb());
  return globalForAuth.__auth;
}

/**
 * The signed-in actor for this request, or null. The session, role and region are read from the database each
 * request (lib/auth/session-lookup.ts); better-auth handles only sessions that must be renewed or cleaned up.
 * The cookies are read through `cookies()`, which after a server action renewed the session (password change) has
 * the new token while the raw Cookie header still has the revoked one.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const found = await lookupActor(getDb(), getAuth(), (name) => jar.get(name)?.value);
  return found === "delegate" ? actorThroughBetterAuth() : found;
});

async function actorThroughBetterAuth(): Promise<Actor | null> {
  const session = await getAuth().api.getSession({ headers: await requestHeaders() });
  if (!session) return null;
  const user = await getDb().user.findUnique({ where: { id: session.user.id }, include: { region: true } });
  return user ? toActor(user) : null;
}

/** The request's headers with the cookies as they are *now* (see getActor). */
async function requestHeaders(): Promise<Headers> {
  const h = new Headers(await headers());
  h.set("cookie", (await cookies()).toString());
  return h;
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** The client's address: the TCP peer, or what trusted proxies say (TRUST_PROXY, lib/server/client-address.ts). */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return clientAddressOf(h.get(PEER_HEADER), h.get("x-forwarded-for"), env().TRUST_PROXY).slice(0, 64);
}
