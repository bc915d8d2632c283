import "server-only";
// Opens a Prisma client for a DATABASE_URL: PostgreSQL (adapter-pg) for postgres:// URLs, else SQLite
// (better-sqlite3). Both generated clients come from the same models, so one type serves both; the SQLite
// client's type is used as the common one. Server code imports lib/db/client.ts; scripts and tests this file.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqliteClient } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/lib/db/generated/postgresql/client";
import { env, providerOf, sqliteFilePath, type DbProvider } from "@/lib/server/env";

export type Db = SqliteClient & {
  readonly provider: DbProvider;
  /** The driver adapter this client runs on, connected: for the few hot statements of lib/db/driver.ts. */
  $driver(): Promise<SqlDriverAdapter>;
};

/** Applied on every SQLite connection: WAL for concurrent readers, enforced foreign keys, wait (not fail) on locks. */
const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 10000",
  "PRAGMA synchronous = NORMAL",
];

/** The adapter Prisma connected through a factory, kept for lib/db/driver.ts (cleared when Prisma disposes it). */
function remember<A extends SqlDriverAdapter>(factory: { connected: SqlDriverAdapter | null }, adapter: A): A {
  const dispose = adapter.dispose.bind(adapter);
  const kept: A = Object.assign(adapter, {
    dispose: () => {
      if (factory.connected === kept) factory.connected = null;
      return dispose();
    },
  });
  factory.connected = kept;
  return kept;
}

class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  connected: SqlDriverAdapter | null = null;
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    for (const pragma of SQLITE_PRAGMAS) await adapter.executeScript(pragma);
    return remember(this, isolateTransactions(adapter));
  }
}

class PgAdapterFactory extends PrismaPg {
  connected: SqlDriverAdapter | null = null;
  async connect() {
    return remember(this, await super.connect());
  }
}

/**
 * better-sqlite3 gives the process one connection. The adapter queues transactions behind each other but lets any
 * other query run while a transaction is open — on the same connection, so inside it: a page would read a save's
 * uncommitted version, and a write made meanwhile (a sign-in's session row) would vanish if that save rolled back
 * (a version conflict). Here a query outside a transaction waits until no transaction is open. It costs nothing
 * in parallelism (the connection is synchronous anyway) and little in time: a save's transaction is a few
 * statements (docs/decisions/010-autosave-latency.md).
 */
function isolateTransactions(inner: SqlDriverAdapter): SqlDriverAdapter {
  let open: Promise<void> | null = null;
  // Each caller re-checks `open` in the same synchronous step in which it acts (better-sqlite3 runs a statement
  // synchronously inside the call), so nothing can open a transaction between the check and the statement.
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => {
      while (open) await open;
      return inner.queryRaw(query);
    },
    executeRaw: async (query) => {
      while (open) await open;
      return inner.executeRaw(query);
    },
    executeScript: async (script) => {
      while (open) await open;
      return inner.executeScript(script);
    },
    startTransaction: async (isolationLevel) => {
      while (open) await open;
      let release!: () => void;
      open = new Promise<void>((resolve) => (release = resolve));
      const done = () => {
        open = null;
        release();
      };
      try {
        const tx = await inner.startTransaction(isolationLevel);
        return {
          provider: tx.provider,
          adapterName: tx.adapterName,
          options: tx.options,
          queryRaw: (query) => tx.queryRaw(query),
          executeRaw: (query) => tx.executeRaw(query),
          commit: () => tx.commit().finally(done),
          rollback: () => tx.rollback().finally(done),
        };
      } catch (error) {
        done();
        throw error;
      }
    },
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => inner.dispose(),
  };
}

export function createDb(url: string): Db {
  const provider = providerOf(url);
  // PostgreSQL pool: a save waits up to 10 s for a connection on a busy deadline day, then fails with a message
  // rather than hanging (the bound Prisma's transaction maxWait gave). Idle connections are kept for 5 minutes,
  // not node-pg's 10 s: under bursty load the pool otherwise shrinks between bursts and every regrowth pays a
  // backend start and a SCRAM handshake (several ms) inside some user's save.
  const factory =
    provider === "postgresql"
      ? new PgAdapterFactory({ connectionString: url, max: 10, min: 2, idleTimeoutMillis: 5 * 60_000, connectionTimeoutMillis: 10_000 })
      : new SqliteAdapterFactory({ url: sqliteFilePath(url), timeout: 10_000 });
  const client =
    factory instanceof PgAdapterFactory ? (new PgClient({ adapter: factory }) as unknown as SqliteClient) : new SqliteClient({ adapter: factory });
  const $driver = async (): Promise<SqlDriverAdapter> => {
    if (!factory.connected) await client.$connect();
    if (!factory.connected) throw new Error("database adapter is not connected");
    return factory.connected;
  };
  return Object.assign(client, { provider, $driver }) as Db;
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The process-wide client for DATABASE_URL (kept across hot reloads in development). */
export function getDb(): Db {
  globalForDb.__db ??= createDb(env().DATABASE_URL);
  return globalForDb.__db;
}
