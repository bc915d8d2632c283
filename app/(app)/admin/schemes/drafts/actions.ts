"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { copySchemeToDraft, deleteDraft, publishDraft, publishPreview, saveDraft } from "@/lib/schemes/server/drafts";
import { ZDraftCopy, ZDraftId, ZDraftPublish, ZDraftSave } from "@/lib/schemes/drafts";

export const copySchemeAction = action(ZDraftCopy, "scheme:manage", async (input, { db, actor }) => {
  const draft = await copySchemeToDraft(db, actor, input);
  revalidatePath("/admin/schemes");
  return { id: draft.id };
});

export const saveDraftAction = action(ZDraftSave, "scheme:manage", (input, { db, actor }) => saveDraft(db, actor, input));

export const publishPreviewAction = action(ZDraftId, "scheme:publish", (input, { db, actor }) => publishPreview(db, actor, input.id));

export const publishDraftAction = action(ZDraftPublish, "scheme:publish", async (input, { db, actor }) => {
  const row = await publishDraft(db, actor, input);
  revalidatePath("/admin/schemes");
  return { id: row.id, code: row.code, version: row.version, title: row.title };
});

export const deleteDraftAction = action(ZDraftId, "scheme:manage", async (input, { db, actor }) => {
  await deleteDraft(db, actor, input.id);
  revalidatePath("/admin/schemes");
  return { id: input.id };
});
