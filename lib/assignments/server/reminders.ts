import "server-only";
// 填报提醒: once a day each contributor of an open item with a due date hears of it — two days before (due_soon)
// and every day once it is late (overdue). The job runs inside each app instance (started from instrumentation.ts,
// hourly); several instances may run it at once: the reminder row's primary key is the claim
// (lib/db/queries/reminders.ts), so each reminder is sent exactly once per day per contributor.
import type { Db } from "@/lib/db/connect";
import { driverTransaction } from "@/lib/db/driver";
import { claimReminder, insertNotification } from "@/lib/db/queries/reminders";
import { isOverdue, shanghaiDay } from "@/lib/assignments/status";
import { itemHeading } from "@/lib/assignments/server/service";
import { cachedScheme } from "@/lib/schemes/server/service";

const SOON_DAYS = 2;
const DAY_MS = 86_400_000;

export type ReminderKind = "due_soon" | "overdue";

export function reminderKind(a: { dueDate: Date | null; status: string }, now: Date): ReminderKind | null {
  if (!a.dueDate) return null;
  if (isOverdue(a, now)) return "overdue";
  if (a.status === "handed_in" || a.status === "confirmed") return null;
  const days = (Date.parse(shanghaiDay(a.dueDate)) - Date.parse(shanghaiDay(now))) / DAY_MS;
  return days <= SOON_DAYS ? "due_soon" : null;
}

/** One run of the daily job; returns how many reminders this run sent. */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
  const day = shanghaiDay(now);
  const rows = await db.assignment.findMany({
    where: { supersededAt: null, dueDate: { not: null }, status: { in: ["assigned", "in_progress", "returned"] }, report: { status: { in: ["draft", "returned"] } } },
    include: { contributors: { include: { user: { select: { disabled: true } } } }, report: { select: { schemeId: true, county: { select: { name: true } } } } },
  });
  let sent = 0;
  for (const a of rows) {
    const kind = reminderKind(a, now);
    if (!kind) continue;
    const heading = itemHeading(await cachedScheme(db, a.report.schemeId), a.sectionKey, a.figureKey);
    const due = shanghaiDay(a.dueDate!);
    const message = kind === "overdue" ? `“${heading}”已超过截止日期（${due}），请尽快填写并提交` : `“${heading}”将于 ${due} 截止，请按时填写并提交`;
    for (const c of a.contributors) {
      if (c.user.disabled) continue;
      sent += await driverTransaction(db, async (tx) => {
        if ((await claimReminder(tx, { assignmentId: a.id, userId: c.userId, day, kind, now })) === 0) return 0;
        await insertNotification(tx, { userId: c.userId, reportId: a.reportId, sectionKey: a.sectionKey, kind: "reminder", message: `${a.report.county.name}报告${message}`, now });
        return 1;
      });
    }
  }
  return sent;
}

const HOUR_MS = 3_600_000;

/** Starts the job in this process: at start-up and hourly (the claim keeps it to once a day). */
export function startReminderJob(db: () => Db): void {
  const g = globalThis as unknown as { __reminderJob?: NodeJS.Timeout };
  if (g.__reminderJob) return;
  const run = () =>
    sendDueReminders(db()).catch((error) => console.error("填报提醒发送失败：", error instanceof Error ? error.message : error));
  setTimeout(run, 10_000).unref();
  g.__reminderJob = setInterval(run, HOUR_MS);
  g.__reminderJob.unref();
}
