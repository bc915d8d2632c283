// `npm run reminders [-- --at <ISO time>]`: one run of the daily 填报提醒 job against DATABASE_URL — what every app
// instance does by itself hourly (instrumentation.ts). For an operator who runs instances with REMINDER_JOB=off and
// prefers cron, and for the test that runs two instances at once. Safe to run any number of times a day.
import { getDb } from "@/lib/db/client";
import { sendDueReminders } from "@/lib/assignments/server/reminders";

async function main() {
  const i = process.argv.indexOf("--at");
  const at = i > 0 ? new Date(process.argv[i + 1] ?? "") : new Date();
  if (Number.isNaN(at.getTime())) throw new Error("--at 应为时间，如 2026-12-03T09:00:00+08:00");
  const sent = await sendDueReminders(getDb(), at);
  console.log(`填报提醒：本次发送 ${sent} 条。`);
  await getDb().$disconnect();
}

main().catch((error) => {
  console.error("填报提醒发送失败：", error instanceof Error ? error.message : error);
  process.exit(1);
});
