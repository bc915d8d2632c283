"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/server/session";

/** Ends the session in the database and clears the cookie; the old cookie is worthless afterwards. */
export async function logoutAction(): Promise<void> {
  try {
    await getAuth().api.signOut({ headers: await headers() });
  } catch {
    // Already signed out (expired or revoked session): nothing to end.
  }
  redirect("/login");
}
