"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { assignItem, confirmItem, createContributor, handIn, sendBack } from "@/lib/assignments/server/service";
import { ZAssign, ZAssignmentRef, ZCreateContributor, ZSendBack } from "@/lib/assignments/status";

export const assignAction = action(ZAssign, "assignment:manage", async (input, { db, actor }) => {
  const id = await assignItem(db, actor, input);
  revalidatePath(`/reports/${input.reportId}/assignments`);
  return { id };
});

export const createContributorAction = action(ZCreateContributor, "assignment:manage", async (input, { db, actor }) => ({
  id: await createContributor(db, actor, input),
}));

export const sendBackAction = action(ZSendBack, "assignment:manage", async (input, { db, actor }) => {
  await sendBack(db, actor, input.assignmentId, input.note);
  return { ok: true };
});

export const confirmAction = action(ZAssignmentRef, "assignment:manage", async (input, { db, actor }) => {
  await confirmItem(db, actor, input.assignmentId);
  return { ok: true };
});

export const handInAction = action(ZAssignmentRef, "report:contribute", async (input, { db, actor }) => {
  await handIn(db, actor, input.assignmentId);
  return { ok: true };
});
