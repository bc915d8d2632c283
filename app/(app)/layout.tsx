import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requireActor } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="min-h-screen">
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
