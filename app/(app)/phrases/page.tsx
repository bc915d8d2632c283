import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PhraseManager } from "@/components/review/phrase-manager";
import { PageHeader } from "@/components/ui/page";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { listPhrases } from "@/lib/review/comments/server";
import { PHRASES_MAX } from "@/lib/review/comments";

export const metadata: Metadata = { title: "常用意见" };

export default async function PhrasesPage() {
  const actor = await requireActor();
  if (!hasPermission(actor.role, "report:review")) notFound();
  const phrases = await listPhrases(getDb(), actor);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="常用意见"
        description={`您自己的评论短语库（最多 ${PHRASES_MAX} 条，仅本人可见）。在报告的评论框中点“常用意见”即可选用；常用的排在前面。`}
        actions={
          <Link href="/phrases/apply" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            一条意见发给多个县区
          </Link>
        }
      />
      <PhraseManager phrases={phrases} />
    </div>
  );
}
