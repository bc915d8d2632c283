import "server-only";
// Applies the SQL migrations in prisma/<provider>/migrations and keeps Prisma's `_prisma_migrations` table, so a
// database migrated here is one `prisma migrate deploy`/`status` understands (and the other way round).
// Why not `prisma migrate deploy`: it needs the native engine or, through adapter-pg, fails on PostgreSQL
// (prisma/orm#27403). See docs/decisions/001-prisma-offline-two-providers.md.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFilePath, type DbProvider } from "@/lib/server/env";

export type Migration = { name: string; sql: string; checksum: string };
export type MigrationState = { applied: string[]; pending: string[]; failed: string[] };

/** Prisma's advisory lock key, so our runner and Prisma's never migrate the same database at once. The same lock
 *  covers what startup writes after migrating (built-in schemes, demo data), see withStartupLock. */
const PG_LOCK_KEY = 72707369;

export function migrationsDir(provider: DbProvider, root = process.cwd()): string {
  return path.join(root, "prisma", provider, "migrations");
}

export function readMigrations(provider: DbProvider, root = process.cwd()): Migration[] {
  const dir = migrationsDir(provider, root);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

type Row = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

function stateOf(migrations: Migration[], rows: Row[]): MigrationState {
  const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  return {
    applied: migrations.filter((m) => done.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !done.has(m.name)).map((m) => m.name),
    failed,
  };
}

function assertNoEditedMigration(migrations: Migration[], rows: Row[]) {
  for (const row of rows) {
    const m = migrations.find((x) => x.name === row.migration_name);
    if (m && row.finished_at && !row.rolled_back_at && m.checksum !== row.checksum) {
      throw new Error(`迁移 ${m.name} 在应用后被修改过（校验和不一致），请恢复原文件。`);
    }
  }
}

function migrateSqlite(url: string, root: string): MigrationState {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    // Foreign keys off while migrating, as SQLite's own procedure for schema changes requires: Prisma adds a column
    // by rebuilding the table (CREATE new_T, copy, DROP T, rename), and with foreign keys on, DROP TABLE first
    // deletes every row — cascading to every child row (a report's sections, revisions, comments…). The pragma is
    // a no-op inside a transaction, so it is set here, on this connection only (used for nothing else), and each
    // migration's transaction checks the keys itself before committing.
    db.pragma("foreign_keys = OFF");
    db.exec(SQLITE_TABLE);
    const migrations = readMigrations("sqlite", root);
    const rows = () => db.prepare(`SELECT * FROM "_prisma_migrations"`).all() as Row[];
    assertNoEditedMigration(migrations, rows());
    for (const m of stateOf(migrations, rows()).pending) {
      const migration = migrations.find((x) => x.name === m)!;
      // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
      db.transaction(() => {
        const again = stateOf(migrations, rows());
        if (!again.pending.includes(m)) return;
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
        if (broken.length) throw new Error(`迁移 ${m} 后有 ${broken.length} 行外键不成立（如 ${broken[0].table} → ${broken[0].parent}），已回滚。`);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        ).run(randomUUID(), migration.checksum, migration.name);
      }).immediate();
    }
    return stateOf(migrations, rows());
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, root: string): Promise<MigrationState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(PG_TABLE);
    const migrations = readMigrations("postgresql", root);
    const rows = async () => (await client.query<Row>(`SELECT * FROM "_prisma_migrations"`)).rows;
    assertNoEditedMigration(migrations, await rows());
    for (const name of stateOf(migrations, await rows()).pending) {
      const migration = migrations.find((x) => x.name === name)!;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`迁移 ${name} 执行失败：${(error as Error).message}`);
      }
    }
    return stateOf(migrations, await rows());
  } finally {
    await client.end();
  }
}

/** Applies every pending migration for the database at `url`; returns the resulting state. */
export async function migrate(url: string, root = process.cwd()): Promise<MigrationState> {
  return withStartupLock(url, () => migrateHoldingLock(url, root));
}

const migrateHoldingLock = async (url: string, root: string): Promise<MigrationState> =>
  providerOf(url) === "postgresql" ? migratePostgres(url, root) : migrateSqlite(url, root);

/**
 * Migrations, then `seed` (built-in schemes, demo data), all under one lock held across instances: several instances
 * starting together on an empty database each migrate, then each find it empty and write the same demo rows — the
 * second died on a unique constraint. Under the lock the first does everything and the others find it done.
 */
export async function prepareDatabase(url: string, root: string, seed: () => Promise<void>): Promise<MigrationState> {
  return withStartupLock(url, async () => {
    const state = await migrateHoldingLock(url, root);
    await seed();
    return state;
  });
}

/**
 * Opens a transaction holding the startup lock on `client`. Polled with the try variant, each failed attempt
 * rolled back: a waiting instance then holds no server connection between attempts, so under a pooler several
 * instances starting together cannot use up the pool the lock holder's own work needs.
 */
async function lockInTransaction(client: pg.Client): Promise<void> {
  for (const started = Date.now(); ; ) {
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [PG_LOCK_KEY]);
    if (rows[0]?.locked) return;
    await client.query("ROLLBACK");
    if (Date.now() - started > 300_000) throw new Error("等待数据库启动锁超过 5 分钟（另一个实例正在迁移或写入初始数据）。");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs `work` while holding the startup lock of the database at `url`, waiting for it if another process has it.
 * PostgreSQL: a transaction-scoped advisory lock in a transaction held open on its own connection for as long as
 * `work` runs (released when it ends, or when the process dies and the connection closes). Transaction-scoped, not
 * session-level, so it holds through PgBouncer in transaction mode: a pooler gives a client a server connection
 * only per transaction, so a session lock would stay behind on a pooled backend (lent to the next client, unlocked
 * from another backend or never); an open transaction keeps its backend, and its end releases the lock. Polled
 * on both (lockInTransaction; docs/decisions/023-pgbouncer-and-replica.md). SQLite: an exclusive transaction on a lock file beside the
 * database (`<file>-startup-lock`; the database itself cannot be locked while `work` writes to it through another
 * connection), so the wait never blocks this process's event loop.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  if (providerOf(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await lockInTransaction(client);
      const result = await work();
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const lock = new Database(`${file}-startup-lock`, { timeout: 0 });
  try {
    for (const started = Date.now(); ; ) {
      try {
        lock.exec("BEGIN EXCLUSIVE");
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() - started > 300_000) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return await work();
  } finally {
    lock.close(); // ends the transaction: the lock is released
  }
}

/** Reads the migration state without changing anything (for /api/health). */
export async function readMigrationState(
  query: (sql: string) => Promise<Row[]>,
  provider: DbProvider,
  root = process.cwd(),
): Promise<MigrationState> {
  const migrations = readMigrations(provider, root);
  let rows: Row[] = [];
  try {
    rows = await query(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
  } catch {
    rows = [];
  }
  return stateOf(migrations, rows);
}
