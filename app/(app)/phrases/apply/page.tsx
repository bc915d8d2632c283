import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplyCommentForm } from "@/components/review/apply-comment-form";
import { Card, PageHeader } from "@/components/ui/page";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { applyOptions } from "@/lib/review/comments/server";
import { listPhrases } from "@/lib/review/comments/server";

export const metadata: Metadata = { title: "一条意见发给多个县区" };

export default async function ApplyCommentPage({ searchParams }: { searchParams: Promise<{ phrase?: string; section?: string }> }) {
  const actor = await requireActor();
  if (!hasPermission(actor.role, "report:review") || !hasPermission(actor.role, "report:comment")) notFound();
  const { phrase, section } = await searchParams;
  const db = getDb();
  const [options, phrases] = await Promise.all([applyOptions(db, actor), listPhrases(db, actor)]);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="一条意见发给多个县区"
        description={
          <>
            选择方案中的一个部分和辖区内的若干县区，同一条评论会在每个县区的报告中各开一条讨论，并通知该县区的填报人员。{" "}
            <Link href="/phrases" className="text-brand-600 hover:underline">
              ← 常用意见
            </Link>
          </>
        }
      />
      <Card>
        <ApplyCommentForm
          options={options}
          phrases={phrases}
          initial={{ phraseId: typeof phrase === "string" ? phrase : undefined, sectionKey: typeof section === "string" ? section : undefined }}
        />
      </Card>
    </div>
  );
}
