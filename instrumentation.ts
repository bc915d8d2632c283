// Next.js runs register() once per server process before it serves requests (the instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The development secret: `next start` run directly (not through `npm start`, which checks first) refuses it
  // under an https APP_URL too, and says loudly that it is in use otherwise.
  const { devSecretVerdict, env } = await import("@/lib/server/env");
  const secret = devSecretVerdict({ dev: process.env.NODE_ENV === "development" });
  if (secret && "refuse" in secret) {
    console.error(`启动失败：${secret.refuse}`);
    process.exit(1);
  }
  if (secret && process.env.EDU_SECRET_WARNED !== "1") console.warn(secret.warn);
  const { installRequestHooks } = await import("@/lib/server/request-hooks");
  installRequestHooks(env().APP_URL);
  // Finds out whether PDF copies can be made here, so /api/health and the report page answer at once and the
  // operator sees it in the start-up log.
  const { pdfRenderer } = await import("@/lib/pdf/server/libreoffice");
  const renderer = pdfRenderer();
  console.log(renderer.available ? `PDF 导出：可用（LibreOffice ${renderer.version}）` : `PDF 导出：不可用（${renderer.reason}）`);
  // 填报提醒 (lib/assignments/server/reminders.ts): safe with several instances, each reminder is claimed once.
  if (process.env.REMINDER_JOB !== "off") {
    const [{ startReminderJob }, { getDb }] = await Promise.all([import("@/lib/assignments/server/reminders"), import("@/lib/db/client")]);
    startReminderJob(getDb);
  }
}
