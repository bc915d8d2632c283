import "server-only";
// Reads that may come from a PostgreSQL hot standby (DATABASE_REPLICA_URL): the reviewer's dashboard, its workbook
// and the yearly zip of reports — the heavy reads of a deadline day, none of which the reader has just written
// (docs/decisions/023-pgbouncer-and-replica.md). Every such read is told how current its data is:
//   - the standby has replayed all the primary's WAL as of a moment ago → the data is complete as of that moment;
//   - it is behind → complete as of the last transaction it replayed (pg_last_xact_replay_timestamp), unless that is
//     more than REPLICA_MAX_LAG_SECONDS old: then, as when the standby cannot be reached or has replayed nothing
//     yet, the read goes to the primary. So the staleness a page shows is bounded.
import { createDb, type Db } from "@/lib/db/connect";
import { env } from "@/lib/server/env";

/** Where a read goes. `asOf` is set when it goes to the standby: everything committed before it is in the data. */
export type ReadSource = { db: Db; primary: Db; replica: boolean; asOf: Date | null };

type PrimaryPosition = { lsn: string; at: Date };
type StandbyPosition = { caughtUp: boolean; replayedAt: Date | null; inRecovery: boolean };

async function primaryPosition(primary: Db): Promise<PrimaryPosition> {
  const [row] = await primary.$queryRawUnsafe<{ lsn: string; at: Date }[]>(`SELECT pg_current_wal_lsn()::text AS lsn, clock_timestamp() AS at`);
  return { lsn: row.lsn, at: new Date(row.at) };
}

/** Where the standby stands against a primary WAL position. Callable by any role (no pg_monitor needed). */
async function standbyPosition(replica: Db, primaryLsn: string): Promise<StandbyPosition> {
  const [row] = await replica.$queryRawUnsafe<{ in_recovery: boolean; caught_up: boolean | null; replayed_at: Date | null }[]>(
    `SELECT pg_is_in_recovery() AS in_recovery,
            pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0 AS caught_up,
            pg_last_xact_replay_timestamp() AS replayed_at`,
    primaryLsn,
  );
  return { inRecovery: row.in_recovery, caughtUp: row.caught_up === true, replayedAt: row.replayed_at ? new Date(row.replayed_at) : null };
}

/**
 * Decides where a read goes, given a primary and (perhaps) a standby. Exported for tests; pages use readSource().
 * A standby that is not in recovery (promoted, or a misconfigured URL pointing at a primary) is not trusted: it
 * could be a diverged copy.
 */
export async function chooseReadSource(primary: Db, replica: Db | null, maxLagSeconds: number): Promise<ReadSource> {
  const onPrimary: ReadSource = { db: primary, primary, replica: false, asOf: null };
  if (!replica) return onPrimary;
  try {
    const p = await primaryPosition(primary);
    const s = await standbyPosition(replica, p.lsn);
    if (!s.inRecovery) return warnOnce("只读副本不处于恢复（standby）状态，已改为从主库读取", onPrimary);
    if (s.caughtUp) return { db: replica, primary, replica: true, asOf: p.at };
    if (!s.replayedAt) return onPrimary;
    if (p.at.getTime() - s.replayedAt.getTime() > maxLagSeconds * 1000) return onPrimary;
    return { db: replica, primary, replica: true, asOf: s.replayedAt };
  } catch (error) {
    return warnOnce(`只读副本无法读取，已改为从主库读取：${error instanceof Error ? error.message : String(error)}`, onPrimary);
  }
}

let warned = 0;
function warnOnce(message: string, source: ReadSource): ReadSource {
  // At most once a minute: a standby down on a busy day must not flood the log.
  if (Date.now() - warned > 60_000) {
    warned = Date.now();
    console.warn(message);
  }
  return source;
}

const globalForReplica = globalThis as unknown as { __replicaDb?: Db | null };

/** The process-wide client for DATABASE_REPLICA_URL, or null when none is configured. */
export function getReplicaDb(): Db | null {
  if (globalForReplica.__replicaDb === undefined) {
    const url = env().DATABASE_REPLICA_URL;
    globalForReplica.__replicaDb = url ? createDb(url) : null;
  }
  return globalForReplica.__replicaDb;
}

/** Where a dashboard or export read goes now (see the top of this file); `primary` is the request's database. */
export function readSource(primary: Db): Promise<ReadSource> {
  return chooseReadSource(primary, getReplicaDb(), env().REPLICA_MAX_LAG_SECONDS);
}
