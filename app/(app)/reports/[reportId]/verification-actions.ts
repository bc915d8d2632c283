"use server";
// 核定 and the 督导反馈意见书 (lib/review/verification/server). Each action answers with what the page needs next.
import { action } from "@/lib/http/action";
import { listComments } from "@/lib/review/comments/server";
import { loadFeedback, loadVerification, markFinding, saveFeedbackDraft, saveVerifications, sendFeedback } from "@/lib/review/verification/server";
import { ZFeedbackDraft, ZFeedbackRef, ZMarkFinding, ZSaveVerifications } from "@/lib/review/verification";

export const saveVerificationsAction = action(ZSaveVerifications, "report:review", async (input, { db, actor }) => {
  await saveVerifications(db, actor, input);
  return { rows: (await loadVerification(db, actor, input.reportId)).rows };
});

/** 标为问题 on a thread; answers with the report's threads, like the other comment actions. */
export const markFindingAction = action(ZMarkFinding, "report:review", async (input, { db, actor }) => {
  const reportId = await markFinding(db, actor, input);
  return { threads: await listComments(db, actor, reportId) };
});

export const saveFeedbackAction = action(ZFeedbackDraft, "report:review", async (input, { db, actor }) => saveFeedbackDraft(db, actor, input));

export const sendFeedbackAction = action(ZFeedbackRef, "report:review", async (input, { db, actor }) => {
  await sendFeedback(db, actor, input);
  return { feedback: (await loadFeedback(db, actor, input.reportId)).feedback };
});
