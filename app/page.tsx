import { redirect } from "next/navigation";
import { ROLES } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/server/session";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? ROLES[actor.role].startPage : "/login");
}
