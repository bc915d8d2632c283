import "server-only";
// Login throttling, stored in the database so that it holds across several app instances.
// Per account: 5 failures in 15 minutes lock the account's sign-in for the rest of the window (brute force on
// one account). Per client address: 30 failures in 15 minutes (password spraying across accounts).
// An attempt is counted *before* its password is checked: reserveAttempt checks the counts and records the attempt
// in one atomic step (lib/db/queries/login-throttle.ts), so attempts sent at once cannot all slip under the limit.
// A right password then removes the account's failures; an attempt the server could not evaluate is taken back.
import type { Db } from "@/lib/db/connect";
import { deleteLoginAttempts, deleteLoginFailuresOf, withThrottleKeysLocked } from "@/lib/db/queries/login-throttle";
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

/** A counted attempt: it stays a failure unless the password was right (`succeeded`) or not evaluated (`withdraw`). */
export type Attempt = { succeeded(): Promise<void>; withdraw(): Promise<void> };

/** Refuses (THROTTLED) when the account or the address is over its limit; otherwise counts this attempt. */
export async function reserveAttempt(db: Db, username: string, ip: string, now = new Date()): Promise<Attempt> {
  const account = accountKey(username);
  const address = addressKey(ip);
  const ids = await withThrottleKeysLocked(db, [account, address], windowStart(now), async (tx) => {
    const failures = await tx.failureTimes(account);
    if (failures.length >= THROTTLE.perAccount) {
      const unlock = failures[failures.length - THROTTLE.perAccount].getTime() + THROTTLE.windowMinutes * 60_000;
      const minutes = Math.max(1, Math.ceil((unlock - now.getTime()) / 60_000));
      throw new AppError("THROTTLED", `登录失败次数过多，该账号已暂时锁定，请 ${minutes} 分钟后再试`);
    }
    if ((await tx.failureCount(address)) >= THROTTLE.perAddress) {
      throw new AppError("THROTTLED", `登录失败次数过多，请 ${THROTTLE.windowMinutes} 分钟后再试`);
    }
    return tx.record([account, address], now);
  });
  return {
    succeeded: async () => {
      await deleteLoginFailuresOf(db, account);
      await deleteLoginAttempts(db, ids);
    },
    withdraw: () => deleteLoginAttempts(db, ids),
  };
}
