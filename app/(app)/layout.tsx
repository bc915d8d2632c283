import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { PhraseAccessProvider } from "@/components/review/phrase-access";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { unreadCount } from "@/lib/review/audit/server";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  // One indexed count per page render: the bell's number.
  const unread = await unreadCount(getDb(), actor);
  return (
    <div className="min-h-screen">
      <AppHeader actor={actor} unread={unread} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <PhraseAccessProvider enabled={hasPermission(actor.role, "report:review")}>{children}</PhraseAccessProvider>
      </main>
    </div>
  );
}
