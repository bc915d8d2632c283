import type { Metadata } from "next";
import Link from "next/link";
import { SchemeEditor } from "@/components/admin/scheme-editor/scheme-editor";
import { PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { draftHeader, getDraftAccess, parseDraft } from "@/lib/schemes/server/drafts";

export const metadata: Metadata = { title: "编辑评价方案" };

type Params = { params: Promise<{ draftId: string }> };

export default async function DraftPage({ params }: Params) {
  const { draftId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const draft = await getDraftAccess(db, actor, draftId.slice(0, 64));
  const source = draft.basedOnId ? await db.scheme.findUnique({ where: { id: draft.basedOnId }, select: { title: true, version: true } }) : null;
  const header = draftHeader(draft.definition);
  return (
    <>
      <PageHeader
        title={`编辑评价方案：${header.title}`}
        description={`${draft.region.name} · 草稿${source ? `，复制自《${source.title}》第 ${source.version} 版` : ""}${draft.publishedSchemeId ? " · 已发布（只读）" : ""}`}
        actions={<Link href="/admin/schemes" className="text-sm text-brand-600 hover:underline">返回评价方案</Link>}
      />
      <SchemeEditor draftId={draft.id} version={draft.version} definition={parseDraft(draft.definition)} readOnly={draft.publishedSchemeId !== null} />
    </>
  );
}
