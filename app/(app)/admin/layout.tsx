import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!(["user:manage", "region:manage", "scheme:manage"] as const).some((p) => hasPermission(actor.role, p))) notFound();
  return children;
}
