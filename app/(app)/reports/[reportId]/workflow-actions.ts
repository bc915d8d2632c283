"use server";
// The review workflow's actions (lib/review/workflow, lib/review/comments/server/answers.ts). The services check role, reach
// and state again; the page is refreshed so the banner, buttons and read-only state follow the new status.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { answerThread, ZAnswer } from "@/lib/review/comments/server";
import { listComments } from "@/lib/review/comments/server";
import { acceptReport, reopenReport, returnReport, reviewExplanation, submitReport } from "@/lib/review/workflow/server";
import { ZAccept, ZReopen, ZReturn, ZReviewExplanation, ZSubmit } from "@/lib/review/workflow";

export const submitReportAction = action(ZSubmit, "report:submit", async (input, { db, actor }) => {
  const result = await submitReport(db, actor, input);
  revalidatePath(`/reports/${input.reportId}`);
  return result;
});

export const returnReportAction = action(ZReturn, "report:review", async (input, { db, actor }) => {
  await returnReport(db, actor, input);
  revalidatePath(`/reports/${input.reportId}`);
  return null;
});

/** The final level takes its acceptance back: the report returns to the county with the reason. */
export const reopenReportAction = action(ZReopen, "report:review", async (input, { db, actor }) => {
  await reopenReport(db, actor, input);
  revalidatePath(`/reports/${input.reportId}`);
  return null;
});

export const acceptReportAction = action(ZAccept, "report:review", async (input, { db, actor }) => {
  const result = await acceptReport(db, actor, input);
  revalidatePath(`/reports/${input.reportId}`);
  return result;
});

export const answerThreadAction = action(ZAnswer, "report:edit", async (input, { db, actor }) => {
  const { reportId } = await answerThread(db, actor, input);
  return { threads: await listComments(db, actor, reportId) };
});

/** A reviewer of the pending level accepts or rejects one 情况说明; answers with the report's current reviews. */
export const reviewExplanationAction = action(ZReviewExplanation, "report:review", async (input, { db, actor }) => {
  const result = await reviewExplanation(db, actor, input);
  revalidatePath(`/reports/${input.reportId}`);
  return result;
});
