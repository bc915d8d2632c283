// 分工 (assignments): what the county lead hands to an office, as the board and the contributor see it. Universal:
// the board, the contributor's page and the server read the same statuses and the same overdue rule.
import { z } from "@/lib/validation";
import { ZDisplayName, ZNewPassword, ZUsername } from "@/lib/users/schemas";

export const ASSIGNMENT_STATUSES = {
  assigned: "未开始",
  in_progress: "填写中",
  handed_in: "已交",
  returned: "已退回",
  confirmed: "已确认",
} as const;
export type AssignmentStatus = keyof typeof ASSIGNMENT_STATUSES;

/** A contributor may change the item while it is theirs: not handed in, not confirmed. */
export const CONTRIBUTOR_EDITABLE: readonly AssignmentStatus[] = ["assigned", "in_progress", "returned"];

export function statusLabel(status: string): string {
  return ASSIGNMENT_STATUSES[status as AssignmentStatus] ?? status;
}

/** Due dates are calendar days in Beijing time: an item due 2026-12-10 is overdue from 2026-12-11 00:00 there. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function isOverdue(a: { dueDate: Date | string | null; status: string }, now: Date): boolean {
  if (!a.dueDate || a.status === "handed_in" || a.status === "confirmed") return false;
  return shanghaiDay(new Date(a.dueDate)) < shanghaiDay(now);
}

const ZOffice = z.string().trim().min(1, "请填写主责单位").max(60, "主责单位最多 60 个字");

export const ZAssign = z.object({
  reportId: z.string().min(1).max(64),
  sectionKey: z.string().min(1).max(120),
  figureKey: z.string().max(80).nullable().default(null),
  office: ZOffice,
  partners: z.string().trim().max(200, "配合单位最多 200 个字").default(""),
  contributorIds: z.array(z.string().min(1).max(64)).max(20).default([]),
  dueDate: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 年-月-日")]).default(""),
  note: z.string().trim().max(500, "说明最多 500 个字").default(""),
});
export type TAssign = z.infer<typeof ZAssign>;

export const ZAssignmentRef = z.object({ assignmentId: z.string().min(1).max(64) });
export const ZSendBack = ZAssignmentRef.extend({ note: z.string().trim().min(1, "请写明退回的原因").max(500, "最多 500 个字") });

export const ZCreateContributor = z.object({ username: ZUsername, name: ZDisplayName, office: ZOffice, password: ZNewPassword });
export type TCreateContributor = z.infer<typeof ZCreateContributor>;

/** One row of the progress board. */
export type BoardRow = {
  id: string;
  sectionKey: string;
  figureKey: string | null;
  heading: string;
  office: string;
  partners: string;
  contributors: { id: string; name: string }[];
  dueDate: string | null;
  note: string;
  status: AssignmentStatus;
  statusLabel: string;
  returnNote: string | null;
  overdue: boolean;
  lastActivityAt: string | null;
};
