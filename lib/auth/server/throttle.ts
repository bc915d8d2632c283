import "server-only";
// Login throttling, stored in the database so that it holds across several app instances.
// Per account: 5 failures in 15 minutes lock the account's sign-in for the rest of the window (brute force on
// one account). Per client address: 30 failures in 15 minutes (password spraying across accounts).
import type { Db } from "@/lib/db/connect";
import { AppError } from "@/lib/errors";

export const THROTTLE = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 30,
} as const;

export const accountKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

function windowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
}

export async function assertNotThrottled(db: Db, username: string, ip: string, now = new Date()): Promise<void> {
  const since = windowStart(now);
  const [account, address] = await Promise.all([
    db.loginFailure.findMany({
      where: { key: accountKey(username), createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.loginFailure.count({ where: { key: addressKey(ip), createdAt: { gte: since } } }),
  ]);
  if (account.length >= THROTTLE.perAccount) {
    const unlock = account[account.length - THROTTLE.perAccount].createdAt.getTime() + THROTTLE.windowMinutes * 60_000;
    const minutes = Math.max(1, Math.ceil((unlock - now.getTime()) / 60_000));
    throw new AppError("THROTTLED", `登录失败次数过多，该账号已暂时锁定，请 ${minutes} 分钟后再试`);
  }
  if (address >= THROTTLE.perAddress) {
    throw new AppError("THROTTLED", `登录失败次数过多，请 ${THROTTLE.windowMinutes} 分钟后再试`);
  }
}

export async function recordFailure(db: Db, username: string, ip: string, now = new Date()): Promise<void> {
  await db.$transaction([
    db.loginFailure.deleteMany({ where: { createdAt: { lt: windowStart(now) } } }),
    db.loginFailure.createMany({
      data: [
        { key: accountKey(username), createdAt: now },
        { key: addressKey(ip), createdAt: now },
      ],
    }),
  ]);
}

export async function clearAccountFailures(db: Db, username: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: accountKey(username) } });
}
