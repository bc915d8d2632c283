import "server-only";
// The statements of login throttling (lib/auth/server/throttle.ts). Counting an account's failures and recording a
// new attempt must be one atomic step, or 40 attempts sent at once all count the same 0 failures and all go on to
// be evaluated. One short transaction per attempt: on PostgreSQL it first takes a transaction-level advisory lock
// per throttle key (in a fixed order, so two attempts never wait on each other crosswise); on SQLite its first
// statement is a write, which takes the database's write lock. Either way the next attempt on the same key counts
// after this one has recorded itself.
import type { Db } from "@/lib/db/connect";
import { driverQuery, driverTransaction, sql, type SqlRunner } from "@/lib/db/driver";

/** Advisory locks of this feature use the two-key form with this first key; migrations use the one-key form. */
const LOCK_SPACE = 4711;

export type ThrottleTx = {
  /** When each failure of `key` since `since` happened, oldest first. */
  failureTimes(key: string): Promise<Date[]>;
  failureCount(key: string): Promise<number>;
  /** Records one attempt per key at `now`; returns the new rows' ids. */
  record(keys: string[], now: Date): Promise<number[]>;
};

export async function withThrottleKeysLocked<T>(db: Db, keys: string[], since: Date, work: (tx: ThrottleTx) => Promise<T>): Promise<T> {
  return driverTransaction(db, async (tx: SqlRunner) => {
    if (db.provider === "postgresql") {
      for (const key of [...new Set(keys)].sort()) await tx.run(sql`SELECT pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${key}))`);
    }
    // Old rows go first; on SQLite this write is also what takes the lock.
    await tx.run(sql`DELETE FROM "LoginFailure" WHERE "createdAt" < ${since}`);
    return work({
      failureTimes: async (key) =>
        (await tx.rows<{ createdAt: Date }>(sql`SELECT "createdAt" FROM "LoginFailure" WHERE "key" = ${key} AND "createdAt" >= ${since} ORDER BY "createdAt" ASC`)).map(
          (r) => r.createdAt,
        ),
      failureCount: async (key) => {
        const [row] = await tx.rows<{ n: number }>(sql`SELECT count(*) AS "n" FROM "LoginFailure" WHERE "key" = ${key} AND "createdAt" >= ${since}`);
        return Number(row?.n ?? 0);
      },
      record: async (rowKeys, now) => {
        const ids: number[] = [];
        for (const key of rowKeys) {
          const [row] = await tx.rows<{ id: number }>(sql`INSERT INTO "LoginFailure" ("key", "createdAt") VALUES (${key}, ${now}) RETURNING "id"`);
          ids.push(Number(row.id));
        }
        return ids;
      },
    });
  });
}

/** Removes attempts that turned out not to be failures (a right password, a server error). */
export async function deleteLoginAttempts(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await (await driverQuery(db)).run(sql`DELETE FROM "LoginFailure" WHERE "id" IN (${ids})`);
}

/** Forgets every failure of one key (an account that signed in). */
export async function deleteLoginFailuresOf(db: Db, key: string): Promise<void> {
  await (await driverQuery(db)).run(sql`DELETE FROM "LoginFailure" WHERE "key" = ${key}`);
}
