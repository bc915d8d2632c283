"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { createReport } from "@/lib/report/server/service";
import { restoreRevision } from "@/lib/report/server/history";
import { z } from "@/lib/validation";

const ZCreateReport = z.object({
  schemeId: z.string({ error: "请选择评价方案" }).min(1, "请选择评价方案").max(64),
  copyFromId: z.string().max(64).nullable(),
});

export const createReportAction = action(ZCreateReport, "report:edit", async (input, { db, actor }) => {
  const id = await createReport(db, actor, input);
  revalidatePath("/reports");
  return { id };
});

const ZRestore = z.object({ reportId: z.string().min(1).max(64), revisionId: z.number().int().positive() });

export const restoreRevisionAction = action(ZRestore, "report:edit", async (input, { db, actor }) => {
  const outcome = await restoreRevision(db, actor, input.reportId, input.revisionId);
  if (!outcome.ok) return { restored: false as const, message: "该部分刚被他人修改，请刷新后重试" };
  revalidatePath(`/reports/${input.reportId}`);
  return { restored: true as const, version: outcome.version };
});
