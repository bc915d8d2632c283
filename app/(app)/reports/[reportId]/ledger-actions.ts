"use server";
// The rectification ledger's actions (lib/review/ledger/server): the county updates an item of its checklist, a
// reviewer 复核s one. The services check role and reach again; the report and ledger pages are refreshed so the
// 提交前检查 and the counts follow.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { reviewLedgerItem, updateLedgerItem } from "@/lib/review/ledger/server";
import { ZReviewLedgerItem, ZUpdateLedgerItem } from "@/lib/review/ledger";

export const updateLedgerItemAction = action(ZUpdateLedgerItem, "report:edit", async (input, { db, actor }) => {
  const item = await updateLedgerItem(db, actor, input);
  revalidatePath("/reports/[reportId]", "page");
  return item;
});

export const reviewLedgerItemAction = action(ZReviewLedgerItem, "report:review", async (input, { db, actor }) => {
  const item = await reviewLedgerItem(db, actor, input);
  revalidatePath("/reports/[reportId]", "page");
  revalidatePath("/review/ledger");
  return item;
});
