// Database inspection for tests, kept here so that SQL text lives only under lib/db.
import pg from "pg";
import type { Db } from "@/lib/db/connect";

/** Every table's row count (Prisma's migration table included), the way each provider lists its tables. */
export async function tableRowCounts(db: Db): Promise<Record<string, number>> {
  const tables: { name: string }[] =
    db.provider === "sqlite"
      ? await db.$queryRawUnsafe(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      : await db.$queryRawUnsafe(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'`);
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${name}"`);
    out[name] = Number(row.n);
  }
  return out;
}

/** Forgets every applied migration, as a database that was never migrated would look. */
export async function forgetAppliedMigrations(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations"`);
}

/** Creates database `name` (a plain identifier) on the server of `admin`, a role that may create databases. */
export async function createPostgresDatabase(admin: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await c.end();
  }
}

/** Drops a test database. FORCE needs the right to end other sessions (an autovacuum worker, a pool connection
 *  still closing), which a non-superuser test role may lack: then wait and drop plainly, and at worst leave it. */
export async function dropPostgresDatabase(admin: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    const id = pg.escapeIdentifier(name);
    for (const sql of [`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`, `DROP DATABASE IF EXISTS ${id}`]) {
      try {
        await c.query(sql);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    console.warn(`测试数据库 ${name} 未能删除（仍有连接），可稍后手动删除`);
  } finally {
    await c.end();
  }
}

/** Makes new connections to a PostgreSQL test database read-only (as on a standby), or writable again. */
export async function setDatabaseReadOnly(db: Db, readOnly: boolean): Promise<void> {
  await db.$executeRawUnsafe(
    `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = ${readOnly ? "on" : "off"}', current_database()); END $$`,
  );
}

/** The connection and worker limits of the PostgreSQL server at `url` as `name = value` lines: a hot standby refuses
 *  to start with lower ones than its primary's (lib/testing/standby.ts). */
export async function serverLimits(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ name: string; setting: string }>("SELECT name, setting FROM pg_settings WHERE name = ANY($1)", [
      ["max_connections", "max_worker_processes", "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction"],
    ]);
    return rows.map((r) => `${r.name} = ${r.setting}`);
  } finally {
    await c.end();
  }
}

/** What a standby's superuser runs to hold WAL replay, and to let it go on. */
export const PAUSE_REPLAY = "SELECT pg_wal_replay_pause()";
export const RESUME_REPLAY = "SELECT pg_wal_replay_resume()";
