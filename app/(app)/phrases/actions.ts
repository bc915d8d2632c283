"use server";
// The reviewer's comment library (lib/review/comments/server/library.ts) and "one comment to several counties"
// (lib/review/comments/server/apply.ts). Owner and reach are checked by the services, never taken from the client.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { applyComment } from "@/lib/review/comments/server";
import { addPhrase, countPhraseUse, deletePhrase, listPhrases, updatePhrase } from "@/lib/review/comments/server";
import { ZApplyComment, ZPhraseBody, ZPhraseId, ZUpdatePhrase } from "@/lib/review/comments";
import { z } from "@/lib/validation";

export const listPhrasesAction = action(z.object({}), "report:review", async (_input, { db, actor }) => ({ phrases: await listPhrases(db, actor) }));

export const addPhraseAction = action(ZPhraseBody, "report:review", async (input, { db, actor }) => {
  const id = await addPhrase(db, actor, input);
  revalidatePath("/phrases");
  return { id, phrases: await listPhrases(db, actor) };
});

export const updatePhraseAction = action(ZUpdatePhrase, "report:review", async (input, { db, actor }) => {
  await updatePhrase(db, actor, input);
  revalidatePath("/phrases");
  return { id: input.id };
});

export const deletePhraseAction = action(ZPhraseId, "report:review", async (input, { db, actor }) => {
  await deletePhrase(db, actor, input);
  revalidatePath("/phrases");
  return { id: input.id };
});

/** Counted after the comment the phrase filled in has been posted. */
export const countPhraseUseAction = action(ZPhraseId, "report:review", async (input, { db, actor }) => {
  await countPhraseUse(db, actor, input.id);
  return { id: input.id };
});

export const applyCommentAction = action(ZApplyComment, "report:review", async (input, { db, actor }) => {
  const result = await applyComment(db, actor, input);
  revalidatePath("/phrases");
  return result;
});
